package config

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/analyzer"
)

func write(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestFindAndLoad: the file is found from a package directory upwards; its
// catalog path is relative to the file; every setting reaches the Config.
func TestFindAndLoad(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "docs", "errors.md"), "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n")
	write(t, filepath.Join(root, ".apierrlint.yml"), `# apierrlint
catalog: docs/errors.md
retry-after: [429, 503]
retry-after-value: "120"
disable: [raw-http-error]
tests: true
generated: true
error-writer: example.com/app/apierr.Write
default-codes:
  410: GONE
helper-modules: [github.com/acme/apierr]
baseline: ci/baseline.json
`)
	write(t, filepath.Join(root, "ci", "baseline.json"), `{"version": 1, "findings": [{"rule": "raw-http-error", "file": "example.com/app/a.go", "message": "raw-http-error: m"}]}`)
	pkg := filepath.Join(root, "internal", "handlers")
	os.MkdirAll(pkg, 0o755)
	path, err := Find(pkg)
	if err != nil || path != filepath.Join(root, ".apierrlint.yml") {
		t.Fatalf("Find = %q, %v", path, err)
	}
	f, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	c := f.Config
	if _, ok := c.Catalog.Status("GONE"); !ok || c.CatalogName != "docs/errors.md" || !slices.Equal(f.Catalogs, []string{filepath.Join(root, "docs", "errors.md")}) {
		t.Errorf("catalog: %v %q %q", c.Catalog.Codes(), c.CatalogName, f.Catalogs)
	}
	if len(c.RetryAfterStatuses) != 2 || c.RetryAfterValue != "120" || len(c.Disabled) != 1 || !c.IncludeTests || !c.IncludeGenerated ||
		c.ErrorWriter != "example.com/app/apierr.Write" || len(c.HelperModules) != 1 || c.DefaultCodes[410] != "GONE" {
		t.Errorf("config: %+v", c)
	}
	if b := filepath.Join(root, "ci", "baseline.json"); c.Baseline.Len() != 1 || c.Baseline.Path != b || c.BaselinePath != b || f.Baseline != b {
		t.Errorf("baseline: %d findings from %q (%q, %q)", c.Baseline.Len(), c.Baseline.Path, c.BaselinePath, f.Baseline)
	}
	var dst analyzer.Config
	f.Apply(&dst, func(string) bool { return false })
	if dst.Baseline != c.Baseline {
		t.Errorf("Apply does not pass the baseline on")
	}
	f.Apply(&dst, func(flag string) bool { return flag == "baseline" })
	if p, err := Find(t.TempDir()); err != nil || p != "" {
		t.Errorf("Find without a file = %q, %v", p, err)
	}
}

// TestCatalogList: catalog: takes a list of files, each relative to the
// configuration file, merged: a Markdown catalog and an OpenAPI document.
// A code the two give different statuses is an error naming both places.
func TestCatalogList(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, "docs", "errors.md"), "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n")
	write(t, filepath.Join(root, "api", "openapi.yaml"), `openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /things/{id}:
    get:
      responses:
        "404":
          description: not found
          content:
            application/json:
              example: {code: THING_NOT_FOUND, message: no such thing}
`)
	write(t, filepath.Join(root, ".apierrlint.yml"), "catalog: [docs/errors.md, api/openapi.yaml]\n")
	f, err := Load(filepath.Join(root, ".apierrlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	c := f.Config
	if got := c.Catalog.Codes(); !slices.Equal(got, []string{"GONE", "THING_NOT_FOUND"}) || c.CatalogName != "docs/errors.md, api/openapi.yaml" {
		t.Errorf("catalog: %q named %q", got, c.CatalogName)
	}
	if ops := c.Catalog.Operations(); len(ops) != 1 || ops[0].Path != "/things/{id}" {
		t.Errorf("operations: %+v", ops)
	}
	if want := []string{filepath.Join(root, "docs", "errors.md"), filepath.Join(root, "api", "openapi.yaml")}; !slices.Equal(f.Catalogs, want) {
		t.Errorf("Catalogs %q, want %q", f.Catalogs, want)
	}

	write(t, filepath.Join(root, "docs", "errors.md"), "| Code | HTTP Status |\n|---|---|\n| THING_NOT_FOUND | 410 |\n")
	_, err = Load(filepath.Join(root, ".apierrlint.yml"))
	want := filepath.Join(root, "api", "openapi.yaml") + ":11: code THING_NOT_FOUND has status 404 here (/paths/~1things~1{id}/get/responses/404) and 410 in " + filepath.Join(root, "docs", "errors.md") + ":3"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("conflicting catalogs: %v, want it to say %s", err, want)
	}
}

