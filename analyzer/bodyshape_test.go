package analyzer

import (
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

// TestShapeInForce: the configuration's shape wins over the catalog's
// response-format block, which wins over the seed's shape.
func TestShapeInForce(t *testing.T) {
	cat, err := catalog.ParseMarkdown("errors.md", []byte("```json\n{\"error\": {\"code\": \"X\", \"message\": \"m\"}}\n```\n\n| Code | HTTP Status |\n|---|---|\n| NOT_FOUND | 404 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	problem := catalog.ProblemShape()
	for _, c := range []struct {
		name string
		cfg  Config
		want string
	}{
		{"default", Config{}, `{"code", "message", "details", "request_id"}`},
		{"the catalog's block", Config{Catalog: cat}, `{"error": {"code", "message"}}`},
		{"the configuration's shape", Config{Catalog: cat, Shape: &problem}, `{"type", "title", "status", "detail", "instance", "code"}`},
	} {
		if got := c.cfg.settings().shape.desc; got != c.want {
			t.Errorf("%s: shape %s, want %s", c.name, got, c.want)
		}
	}
	bad := catalog.DocumentShape()
	bad.Required = []string{"title"}
	if err := (&Config{Shape: &bad}).Validate(); err == nil || !strings.Contains(err.Error(), `shape.required: "title" is not a key of the shape`) {
		t.Errorf("Validate of a contradictory shape: %v", err)
	}
}

// TestShapeProblems: what the rule says of a body, per shape.
func TestShapeProblems(t *testing.T) {
	obj := func(keys map[string]jsonKind) *shape {
		s := &shape{kind: jsonObject, all: true}
		for k, v := range keys {
			s.add(k, v)
		}
		return s
	}
	problem := newBodyShape(catalog.ProblemShape())
	doc := newBodyShape(catalog.DocumentShape())
	env := newBodyShape(catalog.EnvelopeShape("error"))
	inner := obj(map[string]jsonKind{"code": jsonString})
	wrapped := obj(map[string]jsonKind{"error": jsonObject})
	wrapped.setNested("error", inner)
	for _, c := range []struct {
		name string
		want *bodyShape
		s    *shape
		out  string
	}{
		{"three keys missing", &problem, obj(map[string]jsonKind{"detail": jsonString}), `no "title", no "status" and no "code" key`},
		{"status not a number", &problem, obj(map[string]jsonKind{"title": jsonString, "status": jsonString, "code": jsonString}), `"status" is a string, not a number`},
		{"null for a required key", &problem, obj(map[string]jsonKind{"title": jsonNull, "status": jsonNumber, "code": jsonString}), `"title" is null, not a string`},
		{"null for an optional key is fine", &problem, obj(map[string]jsonKind{"title": jsonString, "status": jsonNumber, "code": jsonString, "detail": jsonNull}), ``},
		{"keys not all known", &problem, &shape{kind: jsonObject, keys: map[string]jsonKind{"code": jsonString}}, ``},
		{"the seed's body under the document shape", &doc, obj(map[string]jsonKind{"code": jsonString, "message": jsonString}), ``},
		{"message not a string", &doc, obj(map[string]jsonKind{"code": jsonString, "message": jsonObject}), `"message" is an object, not a string`},
		{"no envelope", &env, obj(map[string]jsonKind{"code": jsonString, "message": jsonString}), `no "error" key`},
		{"inside the envelope", &env, wrapped, `in "error": no "message" key`},
		{"envelope not known", &env, &shape{kind: jsonObject, keys: map[string]jsonKind{"error": jsonUnknown}}, ``},
	} {
		if got := strings.Join(c.want.problems(c.s), "; "); got != c.out {
			t.Errorf("%s: problems %q, want %q", c.name, got, c.out)
		}
	}
}

// TestShapeIsBody: the code and a second key make an error body; a shape
// with no second key (no message, only the code required) takes the code
// alone.
func TestShapeIsBody(t *testing.T) {
	doc := newBodyShape(catalog.DocumentShape())
	codeOnly := catalog.DocumentShape().Rename("message", "")
	codeOnly.Required = []string{"code"}
	only := newBodyShape(codeOnly)
	problem := newBodyShape(catalog.ProblemShape())
	for _, c := range []struct {
		name              string
		b                 *bodyShape
		hasCode, hasOther bool
		want              bool
	}{
		{"document: code and message", &doc, true, true, true},
		{"document: code alone", &doc, true, false, false},
		{"code-only shape: code alone", &only, true, false, true},
		{"code-only shape: no code", &only, false, true, false},
		{"problem: code alone", &problem, true, false, false},
	} {
		if got := c.b.isBody(c.hasCode, c.hasOther); got != c.want {
			t.Errorf("%s: isBody = %v", c.name, got)
		}
	}
	if !problem.isSecond("Title") || !problem.isSecond("status") || problem.isSecond("type") || doc.isSecond("details") {
		t.Errorf("isSecond: the message and the required keys besides the code, up to case")
	}
}
