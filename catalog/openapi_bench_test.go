package catalog

import (
	"os"
	"testing"
)

// BenchmarkParseOpenAPI reads the OpenAPI document that APIERRLINT_OPENAPI
// names (a large real one: k8s.io/kubernetes's api/openapi-spec/swagger.json
// is 3.8 MB); skipped without it. docs/openapi.md has the figures.
func BenchmarkParseOpenAPI(b *testing.B) {
	path := os.Getenv("APIERRLINT_OPENAPI")
	if path == "" {
		b.Skip("APIERRLINT_OPENAPI names no document")
	}
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Parse(path, data); err != nil {
			b.Fatal(err)
		}
	}
}
