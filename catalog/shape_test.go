package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// withoutOrigin drops what says where a shape was stated.
func withoutOrigin(s Shape) Shape {
	s.Preset, s.File, s.Line = "", "", 0
	return s
}

// TestShapeSeed: the seed's "Error Response Format" block (unfenced, in a
// paragraph with the prose around it) and the embedded catalog's fenced
// block state exactly DocumentShape, details and request_id optional.
func TestShapeSeed(t *testing.T) {
	seed, err := Load("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	want := withoutOrigin(DocumentShape())
	for _, c := range []struct {
		cat  *Catalog
		line int
	}{{seed, 4}, {Default(), 7}} {
		got := c.cat.Shape()
		if !reflect.DeepEqual(withoutOrigin(got), want) {
			t.Errorf("%s: shape\n got %#v\nwant %#v", c.cat.Source(), got, want)
		}
		if got.File != c.cat.Source() || got.Line != c.line {
			t.Errorf("%s: shape stated at %s:%d, want line %d", c.cat.Source(), got.File, got.Line, c.line)
		}
	}
}

// TestShapeNoBlock: a catalog without a response-format block, and one in
// another format, keep DocumentShape.
func TestShapeNoBlock(t *testing.T) {
	for _, name := range []string{"testdata/valid.md", "testdata/valid.json", "testdata/valid.yaml"} {
		c, err := Load(name)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.Shape(); !reflect.DeepEqual(got, DocumentShape()) {
			t.Errorf("%s: shape %#v, want DocumentShape", name, got)
		}
	}
}

const table = "\n| Code | HTTP Status |\n|---|---|\n| NOT_FOUND | 404 |\n"

func TestShapeBlocks(t *testing.T) {
	for _, c := range []struct {
		name, doc string
		want      Shape
	}{
		{"custom flat keys, optional by value and prose", "# Errors\n\nThe `details` are optional.\n\n```json\n{\n  \"error_code\": \"NOT_FOUND\",\n  \"error\": \"what went wrong\",\n  \"details\": [ ... ],\n  \"trace_id\": \"optional trace id\"\n}\n```\n" + table,
			Shape{Code: "error_code", Message: "error", Details: "details", RequestID: "trace_id",
				Required: []string{"error_code", "error"},
				Types:    map[string]string{"error_code": "string", "error": "string", "details": "array", "trace_id": "string"},
				Keys:     []string{"error_code", "error", "details", "trace_id"}}},
		{"envelope", "Errors look like this (details (optional)):\n\n```\n{\"error\": {\n  \"code\": \"NOT_FOUND\",\n  \"message\": \"...\",\n  \"details\": { ... },\n  ...\n}}\n```\n" + table,
			Shape{Envelope: "error", Code: "code", Message: "message", Details: "details",
				Required: []string{"code", "message"},
				Types:    map[string]string{"code": "string", "message": "string", "details": "object"},
				Keys:     []string{"code", "message", "details"}}},
		{"problem-like: the status member is a number", "```json\n{\"type\": \"about:blank\", \"title\": \"Not Found\", \"status\": 404, \"detail\": \"optional\", \"errorCode\": \"NOT_FOUND\"}\n```\n" + table,
			Shape{Code: "errorCode", Message: "detail", Status: "status",
				Required: []string{"type", "title", "status", "errorCode"},
				Types:    map[string]string{"type": "string", "title": "string", "status": "integer", "detail": "string", "errorCode": "string"},
				Keys:     []string{"type", "title", "status", "detail", "errorCode"}}},
		{"a status that is not a number has no role", "```json\n{\"code\": \"X\", \"status\": \"failed\"}\n```\n" + table,
			Shape{Code: "code",
				Required: []string{"code", "status"},
				Types:    map[string]string{"code": "string", "status": "string"},
				Keys:     []string{"code", "status"}}},
		{"other code blocks and JSON after the tables do not count", "```go\nx := map[string]any{}\n```\n" + table + "\n```json\n{\"error\": \"x\"}\n```\n",
			withoutOrigin(DocumentShape())},
	} {
		t.Run(c.name, func(t *testing.T) {
			cat, err := ParseMarkdown("errors.md", []byte(c.doc))
			if err != nil {
				t.Fatal(err)
			}
			got := withoutOrigin(cat.Shape())
			if c.want.Keys == nil {
				got = withoutOrigin(got)
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Errorf("shape\n got %#v\nwant %#v", got, c.want)
			}
		})
	}
}

// TestShapeBlockErrors: a response-format block that the prose before it
// introduces as the errors' format and that is not JSON, not an object, or
// has no code key is an error at its line; without such prose it is an
// example of something else, and the shape stays DocumentShape.
func TestShapeBlockErrors(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"not JSON", "# Errors\n\nEvery error response has this format:\n\n```json\n{\n  \"code\": \"X\"\n  \"message\": \"y\"\n}\n```\n" + table,
			"errors.md:8: error response format: the JSON block is not valid JSON: invalid character '\"' after object key:value pair"},
		{"not an object", "# Error body\n```json\n{\"code\": [1,\n 2}\n```\n" + table,
			"errors.md:4: error response format: the JSON block is not valid JSON"},
		{"no code key", "Error format:\n{\n\"error\": \"x\",\n\"msg\": \"y\"\n}\n" + table,
			"errors.md:2: error response format: the JSON block has no code key (code, error_code, errorCode)"},
		{"never closed", "All API errors return a consistent JSON structure\n```json\n{\"code\": \"X\",\n```\n" + table,
			"errors.md:3: error response format: the JSON block is not valid JSON: unexpected end of JSON input"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseMarkdown("errors.md", []byte(c.doc))
			if err == nil || !strings.HasPrefix(err.Error(), c.want) {
				t.Errorf("error %v, want %s...", err, c.want)
			}
		})
	}
	for _, doc := range []string{
		"# Pets\n\nA pet looks like this:\n\n```json\n{\"name\": \"Rex\", \"age\": 3}\n```\n" + table,
		"Request:\n```json\n{\"name\": \"Rex\",\n```\n" + table,
	} {
		c, err := ParseMarkdown("errors.md", []byte(doc))
		if err != nil {
			t.Errorf("%q: %v", doc, err)
			continue
		}
		if got := c.Shape(); !reflect.DeepEqual(got, DocumentShape()) {
			t.Errorf("%q: shape %#v, want DocumentShape", doc, got)
		}
	}
}

