package catalog

import (
	"reflect"
	"testing"
)

func TestMergeMarkdownAndOpenAPI(t *testing.T) {
	md := []byte("| Code | HTTP Status |\n|---|---|\n| PET_NOT_FOUND | 404 |\n| RATE_LIMITED | 429 |\n")
	mdCat, err := ParseMarkdown("docs/errors.md", md)
	if err != nil {
		t.Fatal(err)
	}
	api := loadOK(t, "testdata/openapi/petstore.yaml")
	c, err := Merge(mdCat, api)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := c.Codes(), []string{"PET_NOT_FOUND", "RATE_LIMITED", "PET_EXISTS", "VALIDATION_FAILED", "INTERNAL"}; !reflect.DeepEqual(got, want) {
		t.Errorf("codes %q, want %q", got, want)
	}
	if s, _ := c.Status("INTERNAL"); s != 500 {
		t.Errorf("INTERNAL: %d, want 500 (from the OpenAPI document only)", s)
	}
	if c.Source() != "docs/errors.md, testdata/openapi/petstore.yaml" {
		t.Errorf("source %q", c.Source())
	}
	if e := c.Entries()[0]; e.File != "docs/errors.md" || e.Line != 3 {
		t.Errorf("PET_NOT_FOUND from %s:%d, want docs/errors.md:3 (the first document wins)", e.File, e.Line)
	}
	if len(c.Operations()) != 4 {
		t.Errorf("operations %d, want the OpenAPI document's 4", len(c.Operations()))
	}
	// The Markdown catalog states no shape; the OpenAPI document does.
	if sh := c.Shape(); sh.File != "testdata/openapi/petstore.yaml" {
		t.Errorf("shape from %q, want the OpenAPI document's", sh.File)
	}
}

func TestMergeConflict(t *testing.T) {
	md := []byte("| Code | HTTP Status |\n|---|---|\n| PET_EXISTS | 400 |\n")
	mdCat, err := ParseMarkdown("docs/errors.md", md)
	if err != nil {
		t.Fatal(err)
	}
	api := loadOK(t, "testdata/openapi/petstore.yaml")
	c, err := Merge(mdCat, api)
	checkError(t, c, err, "testdata/openapi/petstore.yaml:40: code PET_EXISTS has status 409 here (/paths/~1pets/post/responses/409) and 400 in docs/errors.md:3")
}

func TestLoadAll(t *testing.T) {
	c, err := LoadAll("testdata/valid.md", "testdata/openapi/xcodes.yaml")
	if err != nil {
		t.Fatal(err)
	}
	if c.Operations() == nil || c.Len() < 2 {
		t.Errorf("LoadAll: %d codes, operations %v", c.Len(), c.Operations())
	}
	if _, err := LoadAll("testdata/valid.md", "testdata/openapi/broken_ref.yaml"); err == nil {
		t.Error("LoadAll with a broken document: no error")
	}
}
