package catalog

import (
	"fmt"
	"reflect"
	"sync"
	"testing"
)

// codeStatuses returns a catalog's codes with their statuses and
// pointers, as "CODE STATUS POINTER" lines.
func codeStatuses(c *Catalog) []string {
	var out []string
	for _, e := range c.Entries() {
		out = append(out, fmt.Sprintf("%s %d %s", e.Code, e.Status, e.Pointer))
	}
	return out
}

func loadOK(t *testing.T, name string) *Catalog {
	t.Helper()
	c, err := Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestOpenAPI30(t *testing.T) {
	c := loadOK(t, "testdata/openapi/petstore.yaml")
	// RANGE_ONLY (under 4XX) has no single status; UNUSED_* are in
	// components no operation uses; TOO_LONG is under an example's
	// details: none is a code of the catalog.
	want := []string{
		"PET_EXISTS 409 /paths/~1pets/post/responses/409",
		"VALIDATION_FAILED 409 /paths/~1pets/post/responses/409",
		"INTERNAL 500 /paths/~1pets/post/responses/500",
		"PET_NOT_FOUND 404 /paths/~1pets~1{id}/get/responses/404",
	}
	if got := codeStatuses(c); !reflect.DeepEqual(got, want) {
		t.Errorf("codes:\n got %q\nwant %q", got, want)
	}
	if e := c.Entries()[3]; e.Line != 86 {
		t.Errorf("PET_NOT_FOUND: line %d, want 86 (its enum, in components)", e.Line)
	}
	wantOps := []Operation{
		{Method: "GET", Path: "/pets", BasePath: "/v1", Statuses: []int{200}, Ranges: []int{4}, Default: true, Pointer: "/paths/~1pets/get", Line: 9, Column: 5},
		{Method: "POST", Path: "/pets", BasePath: "/v1", Statuses: []int{201, 409, 500}, Pointer: "/paths/~1pets/post", Line: 26, Column: 5},
		{Method: "GET", Path: "/pets/{id}", BasePath: "/v1", Statuses: []int{200, 404, 500}, Pointer: "/paths/~1pets~1{id}/get", Line: 52, Column: 5},
		{Method: "DELETE", Path: "/pets/{id}", BasePath: "/v2/admin", Statuses: []int{204, 404}, Pointer: "/paths/~1pets~1{id}/delete", Line: 61, Column: 5},
	}
	checkOps(t, c, "testdata/openapi/petstore.yaml", wantOps)
	want1 := Shape{
		Code: "code", Message: "message", Details: "details", RequestID: "request_id",
		Required: []string{"code", "message"},
		Types:    map[string]string{"code": "string", "message": "string", "details": "object", "request_id": "string"},
		File:     "testdata/openapi/petstore.yaml", Line: 115,
	}
	if got := c.Shape(); !reflect.DeepEqual(got, want1) {
		t.Errorf("shape:\n got %+v\nwant %+v", got, want1)
	}
}

func checkOps(t *testing.T, c *Catalog, file string, want []Operation) {
	t.Helper()
	for i := range want {
		want[i].File = file
	}
	got := c.Operations()
	for i := range got {
		if len(got[i].Ranges) == 0 {
			got[i].Ranges = nil
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("operations:\n got %+v\nwant %+v", got, want)
	}
}

func TestOpenAPI31Const(t *testing.T) {
	c := loadOK(t, "testdata/openapi/api31.json")
	want := []string{
		"ORDER_NOT_FOUND 404 /paths/~1orders~1{orderId}/get/responses/404",
		"RATE_LIMITED 429 /paths/~1orders~1{orderId}/get/responses/429",
	}
	if got := codeStatuses(c); !reflect.DeepEqual(got, want) {
		t.Errorf("codes:\n got %q\nwant %q", got, want)
	}
	// Three error responses with an envelope, two of them the same
	// component: that one is the document's shape.
	sh := c.Shape()
	if sh.Envelope != "error" || sh.Code != "code" || sh.Message != "message" || sh.RequestID != "requestId" || sh.Details != "" {
		t.Errorf("shape: %+v, want the envelope error{code, message, requestId}", sh)
	}
	if !reflect.DeepEqual(sh.Required, []string{"code", "message"}) || sh.Types["requestId"] != "string" {
		t.Errorf("shape: required %q, types %v; want [code message], requestId a string (null left out)", sh.Required, sh.Types)
	}
	checkOps(t, c, "testdata/openapi/api31.json", []Operation{
		{Method: "GET", Path: "/orders/{orderId}", Statuses: []int{200, 404, 429}, Pointer: "/paths/~1orders~1{orderId}/get", Line: 6, Column: 7},
		{Method: "PATCH", Path: "/orders/{orderId}", Statuses: []int{200, 422}, Pointer: "/paths/~1orders~1{orderId}/patch", Line: 42, Column: 7},
	})
}

func TestSwagger20(t *testing.T) {
	c := loadOK(t, "testdata/openapi/swagger.yaml")
	want := []string{
		"NOTE_NOT_FOUND 404 /paths/~1notes~1{id}/get/responses/404",
		"INTERNAL 500 /paths/~1notes~1{id}/get/responses/500",
		"INVALID_NOTE 400 /paths/~1notes~1{id}/put/responses/400",
	}
	if got := codeStatuses(c); !reflect.DeepEqual(got, want) {
		t.Errorf("codes:\n got %q\nwant %q", got, want)
	}
	checkOps(t, c, "testdata/openapi/swagger.yaml", []Operation{
		{Method: "GET", Path: "/notes/{id}", BasePath: "/api/v1", Statuses: []int{200, 404, 500}, Pointer: "/paths/~1notes~1{id}/get", Line: 8, Column: 5},
		{Method: "PUT", Path: "/notes/{id}", BasePath: "/api/v1", Statuses: []int{204, 400}, Default: true, Pointer: "/paths/~1notes~1{id}/put", Line: 24, Column: 5},
	})
	if sh := c.Shape(); sh.Code != "code" || sh.Details != "details" || sh.RequestID != "" || sh.Line != 44 {
		t.Errorf("shape: %+v, want code, message, details of definitions/Error (line 44)", sh)
	}
}

func TestOpenAPIErrorCodesExtension(t *testing.T) {
	c := loadOK(t, "testdata/openapi/xcodes.yaml")
	got := c.Entries()
	want := []Entry{
		{Code: "NOT_FOUND", Status: 404, Line: 4, Description: "Resource not found", Pointer: "/x-error-codes/0"},
		{Code: "RATE_LIMITED", Status: 429, Line: 7, Description: "Too many requests", Pointer: "/x-error-codes/1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("entries:\n got %+v\nwant %+v", got, want)
	}
}

func TestOpenAPINoCodes(t *testing.T) {
	c := loadOK(t, "testdata/openapi/nocodes.yaml")
	if c.Len() != 0 {
		t.Errorf("codes %q, want none", c.Codes())
	}
	// No error schema has a code property: the default shape.
	if sh := c.Shape(); !reflect.DeepEqual(sh, DocumentShape()) {
		t.Errorf("shape %+v, want DocumentShape", sh)
	}
	if ops := c.Operations(); len(ops) != 1 || !reflect.DeepEqual(ops[0].Statuses, []int{200, 503}) {
		t.Errorf("operations %+v, want GET /health with 200, 503", ops)
	}
}

func TestOpenAPIErrors(t *testing.T) {
	for _, tc := range []struct{ file, want string }{
		{"conflict.yaml", "testdata/openapi/conflict.yaml:20: code NOT_FOUND has two statuses: 410 at /paths/~1b/get/responses/410 and 404 at /paths/~1a/get/responses/404 (line 11)"},
		{"broken_ref.yaml", "testdata/openapi/broken_ref.yaml:12: /paths/~1a/get/responses/404/content/application~1json/schema: component `#/components/schemas/Missing` does not exist in the specification"},
		{"external_ref.yaml", "testdata/openapi/external_ref.yaml:12: /paths/~1a/get/responses/404/content/application~1json/schema: $ref ./schemas.yaml#/Error is in another file: apierrlint reads one file and follows no reference out of it (bundle the document into one file first)\n" +
			"testdata/openapi/external_ref.yaml:18: /paths/~1a/get/responses/500/content/application~1json/schema: $ref https://example.com/schemas.yaml#/Error is in another file: apierrlint reads one file and follows no reference out of it (bundle the document into one file first)"},
		{"bad_xcodes.yaml", "testdata/openapi/bad_xcodes.yaml:5: /x-error-codes/0/status: want an integer, got string \"404\"\n" +
			"testdata/openapi/bad_xcodes.yaml:6: /x-error-codes/1: entry for code GONE has no status"},
	} {
		c, err := Load("testdata/openapi/" + tc.file)
		checkError(t, c, err, tc.want)
	}
}

func TestOpenAPIParseErrors(t *testing.T) {
	for _, tc := range []struct{ name, doc, want string }{
		{"api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n   responses: [\n",
			"api.yaml:6: invalid YAML: did not find expected key"},
		{"api.json", "{\"openapi\": \"3.0.3\",\n \"paths\": {,}}\n",
			"api.json:2: invalid JSON: invalid character ',' looking for beginning of object key string"},
		{"api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths:\n  /a:\n    get:\n      responses:\n        '4O4': {description: x}\n",
			"api.yaml:7: /paths/~1a/get/responses/4O4: response key \"4O4\" is not an HTTP status, a range such as 4XX, or default"},
		{"api.yaml", "openapi: 3.0.3\ninfo: {title: t, version: '1'}\nx-error-codes:\n  - {code: TEAPOT, status: 418}\n  - {code: MOVED, status: 301}\npaths: {}\n",
			"api.yaml:5: code MOVED has status 301, want an HTTP error status (400-599)"},
	} {
		c, err := Parse(tc.name, []byte(tc.doc))
		checkError(t, c, err, tc.want)
	}
}

// TestOpenAPIDetection: the format is found by content; JSON and YAML
// catalogs are not OpenAPI documents.
func TestOpenAPIDetection(t *testing.T) {
	for doc, want := range map[string]bool{
		`{"openapi": "3.1.0", "paths": {}}`:         true,
		`{"swagger": "2.0", "paths": {}}`:           true,
		"openapi: 3.0.3\npaths: {}\n":               true,
		"\"swagger\": \"2.0\"\npaths: {}\n":         true,
		`{"codes": [{"code": "A", "status": 404}]}`: false,
		`[{"code": "openapi", "status": 404}]`:      false,
		"codes:\n  - code: A\n    status: 404\n":    false,
		"codes:\n  - openapi: 3\n":                  false, // not at the top level
		`{"codes": [], "x": {"openapi": "3.0.0"}}`:  false,
	} {
		if got := isOpenAPI([]byte(doc)); got != want {
			t.Errorf("isOpenAPI(%q) = %v, want %v", doc, got, want)
		}
	}
	// A plain catalog still parses as before, and has no operations.
	c, err := Parse("a.json", []byte(`{"codes": [{"code": "A", "status": 404}]}`))
	if err != nil || c.Operations() != nil {
		t.Errorf("plain JSON catalog: %v, operations %v", err, c.Operations())
	}
	// An OpenAPI document with no paths has operations: none.
	c, err = Parse("a.yaml", []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"))
	if err != nil || c.Operations() == nil || len(c.Operations()) != 0 {
		t.Errorf("empty OpenAPI document: %v, operations %#v, want empty", err, c.Operations())
	}
}

// TestOpenAPIConcurrent: documents read at once (the language server's
// sessions, drivers that load the catalog per analyzer) do not disturb
// each other, although libopenapi keeps package-level caches. Run with
// -race.
func TestOpenAPIConcurrent(t *testing.T) {
	files := []string{"testdata/openapi/petstore.yaml", "testdata/openapi/swagger.yaml", "testdata/openapi/api31.json"}
	want := map[string][]string{}
	for _, f := range files {
		want[f] = codeStatuses(loadOK(t, f))
	}
	var wg sync.WaitGroup
	for i := range 12 {
		f := files[i%len(files)]
		wg.Go(func() {
			c, err := Load(f)
			if err != nil {
				t.Error(err)
				return
			}
			if got := codeStatuses(c); !reflect.DeepEqual(got, want[f]) {
				t.Errorf("%s read concurrently: %q, want %q", f, got, want[f])
			}
		})
	}
	wg.Wait()
}
