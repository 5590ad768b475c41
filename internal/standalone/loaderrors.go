package standalone

import (
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/internal/driver"
)

// printLoadErrors prints the errors of the packages and their dependencies
// once each, in the form go build uses, and returns how many it printed.
//
// go/packages reports a package that does not compile twice: the
// compiler's output from go list (a "# path" line and its errors, positions
// relative to the working directory), and its own parse and type errors
// (absolute positions, with follow-on errors the compiler does not show).
// Only the first is printed when it is there.
func printLoadErrors(w io.Writer, pkgs []*packages.Package) int {
	printed := map[string]bool{}
	n := 0
	emit := func(text string) {
		if !printed[text] {
			printed[text] = true
			io.WriteString(w, text)
			n++
		}
	}
	packages.Visit(pkgs, nil, func(p *packages.Package) {
		if len(p.Errors) == 0 {
			return
		}
		for _, e := range p.Errors {
			if strings.HasPrefix(e.Msg, "# ") {
				emit(e.Msg + "\n") // the compiler's output, as go build shows it
				return
			}
		}
		var b strings.Builder
		for _, e := range p.Errors {
			switch e.Pos {
			case "", "-":
				emit(e.Msg + "\n")
			default:
				fmt.Fprintf(&b, "%s: %s\n", shortPos(e.Pos), e.Msg)
			}
		}
		if b.Len() > 0 {
			emit("# " + p.PkgPath + "\n" + b.String())
		}
	})
	return n
}

// shortPos shortens the file name of a "file:line:col" position.
func shortPos(pos string) string {
	file, rest := pos, ""
	for range 2 {
		i := strings.LastIndexByte(file, ':')
		if i < 0 {
			break
		}
		file, rest = file[:i], file[i:]+rest
	}
	return driver.ShortPath(file) + rest
}
