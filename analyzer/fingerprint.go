package analyzer

// Reporting through the baseline: every diagnostic of a pass gets its
// fingerprint (baseline.ID: rule, file, enclosing function, message without
// positions, rank among equal ones) here, where the syntax is at hand, so
// that every driver identifies a finding the same way; the ones that the
// configured baseline holds are not reported. The pass's Result says which
// finding is which and what the baseline hid.

import (
	"cmp"
	"fmt"
	"go/ast"
	"go/token"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/baseline"
)

// Result is the analyzer's result for one package (Pass.ResultOf, or a
// driver's action result).
type Result struct {
	// IDs identify the diagnostics that the pass reported, in the order
	// it reported them: for -write-baseline and SARIF's fingerprints.
	IDs []baseline.ID
	// Baseline is what the pass did with the configured baseline; nil
	// without one.
	Baseline *baseline.Use
	// Routes are the package's complete routes, collected only with
	// Config.Routes (routes_collect.go); nil otherwise.
	Routes []Route
}

// emit queues a diagnostic of the pass; flush reports them.
func (p *pass) emit(d analysis.Diagnostic) {
	p.out = append(p.out, d)
}

// flush fingerprints the queued diagnostics, reports those that the
// baseline does not hold, and returns the pass's result. checked are the
// files whose findings are reported.
func (p *pass) flush(checked []*ast.File) *Result {
	ids := make([]baseline.ID, len(p.out))
	groups := map[baseline.Key][]int{}
	for i, d := range p.out {
		ids[i].Key = p.key(d)
		groups[ids[i].Key] = append(groups[ids[i].Key], i)
	}
	// Rank among equal keys, in the order of positions (the order of
	// reporting follows the analysis, not the file).
	for _, list := range groups {
		slices.SortFunc(list, func(a, b int) int { return cmp.Compare(p.out[a].Pos, p.out[b].Pos) })
		for rank, i := range list {
			ids[i].Rank = rank
		}
	}
	res := &Result{}
	b := p.s.baseline
	var use *baseline.Use
	if b != nil {
		use = p.baselineUse(checked)
		res.Baseline = use
	}
	for i, d := range p.out {
		if b != nil && b.Has(ids[i]) {
			if _, ok := use.Hidden[ids[i].Key]; ok {
				use.Hidden[ids[i].Key]++
			}
			continue
		}
		res.IDs = append(res.IDs, ids[i])
		p.Report(d)
	}
	return res
}

// baselineUse returns the package's use of the baseline, nothing hidden yet:
// the entries of its checked files, for enabled rules.
func (p *pass) baselineUse(checked []*ast.File) *baseline.Use {
	use := &baseline.Use{Package: p.Pkg.Path(), Hidden: map[baseline.Key]int{}}
	for r := range p.s.disabled {
		use.Disabled = append(use.Disabled, r)
	}
	slices.Sort(use.Disabled)
	for _, f := range p.Files {
		use.Files = append(use.Files, filepath.Base(p.Fset.PositionFor(f.Pos(), true).Filename))
	}
	files := map[string]bool{}
	for _, f := range checked {
		files[p.fileKey(f.Pos())] = true
	}
	for k := range p.s.baseline.All() {
		if files[k.File] && !p.s.disabled[k.Rule] {
			use.Hidden[k] = 0
		}
	}
	return use
}

// emptyResult is the result of a pass that reports nothing (a package that
// cannot matter): every baseline entry of its files hid nothing.
func (p *pass) emptyResult() *Result {
	var checked []*ast.File
	for _, f := range p.Files {
		if p.checks(f) {
			checked = append(checked, f)
		}
	}
	return p.flush(checked)
}

// key returns a diagnostic's key.
func (p *pass) key(d analysis.Diagnostic) baseline.Key {
	return baseline.Key{
		Rule:     d.Category,
		File:     p.fileKey(d.Pos),
		Function: enclosingFunc(p.fileOf(d.Pos), d.Pos),
		Message:  configNotes.ReplaceAllString(positions.ReplaceAllString(d.Message, "$1"), ""),
	}
}

// fileKey returns the File of the keys of the file at pos: the package path
// and the base name of the file (after //line directives: a cgo file is
// named after its source).
func (p *pass) fileKey(pos token.Pos) string {
	return p.Pkg.Path() + "/" + path.Base(filepath.ToSlash(p.Fset.PositionFor(pos, true).Filename))
}

// configNotes match the parts of messages that depend on the fixes'
// configuration (error-writer, default-codes), not on the code: a baseline
// written before them still holds the finding.
var configNotes = regexp.MustCompile(` \(no fix: \d+ has \d+ codes; set default-codes\)$|; or send these errors with the error writer \S+ \(-fix rewrites literal bodies, not a named type\)$`)

// positions matches a position in a message, file.go:12 or file.go:12:3,
// and keeps the file.
var positions = regexp.MustCompile(`(\.go):\d+(?::\d+)?`)

// enclosingFunc names the function of file that encloses pos, as
// [baseline.Key.Function] describes; "" outside any.
func enclosingFunc(file *ast.File, pos token.Pos) string {
	if file == nil {
		return ""
	}
	for _, d := range file.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			if start <= pos && pos < d.End() {
				name := d.Name.Name
				if d.Recv != nil && len(d.Recv.List) == 1 {
					if recv := recvName(d.Recv.List[0].Type); recv != "" {
						name = recv + "." + name
					}
				}
				if d.Body == nil {
					return name
				}
				return name + litPath(d.Body, pos)
			}
		case *ast.GenDecl:
			if pos < d.Pos() || d.End() <= pos {
				continue
			}
			for _, spec := range d.Specs {
				if vs, ok := spec.(*ast.ValueSpec); ok && vs.Pos() <= pos && pos < vs.End() {
					var names []string
					for _, n := range vs.Names {
						names = append(names, n.Name)
					}
					return strings.Join(names, ",") + litPath(vs, pos)
				}
			}
		}
	}
	return ""
}

// recvName returns the type name of a receiver: T for T, *T, T[P], *T[P].
func recvName(x ast.Expr) string {
	for {
		switch t := x.(type) {
		case *ast.StarExpr:
			x = t.X
		case *ast.ParenExpr:
			x = t.X
		case *ast.IndexExpr:
			x = t.X
		case *ast.IndexListExpr:
			x = t.X
		case *ast.Ident:
			return t.Name
		default:
			return ""
		}
	}
}

// litPath returns ".funcN" for each function literal around pos inside n:
// N counts the literals of the same parent (n, or the enclosing literal)
// in source order, from 1.
func litPath(n ast.Node, pos token.Pos) string {
	var b strings.Builder
	for {
		i := 0
		var found *ast.FuncLit
		ast.Inspect(n, func(c ast.Node) bool {
			if found != nil {
				return false
			}
			lit, ok := c.(*ast.FuncLit)
			if !ok {
				return true
			}
			i++
			if lit.Pos() <= pos && pos < lit.End() {
				found = lit
			}
			return false // its own literals are the next level's
		})
		if found == nil {
			return b.String()
		}
		fmt.Fprintf(&b, ".func%d", i)
		n = found.Body
	}
}
