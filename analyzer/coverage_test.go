package analyzer

import (
	"go/ast"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
	"golang.org/x/tools/go/types/typeutil"
)

// TestTableCoverage: every row of every framework table is called in the
// analyzer's fixtures (testdata/src, the stubs excepted), so that each
// primitive has fixtures, flagged or left alone; a row that no fixture uses
// is untested. So is every maker of the tables' defaults.
func TestTableCoverage(t *testing.T) {
	gopath, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var fixtures []string
	entries, err := os.ReadDir(filepath.Join(gopath, "src"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() && e.Name() != "github.com" && e.Name() != "cgohandler" {
			fixtures = append(fixtures, "./"+e.Name()+"/...") // subpackages too (defaults/fiber2)
		}
	}
	cfg := &packages.Config{
		Mode:  packages.NeedName | packages.NeedTypes | packages.NeedSyntax | packages.NeedTypesInfo | packages.NeedDeps | packages.NeedImports,
		Dir:   filepath.Join(gopath, "src"),
		Env:   append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=", "GOWORK=off"),
		Tests: true,
	}
	pkgs, err := packages.Load(cfg, fixtures...)
	if err != nil {
		t.Fatal(err)
	}
	called := map[string]int{}
	for _, pkg := range pkgs {
		for _, f := range pkg.Syntax {
			ast.Inspect(f, func(n ast.Node) bool {
				if lit, ok := n.(*ast.CompositeLit); ok {
					// A composite literal makes a product (httputil.ReverseProxy).
					if tn := namedOf(pkg.TypesInfo.TypeOf(lit)); tn != nil && tn.Pkg() != nil {
						called[tn.Pkg().Path()+"."+tn.Name()]++
					}
				}
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				switch fn := typeutil.Callee(pkg.TypesInfo, call).(type) {
				case *types.Func:
					called[fn.Origin().FullName()]++
					// Methods of ResponseWriter implementations count for
					// the interface's rows, as the analyzer matches them.
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
	var missing []string
	for _, fw := range frameworks {
		for key := range fw.prims {
			if called[key] == 0 {
				missing = append(missing, key)
			}
		}
	}
	for _, fb := range fallbacks {
		for _, mk := range fb.makers {
			key := mk.fn
			if key == "" {
				key = mk.lit.pkg + "." + mk.lit.name
			}
			if called[key] == 0 {
				missing = append(missing, key+" (a maker of default "+fb.id+")")
			}
		}
	}
	slices.Sort(missing)
	for _, key := range missing {
		t.Errorf("no fixture calls %s", key)
	}
}
