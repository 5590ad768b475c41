package contractcache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

// BenchmarkCache: what a load costs parsed and from the cache, for the
// OpenAPI document that APIERRLINT_OPENAPI names (default: the small
// petstore test document), and for the embedded default Markdown catalog
// parsed, against a hit of the small petstore document (the least a cache
// read costs): why Markdown, JSON and YAML catalogs are not cached.
//
//	APIERRLINT_OPENAPI=path/to/swagger.json go test -run '^$' -bench Cache -benchmem ./internal/contractcache
func BenchmarkCache(b *testing.B) {
	doc := os.Getenv("APIERRLINT_OPENAPI")
	if doc == "" {
		doc = petstore
	}
	c := &Cache{Dir: filepath.Join(b.TempDir(), "cache"), Salt: "bench"}
	for _, p := range []string{doc, petstore} {
		if _, err := c.Load(p); err != nil {
			b.Fatal(err)
		}
	}
	md := filepath.Join(b.TempDir(), "default.md")
	os.WriteFile(md, catalog.DefaultMarkdown(), 0o644)
	for _, bm := range []struct {
		name string
		load func() (*catalog.Catalog, error)
	}{
		{"openapi/parse", func() (*catalog.Catalog, error) { return catalog.Load(doc) }},
		{"openapi/hit", func() (*catalog.Catalog, error) { return c.Load(doc) }},
		{"markdown/parse", func() (*catalog.Catalog, error) { return catalog.Load(md) }},
		{"small-openapi/hit", func() (*catalog.Catalog, error) { return c.Load(petstore) }},
	} {
		b.Run(bm.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := bm.load(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
