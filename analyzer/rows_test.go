package analyzer

import (
	"fmt"
	"go/ast"
	"go/types"
	"maps"
	"os"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// TestTableRows: the framework tables have exactly the rows of
// testdata/rows.txt, a list kept by hand: the tests that loop over the rows
// that exist cannot notice one that is gone.
func TestTableRows(t *testing.T) {
	want := readRowList(t, "testdata/rows.txt")
	have := map[string][]string{}
	for _, fw := range frameworks {
		have[fw.name] = tableKeys(fw)
		for _, r := range append(append(tableRows(fw), rendererRows(fw)...), routeTableRows(fw)...) {
			have[fw.name] = append(have[fw.name], r.key)
		}
	}
	for fw, keys := range want {
		for _, key := range keys {
			if !slices.Contains(have[fw], key) {
				t.Errorf("%s: the table has no row %s (testdata/rows.txt lists it)", fw, key)
			}
		}
	}
	for fw, keys := range have {
		for _, key := range keys {
			if !slices.Contains(want[fw], key) {
				t.Errorf("%s: row %s is not in testdata/rows.txt", fw, key)
			}
		}
	}
}

// readRowList reads a list of "framework key" lines ('#' starts a comment).
func readRowList(t *testing.T, name string) map[string][]string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	rows := map[string][]string{}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		line, _, _ = strings.Cut(line, "#")
		f := strings.Fields(line)
		switch len(f) {
		case 0:
			continue
		case 2:
			rows[f[0]] = append(rows[f[0]], f[1])
			n++
		default:
			t.Fatalf("%s:%d: want \"framework key\", got %q", name, i+1, line)
		}
	}
	if n == 0 {
		t.Fatalf("%s lists no rows: a test against an empty list checks nothing", name)
	}
	return rows
}

// TestRowsPinned deletes each table row in turn and analyzes the fixtures
// again: some finding, fix or fact must change (and the fixtures' want
// comments pin all of them), so that every row has a fixture that exists
// because of it. A row the analysis leaves alone on purpose (fiber.NewError)
// changes nothing by design: it must be called in a fixture, as a look-alike
// that is not reported.
func TestRowsPinned(t *testing.T) {
	skipInMutationRun(t)
	run := fixtures(t)
	a, _, err := fixtureAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	var roots []*packages.Package
	for _, res := range run.results {
		roots = append(roots, res.Action.Package)
	}
	outcome := func() string {
		g, err := checker.Analyze([]*analysis.Analyzer{a}, roots, nil)
		if err != nil {
			t.Fatal(err)
		}
		return analysisOutcome(g)
	}
	base := outcome()
	called := calledFunctions(roots)
	for _, fw := range frameworks {
		for _, key := range tableKeys(fw) {
			// The tables are the analyzer's global data: this test changes
			// them while no analysis runs, and puts the row back.
			pr := fw.prims[key]
			delete(fw.prims, key)
			got := outcome()
			fw.prims[key] = pr
			switch {
			case got != base:
			case pr.role != roleSilent:
				t.Errorf("%s: row %s: without it the fixtures report the same: no fixture exists because of it", fw.name, key)
			case called[key] == 0:
				t.Errorf("%s: row %s (left alone on purpose): no fixture calls it", fw.name, key)
			}
		}
		// A default's makers and replacements (without a maker a creation
		// is not reported, without a replacement a replaced default is), and
		// the rows that find central error renderers.
		for _, r := range append(append(tableRows(fw), rendererRows(fw)...), routeTableRows(fw)...) {
			restore := r.remove()
			got := outcome()
			restore()
			if got == base {
				t.Errorf("%s: row %s: without it the fixtures report the same: no fixture exists because of it", fw.name, r.key)
			}
		}
	}
}

// tableRow is a row that the row list names beside the primitives: a
// part of a default (a maker or a replacement) or a renderer row, with a
// way to take it out of the table (for TestRowsPinned; remove returns the
// undo).
type tableRow struct {
	key    string
	remove func() (restore func())
}

// without returns a remove func for tableRow: it takes element j out of
// the slice *list and returns the undo.
func without[T any](list *[]T, j int) func() func() {
	return func() func() {
		old := *list
		*list = slices.Delete(slices.Clone(old), j, j+1)
		return func() { *list = old }
	}
}

