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

	"github.com/apierrlint/apierrlint/baseline"
)

// Finding is a diagnostic with its positions resolved, ready to print.
type Finding struct {
	Posn, End token.Position
	Category  string
	Message   string
	Related   []Related
	Fixes     []Fix
	ID        baseline.ID // its fingerprint (the analyzer's Result)
}

// Related is a related position of a finding.
type Related struct {
	Posn, End token.Position
	Message   string
}

// Fix is a suggested fix of a finding, its edits' positions resolved.
type Fix struct {
	Message string
	Edits   []Edit
}

// Edit replaces the text from Posn to End with New.
type Edit struct {
	Posn, End token.Position
	New       string
}

// NewFinding resolves a diagnostic's positions. A missing end is the
// start.
func NewFinding(fset *token.FileSet, d analysis.Diagnostic) Finding {
	end := d.End
	if !end.IsValid() {
		end = d.Pos
	}
	f := Finding{Posn: fset.Position(d.Pos), End: fset.Position(end), Category: d.Category, Message: d.Message}
	for _, r := range d.Related {
		f.Related = append(f.Related, Related{fset.Position(r.Pos), fset.Position(cmp.Or(r.End, r.Pos)), r.Message})
	}
	for _, sf := range d.SuggestedFixes {
		fix := Fix{Message: sf.Message}
		for _, e := range sf.TextEdits {
			fix.Edits = append(fix.Edits, Edit{fset.Position(e.Pos), fset.Position(cmp.Or(e.End, e.Pos)), string(e.NewText)})
		}
		f.Fixes = append(f.Fixes, fix)
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

// ModuleRoot returns the directory of the go.mod that governs dir: dir's
// or its nearest parent's; "" when there is none.
func ModuleRoot(dir string) string {
	for d := dir; ; {
		if fi, err := os.Stat(filepath.Join(d, "go.mod")); err == nil && !fi.IsDir() {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return ""
		}
		d = parent
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