func TestProseOptional(t *testing.T) {
	for _, c := range []struct {
		prose, key string
		want       bool
	}{
		{"with an error code, message, and optional details.", "details", true},
		{"The *`request_id`* is optional", "request_id", true},
		{"the optional request id", "request_id", true},
		{"details (optional)", "details", true},
		{"with optional detailsx", "details", false},
		{"details are required; request_id is optional", "details", false},
		{"", "code", false},
	} {
		if got := proseOptional(c.prose, c.key); got != c.want {
			t.Errorf("proseOptional(%q, %q) = %v", c.prose, c.key, got)
		}
	}
}

func TestShapePresets(t *testing.T) {
	for _, c := range []struct {
		preset, describe, brief string
	}{
		{"document", `{"code", "message", "details", "request_id"}`, `{"code", "message", ...}`},
		{"problem", `{"type", "title", "status", "detail", "instance", "code"}`, `{"title", "status", "detail", "code", ...}`},
		{"envelope", `{"error": {"code", "message", "details", "request_id"}}`, `{"error": {"code", "message", ...}}`},
	} {
		s, ok := PresetShape(c.preset)
		if !ok || s.Preset != c.preset {
			t.Fatalf("PresetShape(%q) = %v, %v", c.preset, s, ok)
		}
		if p := s.Problems(); p != nil {
			t.Errorf("%s: problems %v", c.preset, p)
		}
		if got := s.Describe(); got != c.describe {
			t.Errorf("%s: Describe() = %s, want %s", c.preset, got, c.describe)
		}
		if got := s.Brief(); got != c.brief {
			t.Errorf("%s: Brief() = %s, want %s", c.preset, got, c.brief)
		}
	}
	if _, ok := PresetShape("rfc7807"); ok {
		t.Errorf("PresetShape accepts an unknown preset")
	}
}

func TestShapeProblems(t *testing.T) {
	doc := DocumentShape()
	for _, c := range []struct {
		name string
		s    Shape
		want string
	}{
		{"no code", doc.Rename("code", ""), "code: the shape has no code key"},
		{"two roles on one key", doc.Rename("message", "code"), `message: "code" is the code key already`},
		{"required key not in the shape", func() Shape { s := doc; s.Required = []string{"code", "title"}; return s }(), `required: "title" is not a key of the shape`},
		{"envelope key inside", func() Shape { s := doc; s.Envelope = "details"; return s }(), `envelope: "details" is also a key inside the envelope`},
		{"unknown type", func() Shape { s := doc; s.Types = map[string]string{"code": "text"}; return s }(), `types: "code" has the unknown JSON type "text"`},
	} {
		p := c.s.Problems()
		if len(p) == 0 || !strings.HasPrefix(p[0], c.want) {
			t.Errorf("%s: problems %q, want %s...", c.name, p, c.want)
		}
	}
	// Rename renames the key everywhere.
	r := doc.Rename("message", "error")
	if r.Message != "error" || !reflect.DeepEqual(r.Required, []string{"code", "error"}) || r.Types["error"] != "string" || r.Types["message"] != "" ||
		!reflect.DeepEqual(r.Keys, []string{"code", "error", "details", "request_id"}) {
		t.Errorf("Rename: %#v", r)
	}
	if d := DocumentShape(); d.Message != "message" || d.Types["message"] != "string" {
		t.Errorf("Rename changed the original: %#v", d)
	}
}