// rendererRows lists a framework's rows about central error renderers
// (renderers.go): "renderer:pkg.Type", "registration:pkg.Type.Field",
// "middleware:NEXT" and "adapter:METHOD".
func rendererRows(fw *framework) []tableRow {
	var rows []tableRow
	for j, rt := range fw.renderers {
		rows = append(rows, tableRow{"renderer:" + rt.typ.pkg + "." + rt.typ.name, without(&fw.renderers, j)})
	}
	for j, reg := range fw.registrations {
		rows = append(rows, tableRow{"registration:" + reg.typ.pkg + "." + reg.typ.name + "." + reg.field, without(&fw.registrations, j)})
	}
	if mw := fw.errorMiddleware; mw != nil {
		rows = append(rows, tableRow{"middleware:" + mw.next, func() func() {
			fw.errorMiddleware = nil
			return func() { fw.errorMiddleware = mw }
		}})
	}
	if ad := fw.adapter; ad != "" {
		rows = append(rows, tableRow{"adapter:" + ad, func() func() {
			fw.adapter = ""
			return func() { fw.adapter = ad }
		}})
	}
	return rows
}

// routeTableRows lists a framework's routing rows (routerows.go):
// "route:KEY".
func routeTableRows(fw *framework) []tableRow {
	var rows []tableRow
	for _, key := range slices.Sorted(maps.Keys(fw.routes)) {
		rows = append(rows, tableRow{"route:" + key, func() func() {
			row := fw.routes[key]
			delete(fw.routes, key)
			return func() { fw.routes[key] = row }
		}})
	}
	return rows
}

// tableRows lists a framework's defaults by part: "default:ID:make:MAKER"
// (a constructor's full name, or pkg.Type of a literal) and
// "default:ID:replace:pkg.Type.Field" (or .Method).
func tableRows(fw *framework) []tableRow {
	var rows []tableRow
	for i := range fw.defaults {
		fb := &fw.defaults[i]
		for j, mk := range fb.makers {
			name := mk.fn
			if name == "" {
				name = mk.lit.pkg + "." + mk.lit.name
			}
			rows = append(rows, tableRow{"default:" + fb.id + ":make:" + name, without(&fb.makers, j)})
		}
		for j, r := range fb.replacedBy {
			rows = append(rows, tableRow{"default:" + fb.id + ":replace:" + r.on.pkg + "." + r.on.name + "." + r.field + r.method, without(&fb.replacedBy, j)})
		}
	}
	return rows
}

// analysisOutcome prints what the analysis of the root packages found:
// findings with their fixes, and facts.
func analysisOutcome(g *checker.Graph) string {
	var out []string
	for act := range g.All() {
		if !act.IsRoot {
			continue
		}
		fset := act.Package.Fset
		for _, d := range act.Diagnostics {
			s := fmt.Sprint(fset.Position(d.Pos), " ", d.Message)
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					s += fmt.Sprintf(" [%s %d-%d %q]", fix.Message, fset.Position(e.Pos).Offset, fset.Position(e.End).Offset, e.NewText)
				}
			}
			out = append(out, s)
		}
		for _, f := range act.AllObjectFacts() {
			if f.Object.Pkg() == act.Package.Types {
				out = append(out, fmt.Sprint(fset.Position(f.Object.Pos()), " ", f.Object.Name(), " ", f.Fact))
			}
		}
		for _, f := range act.AllPackageFacts() {
			if f.Package == act.Package.Types {
				out = append(out, fmt.Sprint(f.Package.Path(), " ", f.Fact))
			}
		}
	}
	slices.Sort(out)
	return strings.Join(out, "\n")
}

// calledFunctions counts the calls of each function in the fixtures, by
// types.Func.FullName (package-level function variables by "path.Name"),
// counting the methods of ResponseWriter implementations for the
// interface's rows, as the analyzer matches them.
func calledFunctions(roots []*packages.Package) map[string]int {
	called := map[string]int{}
	for _, pkg := range roots {
		if strings.HasPrefix(pkg.PkgPath, "github.com/") {
			continue // the stubs
		}
		for _, f := range pkg.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				switch fn := typeutil.Callee(pkg.TypesInfo, call).(type) {
				case *types.Func:
					called[fn.Origin().FullName()]++
					if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fn.Signature().Recv() != nil {
						if t := pkg.TypesInfo.TypeOf(sel.X); t != nil && strings.Contains(t.String(), "ResponseWriter") {
							called["(net/http.ResponseWriter)."+fn.Name()]++
						}
					}
				case *types.Var:
					if fn.Pkg() != nil {
						called[fn.Pkg().Path()+"."+fn.Name()]++
					}
				}
				return true
			})
		}
	}
	return called
}
