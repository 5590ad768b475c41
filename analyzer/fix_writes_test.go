package analyzer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

// TestFixesIdempotent: the fixed code (the goldens of the packages that
// the fixes move to gen's writer) gets no fix from a second run, with the
// same configuration: -fix twice changes nothing. The second run sees the
// generated package imported, so its writer is known by its facts.
func TestFixesIdempotent(t *testing.T) {
	skipInMutationRun(t)
	src := filepath.Join(analysistest.TestData(), "src")
	dir := t.TempDir()
	if err := os.CopyFS(filepath.Join(dir, "src"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	var pkgs []string
	for _, set := range fixtureSets {
		for _, pkg := range set.pkgs {
			if !strings.HasPrefix(pkg, "fixgen/") {
				continue
			}
			pkgs = append(pkgs, pkg)
			goldens, _ := filepath.Glob(filepath.Join(dir, "src", pkg, "*.go.golden"))
			if len(goldens) == 0 {
				t.Fatalf("%s: no golden", pkg)
			}
			for _, g := range goldens {
				data, err := os.ReadFile(g)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(strings.TrimSuffix(g, ".golden"), data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	a, _, err := fixtureAnalyzer()
	if err != nil {
		t.Fatal(err)
	}
	// The want comments of the goldens are the first run's: not checked.
	results := analysistest.Run(&errorRecorder{}, dir, a, pkgs...)
	if len(results) < len(pkgs) {
		t.Fatalf("%d results for %d packages", len(results), len(pkgs))
	}
	for _, res := range results {
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix on the fixed code: %s (%s)", res.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message, d.Message)
			}
		}
	}
}