// TestApply: flags given on the command line win over the file.
func TestApply(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".apierrlint.yml"), "retry-after: [503]\ntests: true\ncodes:\n  - code: GONE\n    status: 410\n")
	f, err := Load(filepath.Join(root, ".apierrlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	var dst analyzer.Config
	dst.RetryAfterStatuses = []int{429}
	f.Apply(&dst, func(flag string) bool { return flag == "retry-after" })
	if len(dst.RetryAfterStatuses) != 1 || dst.RetryAfterStatuses[0] != 429 || !dst.IncludeTests || dst.Catalog == nil {
		t.Errorf("after Apply: %+v", dst)
	}
}

// TestShape: the shape setting reaches the Config, built from its preset;
// Apply passes it on unless -shape was given.
func TestShape(t *testing.T) {
	root := t.TempDir()
	write(t, filepath.Join(root, ".apierrlint.yml"), "shape:\n  preset: problem\n  code: errorCode\n  message: \"\"\n  required: [status, errorCode]\n")
	f, err := Load(filepath.Join(root, ".apierrlint.yml"))
	if err != nil {
		t.Fatal(err)
	}
	s := f.Config.Shape
	if s == nil || s.Preset != "problem" || s.Code != "errorCode" || s.Message != "" || s.Status != "status" ||
		strings.Join(s.Required, ",") != "status,errorCode" || s.Types["errorCode"] != "string" ||
		s.Describe() != `{"type", "title", "status", "instance", "errorCode"}` {
		t.Fatalf("shape: %#v (%s)", s, s.Describe())
	}
	var dst analyzer.Config
	f.Apply(&dst, func(string) bool { return false })
	if dst.Shape != s {
		t.Errorf("Apply does not pass the shape on")
	}
	dst = analyzer.Config{}
	f.Apply(&dst, func(flag string) bool { return flag == "shape" })
	if dst.Shape != nil {
		t.Errorf("Apply overrides -shape")
	}
	write(t, filepath.Join(root, ".apierrlint.yml"), "shape:\n  envelope: data\n  request-id: trace_id\n")
	if f, err = Load(filepath.Join(root, ".apierrlint.yml")); err != nil {
		t.Fatal(err)
	}
	if s := f.Config.Shape; s.Preset != "envelope" || s.Describe() != `{"data": {"code", "message", "details", "trace_id"}}` {
		t.Errorf("envelope shape: %#v (%s)", s, s.Describe())
	}
}

// TestLoadErrors: a broken file is a short error naming the file, the line
// and the setting.
func TestLoadErrors(t *testing.T) {
	for _, c := range []struct {
		text string
		want string // after "FILE:"
	}{
		{"catlog: errors.md\n", `1: unknown setting "catlog" (did you mean "catalog"?)`},
		{"tests: true\nretry-after:\n  - 429\n  - 200\n", `4: retry-after[1]: 200 is not an HTTP error status (400-599)`},
		{"codes:\n  - code: A\n    status: 404\n  - code: A\n    status: 500\n", `4: codes[1]: duplicate code A`},
		{"codes:\n  - code: A\n    stat: 404\n", `2: codes[0]: unknown key "stat" (did you mean "status"?)`},
		{"retry-after-value: 30s\n", `1: retry-after-value: retry-after value "30s" is not a whole number of seconds`},
		{"catalog: nowhere.md\n", `1: catalog: nowhere.md: no such file or directory`},
		{"tests: [\n", `1: did not find expected node content`},
		{"disable: [raw-http-eror]\n", `1: disable[0]: unknown rule "raw-http-eror"; did you mean raw-http-error?`},
		// default-codes: each code catalogued with its status, on the line of its status.
		{"tests: true\ndefault-codes:\n  401: UNAUTHORIZED\n  500: NOT_FOUND\n", `4: default-codes.500: NOT_FOUND is documented with 404, not 500; the codes documented with 500 are INTERNAL_ERROR, DATABASE_ERROR`},
		{"default-codes:\n  401: NOPE\n", `2: default-codes.401: NOPE is not in the error catalog (default catalog (embedded)); the codes documented with 401 are UNAUTHORIZED,`},
		{"default-codes:\n  unauthorized: UNAUTHORIZED\n", `2: default-codes.unauthorized: "unauthorized" is not an HTTP status`},
		{"default-codes: [401]\n", `1: default-codes: want a mapping of HTTP statuses to codes`},
		{"config: other.yml\n", `1: config: a configuration file cannot name another one`},
		// A shape that contradicts itself names the setting and its line.
		{"tests: true\nshape:\n  preset: rfc9457\n", `3: shape.preset: unknown preset "rfc9457"; the presets are document, problem, envelope`},
		{"shape:\n  preset: problem\n  required: [title, message]\n", `3: shape.required: "message" is not a key of the shape (type, title, status, detail, instance, code)`},
		{"shape:\n  preset: problem\n  envelope: error\n", `3: shape.envelope: a problem body (RFC 9457) is the response's top-level object`},
		{"shape:\n  preset: envelope\n  envelope: \"\"\n", `3: shape.envelope: preset envelope nests the body under a key`},
		{"shape:\n  code: error_code\n  message: error_code\n", `3: shape.message: "error_code" is the code key of the shape already; two parts of the body cannot share a key`},
		{"shape:\n  preset: problem\n  details: errors\n", `3: shape.details: preset problem has no details part to name`},
		{"shape:\n  code: \"\"\n", `2: shape.code: the code key is empty`},
		{"shape:\n  envelope: error\n  code: error\n", `2: shape.envelope: "error" is also a key inside the envelope`},
		{"shape:\n  preset: document\n  requird: [code]\n", `1: shape: unknown key "requird" (did you mean "required"?)`},
		{"shape:\n  required: code\n", `2: shape.required: want a list of keys such as [title, status, code], got the string "code"`},
		{"shape: problem\n", `1: shape: want a mapping (preset, code, message, details, request-id, envelope, required), got the string "problem"`},
	} {
		path := filepath.Join(t.TempDir(), ".apierrlint.yml")
		write(t, path, c.text)
		_, err := Load(path)
		if err == nil || !strings.HasPrefix(err.Error(), path+":"+c.want) {
			t.Errorf("%q: err = %v\nwant %s:%s...", c.text, err, path, c.want)
		}
	}
}

// TestStamp: an edit to the file or to its catalog changes the stamp.
func TestStamp(t *testing.T) {
	root := t.TempDir()
	cat := filepath.Join(root, "errors.md")
	cfg := filepath.Join(root, ".apierrlint.yml")
	write(t, cat, "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n")
	write(t, cfg, "catalog: errors.md\n")
	a := Stamp(cfg)
	write(t, cat, "| Code | HTTP Status |\n|---|---|\n| GONE | 404 |\n")
	b := Stamp(cfg)
	write(t, cfg, "catalog: errors.md\ntests: true\n")
	c := Stamp(cfg)
	if a == b || b == c || a == c {
		t.Errorf("stamps %s %s %s: want three different ones", a, b, c)
	}
}
