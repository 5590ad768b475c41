package analyzer_test

import (
	"slices"
	"testing"

	"github.com/apierrlint/apierrlint/analyzer"
)

// TestCatalogFlagTwice: -catalog given twice names two files, merged by
// LoadCatalog (a Markdown catalog and an OpenAPI document); once, one file.
func TestCatalogFlagTwice(t *testing.T) {
	a, cfg := analyzer.NewWithFlags()
	md, api := "../catalog/testdata/valid.md", "../catalog/testdata/openapi/xcodes.yaml"
	if err := a.Flags.Parse([]string{"-catalog", md, "-catalog", api}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.AllCatalogPaths(), []string{md, api}) || cfg.CatalogPath != md {
		t.Errorf("paths %q, CatalogPath %q", cfg.AllCatalogPaths(), cfg.CatalogPath)
	}
	if err := cfg.LoadCatalog(""); err != nil {
		t.Fatal(err)
	}
	if s, ok := cfg.Catalog.Status("RATE_LIMITED"); !ok || s != 429 || cfg.Catalog.Operations() == nil {
		t.Errorf("merged catalog: RATE_LIMITED %d %v, operations %v", s, ok, cfg.Catalog.Operations())
	}
	if want := md + ", " + api; cfg.CatalogName != want {
		t.Errorf("CatalogName %q, want %q", cfg.CatalogName, want)
	}

	// Set before the flags (a default), replaced by the first -catalog.
	a, cfg = analyzer.NewWithFlags()
	cfg.CatalogPaths = []string{"docs/errors.md"}
	if err := a.Flags.Parse([]string{"-catalog", api}); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(cfg.AllCatalogPaths(), []string{api}) {
		t.Errorf("paths %q, want only the flag's", cfg.AllCatalogPaths())
	}
}
