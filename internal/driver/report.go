package driver

import (
	"cmp"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// Finding is a diagnostic with its positions resolved, ready to print.
type Finding struct {
	Posn, End token.Position
	Category  string
	Message   string
	Related   []Related
	Fixed     bool // its fix was applied (-fix)
}

// Related is a related position of a finding.
type Related struct {
	Posn, End token.Position
	Message   string
}

// NewFinding resolves a diagnostic's positions.
func NewFinding(fset *token.FileSet, d analysis.Diagnostic) Finding {
	f := Finding{Posn: fset.Position(d.Pos), End: fset.Position(d.End), Category: d.Category, Message: d.Message}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{fset.Position(r.Pos), fset.Position(r.End), r.Message})
	}
	return f
}

// Sort orders findings by file, line and column (then rule and message),
// and drops exact duplicates: a package and its test variant report the
// same finding of a shared file.
func Sort(list []Finding) []Finding {
	slices.SortFunc(list, func(a, b Finding) int {
		return cmp.Or(
			cmp.Compare(a.Posn.Filename, b.Posn.Filename),
			cmp.Compare(a.Posn.Line, b.Posn.Line),
			cmp.Compare(a.Posn.Column, b.Posn.Column),
			cmp.Compare(a.Category, b.Category),
			cmp.Compare(a.Message, b.Message))
	})
	return slices.CompactFunc(list, func(a, b Finding) bool {
		return a.Posn == b.Posn && a.Category == b.Category && a.Message == b.Message
	})
}

// Print prints findings as file:line:col: message, with contextLines lines
// of source around each when contextLines >= 0 (the -c flag). With short,
// a file below the working directory is shown relative to it, as go build
// and go vet show positions.
func Print(w io.Writer, list []Finding, contextLines int, short bool) {
	for _, f := range list {
		printOne(w, f.Posn, f.End, f.Message, contextLines, short)
		for _, r := range f.Related {
			printOne(w, r.Posn, r.End, "\t"+r.Message, contextLines, short)
		}
	}
}

func printOne(w io.Writer, posn, end token.Position, message string, contextLines int, short bool) {
	shown := posn
	if short {
		shown.Filename = ShortPath(posn.Filename)
	}
	fmt.Fprintf(w, "%s: %s\n", shown, message)
	if contextLines < 0 || posn.Filename == "" {
		return
	}
	if !end.IsValid() {
		end = posn
	}
	data, _ := os.ReadFile(posn.Filename)
	lines := strings.Split(string(data), "\n")
	for i := posn.Line - contextLines; i <= end.Line+contextLines; i++ {
		if 1 <= i && i <= len(lines) {
			fmt.Fprintf(w, "%d\t%s\n", i, lines[i-1])
		}
	}
}

// ShortPath returns path relative to the working directory when path is
// inside it, else path unchanged.
func ShortPath(path string) string {
	if !filepath.IsAbs(path) {
		return path
	}
	wd, err := os.Getwd()
	if err != nil {
		return path
	}
	rel, err := filepath.Rel(wd, path)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return path
	}
	return rel
}

// Summary is the one line that ends a plain run with findings, on stderr:
// "27 findings: raw-http-error 9, unknown-code 6, ...", rules in the order
// given, then any others in the order met. "" when list is empty.
func Summary(list []Finding, rules []string) string {
	if len(list) == 0 {
		return ""
	}
	counts := map[string]int{}
	order := slices.Clone(rules)
	for _, f := range list {
		if !slices.Contains(order, f.Category) {
			order = append(order, f.Category)
		}
		counts[f.Category]++
	}
	var parts []string
	for _, r := range order {
		if n := counts[r]; n > 0 {
			parts = append(parts, fmt.Sprintf("%s %d", r, n))
		}
	}
	return fmt.Sprintf("%s: %s", Plural(len(list), "finding", "findings"), strings.Join(parts, ", "))
}

// Plural returns "1 fix" or "3 fixes".
func Plural(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}
