package catalog

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
)

// addSeeds adds the testdata files with the given extensions, and docs,
// to the seed corpus of f.
func addSeeds(f *testing.F, exts []string, docs ...string) {
	files, err := filepath.Glob("testdata/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		for _, ext := range exts {
			if strings.HasSuffix(file, ext) {
				data, err := os.ReadFile(file)
				if err != nil {
					f.Fatal(err)
				}
				f.Add(data)
			}
		}
	}
	for _, doc := range docs {
		f.Add([]byte(doc))
	}
}

// checkResult checks the properties every parse result must have: an
// error made of *Error values naming the file, with plausible lines, or
// a valid, non-empty catalog whose entries have lines within the input.
func checkResult(t *testing.T, name string, data []byte, c *Catalog, err error) {
	t.Helper()
	// Markdown and YAML also end lines with a lone '\r'.
	lines := max(bytes.Count(data, []byte("\n")), len(splitLines(data))) + 1
	if err != nil {
		if c != nil {
			t.Fatalf("got a catalog along with error %v", err)
		}
		errs := flatten(err)
		if len(errs) > maxErrors+1 {
			t.Fatalf("%d errors, want at most %d", len(errs), maxErrors+1)
		}
		for _, e := range errs {
			var ce *Error
			if !errors.As(e, &ce) {
				t.Fatalf("error %v is a %T, want *Error", e, e)
			}
			if ce.File != name || ce.Line < 0 || ce.Line > lines+1 || ce.Msg == "" {
				t.Fatalf("bad error %#v for input of %d lines", ce, lines)
			}
		}
		return
	}
	if c == nil || c.Len() == 0 {
		t.Fatalf("no error and no codes: %v", c)
	}
	if c.Source() != name {
		t.Fatalf("Source() = %q, want %q", c.Source(), name)
	}
	seen := map[string]bool{}
	for _, e := range c.Entries() {
		if e.Code == "" || strings.IndexFunc(e.Code, unicode.IsSpace) >= 0 {
			t.Fatalf("invalid code %q", e.Code)
		}
		if seen[e.Code] {
			t.Fatalf("duplicate code %q", e.Code)
		}
		seen[e.Code] = true
		if e.Status < 400 || e.Status > 599 {
			t.Fatalf("code %s has status %d", e.Code, e.Status)
		}
		if s, ok := c.Status(e.Code); !ok || s != e.Status {
			t.Fatalf("Status(%q) = %d, %v, want %d", e.Code, s, ok, e.Status)
		}
		if e.Line < 1 || e.Line > lines {
			t.Fatalf("code %s on line %d of %d", e.Code, e.Line, lines)
		}
	}
}

func FuzzParseMarkdown(f *testing.F) {
	addSeeds(f, []string{".md", ".txt"},
		"| Code | HTTP Status |\n|---|---|\n| A | 404 |\n",
		"Code | Status\n--- | ---\nA | 404\nprose\nB | 500\n",
		"> | Code | HTTP Status |\n> |---|---|\n> | A | 401 |\n",
		"```\n| Code | HTTP Status |\n|---|---|\n| A | 404 |\n```\n",
		"| Code | HTTP Status |\r\n|---|---|\rA | 401\r\n",
		"| `Code` | **HTTP** |\n|:-|-:|\n| `A\\|B` | 404 Not Found |\n",
		// Response-format blocks: fenced with an envelope, and pasted as text.
		"```json\n{\"error\": {\"code\": \"X\", \"details\": { ... }}}\n```\n| Code | HTTP Status |\n|---|---|\n| A | 404 |\n",
		"Format (optional details)\n{\n\"code\": \"E\",\n\"details\": [ ... ],\n...\n}\n| Code | HTTP Status |\n|---|---|\nA | 404\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseMarkdown("fuzz.md", data)
		checkResult(t, "fuzz.md", data, c, err)
	})
}

func FuzzParseJSON(f *testing.F) {
	addSeeds(f, []string{".json"},
		`[{"code": "A", "status": 404}]`,
		`{"codes": [{"code": "A", "status": 404, "description": "x"}]}`,
		"[\n{\"code\": \"A\",\n \"status\": tru}]",
		`[{"code": "A", "status": 1e999}] [`,
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseJSON("fuzz.json", data)
		checkResult(t, "fuzz.json", data, c, err)
	})
}

func FuzzParseYAML(f *testing.F) {
	addSeeds(f, []string{".yaml", ".yml"},
		"- code: A\n  status: 404\n",
		"codes:\n  - {code: A, status: 0x194}\n",
		"- &a {code: A, status: 404}\n- *a\n",
		"- code: A\n  status: 404\n---\n- code: B\n",
		"\t- code: A\n",
	)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseYAML("fuzz.yaml", data)
		checkResult(t, "fuzz.yaml", data, c, err)
	})
}

func FuzzParseOpenAPI(f *testing.F) {
	files, err := filepath.Glob("testdata/openapi/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("swagger: '2.0'\npaths:\n  /a:\n    get:\n      responses:\n        404:\n          examples: {a: {code: A}}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := ParseOpenAPI("fuzz.yaml", data)
		if err != nil {
			checkResult(t, "fuzz.yaml", data, c, err)
			return
		}
		// A valid document may define no codes; its operations are
		// known (maybe none).
		if c.Operations() == nil {
			t.Fatal("an OpenAPI catalog without operations (nil)")
		}
		if c.Len() > 0 {
			checkResult(t, "fuzz.yaml", data, c, err)
		}
	})
}
