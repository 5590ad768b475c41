package analyzer_test

import (
	"os"
	"path/filepath"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/analyzer"
)

// TestConcurrentAnalyses runs several analyzers at once on the same loaded
// packages, as golangci-lint and gopls do: under -race (make test runs this
// test with it) any shared mutable state shows, and every run must report
// the same findings.
func TestConcurrentAnalyses(t *testing.T) {
	if os.Getenv("APIERRLINT_MUTATION_RUN") != "" {
		t.Skip("a mutation run skips this test (make test runs it with -race)")
	}
	gopath, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	pkgs, err := packages.Load(&packages.Config{
		Mode: packages.LoadAllSyntax,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=", "GOWORK=off"),
	}, "./raw", "./fiberapp", "./bodyshape", "./raformat")
	if err != nil {
		t.Fatal(err)
	}
	const n = 4
	results := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			a, err := analyzer.New(analyzer.Config{})
			if i%2 == 1 {
				a, _ = analyzer.NewWithFlags()
			}
			if err != nil {
				t.Error(err)
				return
			}
			g, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
			if err != nil {
				t.Error(err)
				return
			}
			for act := range g.All() {
				if act.IsRoot {
					results[i] += len(act.Diagnostics)
				}
			}
		})
	}
	wg.Wait()
	for i := range results {
		if results[i] == 0 || results[i] != results[0] {
			t.Errorf("run %d: %d findings, run 0: %d", i, results[i], results[0])
		}
	}
}
