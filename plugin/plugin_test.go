package plugin_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/plugin"
)

// conf builds settings the way golangci-lint hands them over: decoded YAML,
// with lists as []any and numbers as int.
type conf = map[string]any

func TestRegistered(t *testing.T) {
	newPlugin, err := register.GetPlugin("apierrlint")
	if err != nil {
		t.Fatal(err)
	}
	p, err := newPlugin(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetLoadMode(); got != register.LoadModeTypesInfo {
		t.Errorf("GetLoadMode() = %q, want %q", got, register.LoadModeTypesInfo)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) != 1 || as[0].Name != "apierrlint" {
		t.Fatalf("BuildAnalyzers() = %v, want one analyzer named apierrlint", as)
	}
	again, _ := p.BuildAnalyzers()
	if again[0] != as[0] {
		t.Error("BuildAnalyzers built a new analyzer; it should return the one built in New")
	}
}

func TestDecodeSettings(t *testing.T) {
	s, err := plugin.DecodeSettings(conf{
		"codes": []any{
			conf{"code": "GONE", "status": 410},
			conf{"code": "BUSY", "status": 503},
		},
		"retry-after":       []any{429, 503},
		"retry-after-value": "120",
		"error-writer":      "example.com/app/apierr.Write",
		"disable":           []any{"raw-http-error"},
		"tests":             true,
		"generated":         true,
	})
	if err != nil {
		t.Fatal(err)
	}
	want := plugin.Settings{
		Codes:           []plugin.Code{{Code: "GONE", Status: 410}, {Code: "BUSY", Status: 503}},
		RetryAfter:      []int{429, 503},
		RetryAfterValue: ptr("120"),
		ErrorWriter:     "example.com/app/apierr.Write",
		Disable:         []string{"raw-http-error"},
		Tests:           true,
		Generated:       true,
	}
	if !reflect.DeepEqual(s, want) {
		t.Errorf("DecodeSettings = %+v, want %+v", s, want)
	}
	cfg, err := s.Config()
	if err != nil {
		t.Fatal(err)
	}
	if st, ok := cfg.Catalog.Status("BUSY"); !ok || st != 503 || cfg.Catalog.Len() != 2 {
		t.Errorf("catalog: BUSY = %d, %v; %d codes", st, ok, cfg.Catalog.Len())
	}
	if !reflect.DeepEqual(cfg.RetryAfterStatuses, []int{429, 503}) || !reflect.DeepEqual(cfg.Disabled, []string{"raw-http-error"}) ||
		!cfg.IncludeTests || !cfg.IncludeGenerated || cfg.RetryAfterValue != "120" || cfg.ErrorWriter != "example.com/app/apierr.Write" {
		t.Errorf("Config() = %+v", cfg)
	}
}

func TestDefaults(t *testing.T) {
	for _, c := range []any{nil, conf{}} {
		s, err := plugin.DecodeSettings(c)
		if err != nil {
			t.Fatalf("%#v: %v", c, err)
		}
		cfg, err := s.Config()
		if err != nil {
			t.Fatal(err)
		}
		// The zero Config: the embedded catalog, Retry-After on 429, every
		// rule, no test or generated files, Retry-After "60" in fixes, the
		// error writer inferred. The same as the command's defaults.
		if !reflect.DeepEqual(cfg, analyzer.Config{}) {
			t.Errorf("%#v: Config() = %+v, want the zero Config", c, cfg)
		}
	}
}

func TestEmptyRetryAfter(t *testing.T) {
	s, err := plugin.DecodeSettings(conf{"retry-after": []any{}})
	if err != nil {
		t.Fatal(err)
	}
	cfg, err := s.Config()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.RetryAfterStatuses == nil || len(cfg.RetryAfterStatuses) != 0 {
		t.Errorf("retry-after: [] gave %#v, want an empty non-nil list (no status needs Retry-After)", cfg.RetryAfterStatuses)
	}
}

// TestCatalogList: the catalog setting takes a list of files, merged (a
// Markdown catalog and an OpenAPI document); a string still names one.
func TestCatalogList(t *testing.T) {
	for _, c := range []struct {
		catalog any
		codes   int
		ops     bool
	}{
		{"catalog/testdata/valid.md", 7, false},
		{[]any{"catalog/testdata/valid.md", "catalog/testdata/openapi/xcodes.yaml"}, 8, true},
	} {
		s, err := plugin.DecodeSettings(conf{"catalog": c.catalog})
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := s.Config()
		if err != nil {
			t.Fatal(err)
		}
		if cfg.Catalog.Len() != c.codes || (cfg.Catalog.Operations() != nil) != c.ops {
			t.Errorf("catalog %v: %d codes, operations %v; want %d codes, operations: %v", c.catalog, cfg.Catalog.Len(), cfg.Catalog.Operations(), c.codes, c.ops)
		}
	}
}

func TestSettingsErrors(t *testing.T) {
	tests := []struct {
		name string
		conf any
		want string
	}{
		{"misspelt setting", conf{"catlog": "errors.md"},
			`apierrlint: settings: unknown setting "catlog" (did you mean "catalog"?); the settings are: catalog, codes, retry-after, retry-after-value, error-writer, default-codes, disable, tests, generated, helper-modules, baseline, shape, config`},
		{"unknown setting", conf{"severity": "error"},
			`apierrlint: settings: unknown setting "severity"; the settings are: catalog, codes, retry-after, retry-after-value, error-writer, default-codes, disable, tests, generated, helper-modules, baseline, shape, config`},
		{"underscore", conf{"retry_after": []any{429}},
			`unknown setting "retry_after" (did you mean "retry-after"?)`},
		{"not a mapping", []any{"catalog"},
			`apierrlint: settings: want a mapping of settings (catalog, codes, retry-after, retry-after-value, error-writer, default-codes, disable, tests, generated, helper-modules, baseline, shape, config), got a list`},
		{"catalog not a string", conf{"catalog": 42},
			`apierrlint: settings: catalog: want the path of a catalog file (a string) or a list of paths, got the number 42`},
		{"catalog list of numbers", conf{"catalog": []any{"a.md", 42}},
			`apierrlint: settings: catalog: want the path of a catalog file (a string) or a list of paths, got a list`},
		{"catalog list with an empty path", conf{"catalog": []any{"a.md", ""}},
			`apierrlint: settings: catalog: an empty path in the list`},
		{"catalog list", conf{"catalog": []any{"catalog/testdata/valid.md", "nowhere.yaml"}},
			`apierrlint: settings: catalog: nowhere.yaml: no such file in`},
		{"retry-after not a list", conf{"retry-after": 429},
			`apierrlint: settings: retry-after: want a list of HTTP statuses such as [429, 503], got the number 429`},
		{"retry-after string", conf{"retry-after": []any{429, "503"}},
			`apierrlint: settings: retry-after[1]: want an HTTP status (an integer), got the string "503"`},
		{"bad status", conf{"retry-after": []any{429, 200}},
			`apierrlint: settings: retry-after[1]: 200 is not an HTTP error status (400-599)`},
		{"shape: unknown preset", conf{"shape": conf{"preset": "rfc7807"}},
			`apierrlint: settings: shape.preset: unknown preset "rfc7807"; the presets are document, problem, envelope`},
		{"shape: required key not in the shape", conf{"shape": conf{"preset": "problem", "required": []any{"title", "message"}}},
			`apierrlint: settings: shape.required: "message" is not a key of the shape (type, title, status, detail, instance, code)`},
		{"tests not a bool", conf{"tests": "yes"},
			`apierrlint: settings: tests: want true or false, got the string "yes"`},
		{"unknown rule", conf{"disable": []any{"raw-http-errors"}},
			`apierrlint: settings: disable[0]: unknown rule "raw-http-errors"; did you mean raw-http-error? (known rules: raw-http-error, unknown-code, status-mismatch, missing-retry-after, error-body-shape, retry-after-format, default-error-response, undocumented-status, ignore-directive)`},
		{"placeholder in catalog", conf{"catalog": "${config-path}/docs/errors.md"},
			`apierrlint: settings: catalog: "${config-path}/docs/errors.md": golangci-lint substitutes ${base-path} and ${config-path} in its own linters' settings only, not in a plugin's; write the path without it`},
		{"placeholder in config", conf{"config": "${base-path}/.apierrlint.yml"},
			`apierrlint: settings: config: "${base-path}/.apierrlint.yml": golangci-lint substitutes`},
		{"two rules in one", conf{"disable": []any{"raw-http-error,unknown-code"}},
			`apierrlint: settings: disable[0]: want one rule id`},
		{"disable not a list", conf{"disable": "raw-http-error"},
			`apierrlint: settings: disable: want a list of rule ids such as [missing-retry-after], got the string "raw-http-error"`},
		{"catalog and codes", conf{"catalog": "errors.md", "codes": []any{conf{"code": "GONE", "status": 410}}},
			`apierrlint: settings: catalog and codes are both set; use one of them`},
		{"inline duplicate code", conf{"codes": []any{
			conf{"code": "GONE", "status": 410},
			conf{"code": "BUSY", "status": 503},
			conf{"code": "GONE", "status": 404},
		}}, `apierrlint: settings: codes[2]: duplicate code GONE (first listed as codes[0])`},
		{"inline bad status", conf{"codes": []any{
			conf{"code": "GONE", "status": 410},
			conf{"code": "OK", "status": 200},
		}}, `apierrlint: settings: codes[1]: code OK has status 200, want an HTTP error status (400-599)`},
		{"inline problems in order", conf{"codes": []any{
			conf{"code": "A B", "status": 400},
			conf{"code": "GONE", "status": 410},
			conf{"code": "GONE", "status": 410},
			conf{"status": 404},
		}}, `apierrlint: settings: codes[0]: code "A B" contains whitespace; codes[2]: duplicate code GONE (first listed as codes[1]); codes[3]: empty code`},
		{"inline misspelt key", conf{"codes": []any{conf{"code": "GONE", "stauts": 410}}},
			`apierrlint: settings: codes[0]: unknown key "stauts" (did you mean "status"?); the keys are code and status, and optionally description and resolution`},
		{"inline status string", conf{"codes": []any{conf{"code": "GONE", "status": "410"}}},
			`apierrlint: settings: codes[0].status: want an HTTP status (an integer), got the string "410"`},
		{"inline map", conf{"codes": conf{"gone": 410}},
			`apierrlint: settings: codes: want a list of {code, status} mappings, got a mapping`},
		{"inline empty", conf{"codes": []any{}},
			`apierrlint: settings: codes: the list is empty`},
		{"missing catalog", conf{"catalog": "no/such/errors.md"},
			`apierrlint: settings: catalog: no/such/errors.md: no such file in `},
		{"missing baseline", conf{"baseline": "no/such/baseline.json"},
			`apierrlint: settings: baseline: no/such/baseline.json: no such file in `},
		{"baseline not a string", conf{"baseline": true},
			`apierrlint: settings: baseline: want the path of a baseline file (a string), got the boolean true`},
		{"misspelt retry-after-value", conf{"retry-after-vaule": "120"},
			`apierrlint: settings: unknown setting "retry-after-vaule" (did you mean "retry-after-value"?)`},
		{"misspelt error-writer", conf{"error_writer": "a.B"},
			`apierrlint: settings: unknown setting "error_writer" (did you mean "error-writer"?)`},
		{"retry-after-value number", conf{"retry-after-value": 120},
			`apierrlint: settings: retry-after-value: want the header value (a string such as "60"; quote numbers), got the number 120`},
		{"retry-after-value list", conf{"retry-after-value": []any{"60"}},
			`apierrlint: settings: retry-after-value: want the header value (a string such as "60"; quote numbers), got a list`},
		{"error-writer not a string", conf{"error-writer": true},
			`apierrlint: settings: error-writer: want import/path.Name (a string such as example.com/app/apierr.Write), got the boolean true`},
		// default-codes: a mapping of statuses to codes catalogued with them
		// (golangci-lint passes the statuses as string keys).
		{"default-codes not a mapping", conf{"default-codes": []any{401}},
			`apierrlint: settings: default-codes: want a mapping of HTTP statuses to codes such as {401: UNAUTHORIZED}, got a list`},
		{"default-codes code not a string", conf{"default-codes": map[string]any{"401": 1}},
			`apierrlint: settings: default-codes.401: want an error code (a string), got the number 1`},
		{"default-codes wrong status", conf{"default-codes": map[string]any{"500": "NOT_FOUND"}},
			`apierrlint: settings: default-codes.500: NOT_FOUND is documented with 404, not 500; the codes documented with 500 are INTERNAL_ERROR, DATABASE_ERROR`},
		{"default-codes key", conf{"default-codes": map[string]any{"unauthorized": "UNAUTHORIZED"}},
			`apierrlint: settings: default-codes.unauthorized: "unauthorized" is not an HTTP status (an integer such as 401)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := plugin.New(tt.conf)
			if err == nil {
				t.Fatalf("New(%#v) succeeded, want an error containing %q", tt.conf, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("New(%#v):\n got error %q\nwant it to contain %q", tt.conf, err, tt.want)
			}
			if !strings.HasPrefix(err.Error(), "apierrlint: settings: ") {
				t.Errorf("error %q does not start with %q", err, "apierrlint: settings: ")
			}
		})
	}
}

func TestCatalogFile(t *testing.T) {
	root := t.TempDir()
	writeFile(t, filepath.Join(root, "docs", "errors.md"), "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n")
	writeFile(t, filepath.Join(root, "bad.json"), "[\n  {\"code\": \"GONE\", \"status\": 410},\n  {\"code\": \"GONE\", \"status\": 404}\n]\n")
	sub := filepath.Join(root, "internal", "handlers")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}

	load := func(t *testing.T, path string) (plugin.Settings, error) {
		t.Helper()
		s, err := plugin.DecodeSettings(conf{"catalog": path})
		if err != nil {
			t.Fatal(err)
		}
		_, err = s.Config()
		return s, err
	}

	t.Run("relative to the working directory", func(t *testing.T) {
		t.Chdir(root)
		if _, err := load(t, "docs/errors.md"); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("relative, found in a parent directory", func(t *testing.T) {
		t.Chdir(sub)
		if _, err := load(t, "docs/errors.md"); err != nil {
			t.Fatal(err)
		}
		got, err := plugin.FindCatalog("docs/errors.md")
		if err != nil {
			t.Fatal(err)
		}
		want := filepath.Join(root, "docs", "errors.md")
		if r, err := filepath.EvalSymlinks(filepath.Dir(got)); err == nil {
			got = filepath.Join(r, filepath.Base(got))
		}
		if r, err := filepath.EvalSymlinks(filepath.Dir(want)); err == nil {
			want = filepath.Join(r, filepath.Base(want))
		}
		if got != want {
			t.Errorf("FindCatalog = %s, want %s", got, want)
		}
	})
	t.Run("the nearest one wins", func(t *testing.T) {
		writeFile(t, filepath.Join(sub, "docs", "errors.md"), "| Code | HTTP Status |\n|---|---|\n| NEAR | 400 |\n")
		t.Cleanup(func() { os.RemoveAll(filepath.Join(sub, "docs")) })
		t.Chdir(sub)
		got, err := plugin.FindCatalog("docs/errors.md")
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Base(filepath.Dir(filepath.Dir(got))) != "handlers" {
			t.Errorf("FindCatalog = %s, want the one under internal/handlers", got)
		}
	})
	t.Run("absolute", func(t *testing.T) {
		t.Chdir(sub)
		if _, err := load(t, filepath.Join(root, "docs", "errors.md")); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("not found", func(t *testing.T) {
		t.Chdir(sub)
		_, err := load(t, "errors.md")
		if err == nil || !strings.Contains(err.Error(), "apierrlint: settings: catalog: errors.md: no such file in "+sub) {
			t.Errorf("err = %v", err)
		}
	})
	t.Run("invalid catalog names file and line", func(t *testing.T) {
		t.Chdir(sub)
		_, err := load(t, "bad.json")
		if err == nil || !strings.Contains(err.Error(), "apierrlint: settings: catalog: ") ||
			!strings.Contains(err.Error(), "bad.json:3: duplicate code GONE") {
			t.Errorf("err = %v", err)
		}
	})
}

func TestAnalyzer(t *testing.T) {
	t.Parallel() // analysistest takes seconds; TestFixSettings runs alongside
	p, err := plugin.New(conf{
		"codes": []any{
			conf{"code": "GONE", "status": 410},
			conf{"code": "BUSY", "status": 503},
		},
		"retry-after": []any{503},
		"disable":     []any{"raw-http-error"},
		"tests":       true,
	})
	if err != nil {
		t.Fatal(err)
	}
	as, err := p.BuildAnalyzers()
	if err != nil {
		t.Fatal(err)
	}
	analysistest.Run(t, analysistest.TestData(), as[0], "inline")
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func ptr[T any](v T) *T { return &v }

// TestFixValues: retry-after-value and error-writer, valid and invalid.
func TestFixValues(t *testing.T) {
	valid := []struct {
		conf            conf
		retryAfterValue string // in the Config
		errorWriter     string
	}{
		{conf{"retry-after-value": "120"}, "120", ""},
		{conf{"retry-after-value": nil}, "", ""}, // `retry-after-value:` with no value: absent
		{conf{"error-writer": ""}, "", ""},       // inferred
		{conf{"error-writer": "example.com/app/apierr.Write"}, "", "example.com/app/apierr.Write"},
		{conf{"error-writer": "apierr.Write"}, "", "apierr.Write"},                                   // a path without slashes (GOPATH, the standard library)
		{conf{"error-writer": "gopkg.in/errs.v2.Write"}, "", "gopkg.in/errs.v2.Write"},               // dots in the last element of the path
		{conf{"error-writer": "example.com/app/http.writeErr"}, "", "example.com/app/http.writeErr"}, // unexported: a writer in the package itself
		{conf{"error-writer": "example.com/app/v2/errs.Écrire"}, "", "example.com/app/v2/errs.Écrire"},
	}
	for _, tt := range valid {
		p, err := plugin.New(tt.conf)
		if err != nil {
			t.Errorf("New(%#v): %v", tt.conf, err)
			continue
		}
		if _, err := p.BuildAnalyzers(); err != nil {
			t.Errorf("New(%#v).BuildAnalyzers: %v", tt.conf, err)
		}
		s, err := plugin.DecodeSettings(tt.conf)
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := s.Config()
		if err != nil {
			t.Fatal(err)
		}
		if cfg.RetryAfterValue != tt.retryAfterValue || cfg.ErrorWriter != tt.errorWriter {
			t.Errorf("%#v: Config() has RetryAfterValue %q, ErrorWriter %q; want %q, %q",
				tt.conf, cfg.RetryAfterValue, cfg.ErrorWriter, tt.retryAfterValue, tt.errorWriter)
		}
	}

	invalid := []struct {
		conf conf
		want string
	}{
		{conf{"retry-after-value": ""},
			`apierrlint: settings: retry-after-value: the value is empty; give the header value that the fix sets, such as "60" (seconds), or leave retry-after-value out for "60"`},
		{conf{"retry-after-value": "  "}, `apierrlint: settings: retry-after-value: the value is empty`},
		{conf{"retry-after-value": "60\nX-Injected: 1"},
			`apierrlint: settings: retry-after-value: retry-after value "60\nX-Injected: 1" is not a whole number of seconds, such as "60" (clients parse Retry-After as an integer)`},
		{conf{"retry-after-value": "60\r"}, `retry-after-value: retry-after value "60\r" is not a whole number of seconds`},
		{conf{"retry-after-value": "6\t0"}, `is not a whole number of seconds`},
		{conf{"retry-after-value": "60\x00"}, `is not a whole number of seconds`},
		{conf{"retry-after-value": "60\u0085"}, `is not a whole number of seconds`},
		// The fix's value must pass retry-after-format.
		{conf{"retry-after-value": "Wed, 21 Oct 2015 07:28:00 GMT"}, `retry-after value "Wed, 21 Oct 2015 07:28:00 GMT" is not a whole number of seconds`},
		{conf{"retry-after-value": "30s"}, `retry-after value "30s" is not a whole number of seconds`},
		{conf{"error-writer": "apierr"},
			`apierrlint: settings: error-writer: "apierr" has no dot after the last slash; want import/path.Name, for example example.com/app/apierr.Write`},
		{conf{"error-writer": "example.com/app/apierr"},
			`apierrlint: settings: error-writer: "example.com/app/apierr" has no dot after the last slash`},
		{conf{"error-writer": "example.com/app/apierr."},
			`apierrlint: settings: error-writer: "example.com/app/apierr.": "" is not a Go identifier; want import/path.Name`},
		{conf{"error-writer": "example.com/app/apierr.Write()"},
			`apierrlint: settings: error-writer: "example.com/app/apierr.Write()": "Write()" is not a Go identifier`},
		{conf{"error-writer": "example.com/app/apierr.func"},
			`apierrlint: settings: error-writer: "example.com/app/apierr.func": "func" is not a Go identifier`},
		{conf{"error-writer": "example.com/app/apierr.1Write"},
			`"1Write" is not a Go identifier`},
		{conf{"error-writer": ".Write"},
			`apierrlint: settings: error-writer: ".Write" has no import path before .Write; want import/path.Name`},
		{conf{"error-writer": "example.com//apierr.Write"},
			`apierrlint: settings: error-writer: "example.com//apierr.Write": the import path "example.com//apierr" has an empty element`},
		{conf{"error-writer": "/apierr.Write"}, `the import path "/apierr" has an empty element`},
		{conf{"error-writer": "example.com/my app/apierr.Write"},
			`apierrlint: settings: error-writer: "example.com/my app/apierr.Write": the import path "example.com/my app/apierr" contains U+0020`},
		{conf{"error-writer": `example.com\apierr.Write`}, `contains U+005C`},
	}
	for _, tt := range invalid {
		_, err := plugin.New(tt.conf)
		if err == nil {
			t.Errorf("New(%#v) succeeded, want an error containing %q", tt.conf, tt.want)
			continue
		}
		if !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "apierrlint: settings: ") {
			t.Errorf("New(%#v):\n got error %q\nwant it to start with \"apierrlint: settings: \" and contain %q", tt.conf, err, tt.want)
		}
	}
}

// TestFixSettings applies the fixes with retry-after-value and error-writer
// set and compares with testdata/src/fixsettings/fixsettings.go.golden.
// Each analysistest run takes seconds (net/http is analyzed from source for
// the facts): the runs are parallel.
func TestFixSettings(t *testing.T) {
	t.Parallel()
	t.Run("set", func(t *testing.T) {
		t.Parallel()
		p, err := plugin.New(conf{"retry-after-value": "120", "error-writer": "fixsettings.writeJSON"})
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), as[0], "fixsettings")
	})

	// Without error-writer, two writers qualify: no raw-http-error fix;
	// the Retry-After fix sets the default "60".
	t.Run("defaults", func(t *testing.T) {
		t.Parallel()
		p, err := plugin.New(nil)
		if err != nil {
			t.Fatal(err)
		}
		as, err := p.BuildAnalyzers()
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range analysistest.Run(t, analysistest.TestData(), as[0], "fixsettings") {
			for _, d := range r.Diagnostics {
				switch {
				case strings.HasPrefix(d.Message, "raw-http-error:"):
					if len(d.SuggestedFixes) != 0 {
						t.Errorf("raw-http-error with the writer inferred: fixes %+v, want none (two candidate writers)", d.SuggestedFixes)
					}
				case strings.HasPrefix(d.Message, "missing-retry-after:"):
					if len(d.SuggestedFixes) != 1 || len(d.SuggestedFixes[0].TextEdits) != 1 ||
						!strings.Contains(string(d.SuggestedFixes[0].TextEdits[0].NewText), `w.Header().Set("Retry-After", "60")`) {
						t.Errorf("missing-retry-after by default: fixes %+v, want one that sets \"60\"", d.SuggestedFixes)
					}
				default:
					t.Errorf("unexpected diagnostic %q", d.Message)
				}
			}
		}
	})
}
