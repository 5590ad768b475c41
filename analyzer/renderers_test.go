package analyzer_test

import (
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apierrlint/apierrlint/analyzer"
)

// TestRenderers: central error renderers and the error values they render
// (renderers.go, rendered.go, errvalues.go), across packages: a renderer in
// one package (rendx/xrender), the error type in another (rendx/xerr), the
// values built in a third that imports both (rendx/handlers) or only the
// type's (rendx/norender: silent), the renderers installed in a fourth
// (rendx/app).
func TestRenderers(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	analysistest.Run(t, analysistest.TestData(), a, "rendx/...", "rendfiber", "rendfiber3/...", "rendgin", "rendhttp", "rendecho5", "rendtype/...")
}
