package nogo

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apierrlint/apierrlint/analyzer"
)

// TestAnalyzer: the exported analyzer is apierrlint, configured by its
// flags as nogo's analyzer_flags set them: -config names an .apierrlint.yml
// (its inline catalog documents GONE_FOREVER and not NOT_FOUND; it disables
// raw-http-error).
func TestAnalyzer(t *testing.T) {
	if Analyzer.Name != analyzer.Name || Analyzer.Flags.Lookup("config") == nil || Analyzer.Flags.Lookup("catalog") == nil {
		t.Fatalf("Analyzer: %s, flags config and catalog wanted", Analyzer.Name)
	}
	a := newAnalyzer() // the test sets flags on its own copy
	if err := a.Flags.Set("config", "testdata/apierrlint.yml"); err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), a, "nogoapp")
}
