package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	gast "github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// seedEntries is the catalog of testdata/seed.txt, a copy of the team's
// API error document, with the lines of its rows.
var seedEntries = []Entry{
	{Code: "UNAUTHORIZED", Status: 401, Line: 14},
	{Code: "INVALID_CREDENTIALS", Status: 401, Line: 15},
	{Code: "SESSION_EXPIRED", Status: 401, Line: 16},
	{Code: "INVALID_SIGNATURE", Status: 401, Line: 17},
	{Code: "FORBIDDEN", Status: 403, Line: 18},
	{Code: "CSRF_VALIDATION_FAILED", Status: 403, Line: 19},
	{Code: "ACCOUNT_DISABLED", Status: 403, Line: 20},
	{Code: "NOT_FOUND", Status: 404, Line: 24},
	{Code: "BAD_REQUEST", Status: 400, Line: 25},
	{Code: "CONFLICT", Status: 409, Line: 26},
	{Code: "UNPROCESSABLE_ENTITY", Status: 422, Line: 27},
	{Code: "VALIDATION_ERROR", Status: 422, Line: 28},
	{Code: "RATE_LIMIT_EXCEEDED", Status: 429, Line: 29},
	{Code: "INTERNAL_ERROR", Status: 500, Line: 33},
	{Code: "DATABASE_ERROR", Status: 500, Line: 34},
	{Code: "SERVICE_UNAVAILABLE", Status: 503, Line: 35},
}

// withoutProse returns entries without their descriptions and
// resolutions, for the tests of codes, statuses and lines
// (TestCatalogProse checks the prose).
func withoutProse(entries []Entry) []Entry {
	entries = slices.Clone(entries)
	for i := range entries {
		entries[i].Description, entries[i].Resolution = "", ""
	}
	return entries
}

func TestSeed(t *testing.T) {
	c, err := Load("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, seedEntries) {
		t.Errorf("entries:\n got %v\nwant %v", got, seedEntries)
	}
	want := map[string]int{
		"UNAUTHORIZED": 401, "INVALID_CREDENTIALS": 401, "SESSION_EXPIRED": 401,
		"INVALID_SIGNATURE": 401, "FORBIDDEN": 403, "CSRF_VALIDATION_FAILED": 403,
		"ACCOUNT_DISABLED": 403, "NOT_FOUND": 404, "BAD_REQUEST": 400,
		"CONFLICT": 409, "UNPROCESSABLE_ENTITY": 422, "VALIDATION_ERROR": 422,
		"RATE_LIMIT_EXCEEDED": 429, "INTERNAL_ERROR": 500, "DATABASE_ERROR": 500,
		"SERVICE_UNAVAILABLE": 503,
	}
	got := map[string]int{}
	for _, code := range c.Codes() {
		got[code], _ = c.Status(code)
	}
	if !reflect.DeepEqual(got, want) || c.Len() != 16 {
		t.Errorf("code -> status (%d codes):\n got %v\nwant %v", c.Len(), got, want)
	}
	if c.Source() != "testdata/seed.txt" {
		t.Errorf("Source() = %q", c.Source())
	}
	// The "HTTP Status Code Summary" table (Status | Meaning | Retryable)
	// has no Code column and must not contribute anything.
	if got := c.CodesWithStatus(400); !slices.Equal(got, []string{"BAD_REQUEST"}) {
		t.Errorf("CodesWithStatus(400) = %v", got)
	}
}

// TestSeedNeedsNormalization documents why normalizeMarkdown exists: fed
// to goldmark as is, the seed yields a single table that swallows the
// following prose and tables as rows.
func TestSeedNeedsNormalization(t *testing.T) {
	data := readFile(t, "testdata/seed.txt")
	raw := tableRows(t, data, false)
	if len(raw) == 3 {
		t.Fatalf("goldmark found %d tables in the raw seed; normalization may be unnecessary now", len(raw))
	}
	norm := tableRows(t, data, true)
	if len(norm) != 4 {
		t.Fatalf("found %d tables in the normalized seed, want 4", len(norm))
	}
	for i, n := range []int{8, 7, 4, 10} { // rows including the header
		if len(norm[i]) != n {
			t.Errorf("table %d has %d rows, want %d", i, len(norm[i]), n)
		}
	}
}

func TestDefault(t *testing.T) {
	c := Default()
	if c != Default() {
		t.Error("Default() returned different catalogs")
	}
	if c.Source() != DefaultSource {
		t.Errorf("Source() = %q, want %q", c.Source(), DefaultSource)
	}
	seed, err := Load("testdata/seed.txt")
	if err != nil {
		t.Fatal(err)
	}
	strip := func(es []Entry) []Entry {
		es = slices.Clone(es)
		for i := range es {
			es[i].Line = 0
		}
		return es
	}
	if got, want := strip(c.Entries()), strip(seed.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("Default() entries:\n got %v\nwant %v", got, want)
	}
}

// TestDefaultMatchesSeed checks that default.md holds the code tables of
// the seed document verbatim: same rows, same cells, same order.
func TestDefaultMatchesSeed(t *testing.T) {
	codeTables := func(data []byte) [][][]string {
		var out [][][]string
		for _, rows := range tableRows(t, data, true) {
			if code, status := findColumns(rows[0]); code >= 0 && status >= 0 {
				out = append(out, rows)
			}
		}
		return out
	}
	seed := codeTables(readFile(t, "testdata/seed.txt"))
	def := codeTables(readFile(t, "default.md"))
	if len(seed) != 3 {
		t.Fatalf("seed has %d code tables, want 3", len(seed))
	}
	if !reflect.DeepEqual(def, seed) {
		t.Errorf("default.md code tables differ from the seed's:\n got %q\nwant %q", def, seed)
	}
}

func TestDefaultConcurrent(t *testing.T) {
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			c := Default()
			if s, ok := c.Status("NOT_FOUND"); !ok || s != 404 {
				t.Errorf("Status(NOT_FOUND) = %d, %v", s, ok)
			}
			_ = c.Entries()
			_ = c.CodesWithStatus(401)
		})
	}
	wg.Wait()
}

func TestValidMarkdown(t *testing.T) {
	c, err := Load("testdata/valid.md")
	if err != nil {
		t.Fatal(err)
	}
	want := []Entry{
		{Code: "UNAUTHORIZED", Status: 401, Line: 9},      // code span
		{Code: "FORBIDDEN", Status: 403, Line: 10},        // "403 Forbidden"
		{Code: "NOT_FOUND", Status: 404, Line: 15},        // Status before error_code, no pipes, code span
		{Code: "CONFLICT", Status: 409, Line: 16},         // **409**
		{Code: "VALIDATION_ERROR", Status: 422, Line: 18}, // after an empty row, trailing pipe only
		{Code: "RATE_LIMIT_EXCEEDED", Status: 429, Line: 36},
		{Code: "SERVICE_UNAVAILABLE", Status: 503, Line: 37},
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("entries:\n got %v\nwant %v", got, want)
	}
}

func TestMarkdownInline(t *testing.T) {
	tests := []struct {
		name, doc string
		want      []Entry
	}{
		{
			name: "back to back tables without blank lines",
			doc: "| Code | HTTP Status |\n|---|---|\nA | 401\n" +
				"| Code | HTTP Status |\n|---|---|\nB | 404\n",
			want: []Entry{{Code: "A", Status: 401, Line: 3}, {Code: "B", Status: 404, Line: 6}},
		},
		{
			name: "prose after a table ends it",
			doc:  "Codes\nCode | Status\n--- | ---\nA | 401\nMore prose\nB | 402\n",
			want: []Entry{{Code: "A", Status: 401, Line: 4}},
		},
		{
			name: "column name aliases",
			doc: "| error_code | HTTP |\n|-|-|\n| A | 400 |\n\n" +
				"| Error-Code | Status_Code |\n|-|-|\n| B | 401 |\n\n" +
				"| CODE | http status code |\n|-|-|\n| C | 402 |\n",
			want: []Entry{{Code: "A", Status: 400, Line: 3}, {Code: "B", Status: 401, Line: 7}, {Code: "C", Status: 402, Line: 11}},
		},
		{
			name: "HTTP Status is preferred to Status",
			doc:  "| Status | Code | HTTP Status |\n|-|-|-|\n| deprecated | A | 410 |\n",
			want: []Entry{{Code: "A", Status: 410, Line: 3}},
		},
		{
			name: "CRLF and CR line endings",
			doc:  "Title\r\n| Code | HTTP Status |\r\n|---|---|\r\nA | 401\rB | 402\r\n",
			want: []Entry{{Code: "A", Status: 401, Line: 4}, {Code: "B", Status: 402, Line: 5}},
		},
		{
			name: "table in a blockquote and a list",
			doc: "> | Code | HTTP Status |\n> |---|---|\n> | A | 401 |\n\n" +
				"- item\n\n  | Code | HTTP Status |\n  |---|---|\n  | B | 402 |\n",
			want: []Entry{{Code: "A", Status: 401, Line: 3}, {Code: "B", Status: 402, Line: 9}},
		},
		{
			name: "tables in fenced code are ignored",
			doc: "~~~\n| Code | HTTP Status |\n|---|---|\n| X | 200 |\n~~~\n" +
				"| Code | HTTP Status |\n|---|---|\n| A | 401 |\n",
			want: []Entry{{Code: "A", Status: 401, Line: 8}},
		},
		{
			name: "escaped pipe in a code span and entities",
			doc:  "| Code | HTTP Status | Note |\n|---|---|---|\n| A&#95;B | 401 | `a \\| b` |\n",
			want: []Entry{{Code: "A_B", Status: 401, Line: 3}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := ParseMarkdown("doc.md", []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("entries:\n got %v\nwant %v", got, tt.want)
			}
		})
	}
}

func TestNormalizeMarkdown(t *testing.T) {
	doc := "Title\n| A | B |\n|---|---|\n1 | 2\nprose\n```\nx\n| A | B |\n|---|---|\n```\n| C | D |\n| - | - |\n"
	want := "Title\n\n| A | B |\n|---|---|\n1 | 2\n\nprose\n```\nx\n| A | B |\n|---|---|\n```\n\n| C | D |\n| - | - |\n"
	n := normalizeMarkdown([]byte(doc))
	if string(n.src) != want {
		t.Errorf("normalized:\n%q\nwant\n%q", n.src, want)
	}
	wantOrig := []int{1, 2, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 11, 12}
	if !slices.Equal(n.orig, wantOrig) {
		t.Errorf("orig = %v, want %v", n.orig, wantOrig)
	}
}

func TestJSONAndYAML(t *testing.T) {
	want := []Entry{{Code: "UNAUTHORIZED", Status: 401, Line: 3}, {Code: "NOT_FOUND", Status: 404, Line: 5}, {Code: "SERVICE_UNAVAILABLE", Status: 503, Line: 8}}
	c, err := Load("testdata/valid.json")
	if err != nil {
		t.Fatal(err)
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("valid.json:\n got %v\nwant %v", got, want)
	}
	want = []Entry{{Code: "UNAUTHORIZED", Status: 401, Line: 3}, {Code: "NOT_FOUND", Status: 404, Line: 6}, {Code: "SERVICE_UNAVAILABLE", Status: 503, Line: 9}}
	if c, err = Load("testdata/valid.yaml"); err != nil {
		t.Fatal(err)
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("valid.yaml:\n got %v\nwant %v", got, want)
	}
	want = []Entry{{Code: "NOT_FOUND", Status: 404, Line: 1}, {Code: "CONFLICT", Status: 409, Line: 1}}
	if c, err = Load("testdata/valid_list.json"); err != nil {
		t.Fatal(err)
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("valid_list.json:\n got %v\nwant %v", got, want)
	}
	want = []Entry{{Code: "NOT_FOUND", Status: 404, Line: 1}, {Code: "CONFLICT", Status: 409, Line: 2}}
	if c, err = Load("testdata/valid_list.yml"); err != nil {
		t.Fatal(err)
	}
	if got := withoutProse(c.Entries()); !reflect.DeepEqual(got, want) {
		t.Errorf("valid_list.yml:\n got %v\nwant %v", got, want)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct{ file, want string }{
		{"dup.md", "testdata/dup.md:5: duplicate code NOT_FOUND (first defined on line 3)"},
		{"status200.md", "testdata/status200.md:4: code OK has status 200, want an HTTP error status (400-599)"},
		{"status_abc.md", `testdata/status_abc.md:3: invalid HTTP status "abc" for code NOT_FOUND, want a number such as 404 or "404 Not Found"`},
		{"no_code_table.md", "testdata/no_code_table.md: no table with Code and HTTP Status columns"},
		{"code_no_status.md", "testdata/code_no_status.md:3: table has a Code column but no HTTP Status column"},
		{"many_errors.md", strings.Join([]string{
			"testdata/many_errors.md:4: code OK has status 200, want an HTTP error status (400-599)",
			`testdata/many_errors.md:5: code "NOT FOUND" contains whitespace`,
			"testdata/many_errors.md:6: duplicate code NOT_FOUND (first defined on line 3)",
			"testdata/many_errors.md:7: empty code",
			"testdata/many_errors.md:8: missing HTTP status for code CONFLICT",
			`testdata/many_errors.md:9: invalid HTTP status "410x" for code GONE, want a number such as 404 or "404 Not Found"`,
		}, "\n")},
		{"empty_list.json", "testdata/empty_list.json: catalog has no codes"},
		{"bad_syntax.json", "testdata/bad_syntax.json:3: invalid JSON: invalid character '}' looking for beginning of object key string"},
		{"truncated.json", "testdata/truncated.json:2: invalid JSON: unexpected end of JSON input"},
		{"unknown_field.json", `testdata/unknown_field.json:6: unknown field "http_status" in entry (want "code", "status", "description", "resolution")`},
		{"unknown_top.json", `testdata/unknown_top.json:3: unknown field "version" (want "codes")`},
		{"status_string.json", `testdata/status_string.json:4: field "status" must be an integer, got string "404"`},
		{"dup.json", "testdata/dup.json:4: duplicate code NOT_FOUND (first defined on line 2)"},
		{"bad_indent.yaml", "testdata/bad_indent.yaml:4: invalid YAML: did not find expected '-' indicator"},
		{"dup.yaml", "testdata/dup.yaml:6: duplicate code NOT_FOUND (first defined on line 2)"},
		{"status_string.yaml", `testdata/status_string.yaml:2: field "status" must be an integer, got string "404"`},
		{"unknown_field.yaml", `testdata/unknown_field.yaml:4: unknown field "retryable" in entry (want "code", "status", "description", "resolution")`},
		{"catalog.toml", `testdata/catalog.toml: unsupported catalog format ".toml" (supported: .md, .markdown, .txt, .json, .yaml, .yml)`},
		{"missing.md", "testdata/missing.md: cannot read catalog: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			c, err := Load(filepath.Join("testdata", tt.file))
			checkError(t, c, err, tt.want)
		})
	}
}

func TestLoadUnreadable(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "catalog.md")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	c, err := Load(dir)
	checkError(t, c, err, dir+": cannot read catalog: is a directory")

	_, err = Load("testdata/missing.json")
	if !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Load(missing) error %v does not wrap fs.ErrNotExist", err)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ name, doc, want string }{
		// Dispatch.
		{"catalog", "", "catalog: cannot tell the catalog format: file name has no extension (supported: .md, .markdown, .txt, .json, .yaml, .yml)"},
		{"c.csv", "", `c.csv: unsupported catalog format ".csv" (supported: .md, .markdown, .txt, .json, .yaml, .yml)`},
		// Markdown.
		{"c.md", "", "c.md: no table with Code and HTTP Status columns"},
		{"c.md", "| Code | HTTP Status |\n|---|---|\n", "c.md: catalog has no codes"},
		{"c.md", "| Code | Status |\n|---|---|\n| A | 99999999999 |\n", `c.md:3: invalid HTTP status "99999999999" for code A, want a number such as 404 or "404 Not Found"`},
		{"c.md", "| Code | Status |\n|---|---|\n| | abc |\n", `c.md:3: invalid HTTP status "abc", want a number such as 404 or "404 Not Found"`},
		{"c.md", "| Code | Status |\n|---|---|\n| A | 600 |\n", "c.md:3: code A has status 600, want an HTTP error status (400-599)"},
		{"c.md", "| Code | Status |\n|---|---|\n| a | 400 |\n| A | 400 |\n| a | 401 |\n", "c.md:5: duplicate code a (first defined on line 3)"},
		// JSON.
		{"c.json", "", "c.json: empty document"},
		{"c.json", "  \n", "c.json: empty document"},
		{"c.json", "{}", `c.json:1: missing field "codes"`},
		{"c.json", `{"codes": null}`, `c.json:1: field "codes" must be a list, got null`},
		{"c.json", `{"codes": [], "codes": []}`, `c.json:1: field "codes" given twice`},
		{"c.json", `"NOT_FOUND"`, `c.json:1: want a list of codes or an object with a "codes" field, got string "NOT_FOUND"`},
		{"c.json", "[\n404\n]", "c.json:2: entry must be an object with \"code\" and \"status\", got number 404"},
		{"c.json", "[\n{\"code\": 404, \"status\": 404}]", `c.json:2: field "code" must be a string, got number 404`},
		{"c.json", "[{\"code\": \"A\",\n \"status\": 404.0}]", `c.json:2: field "status" must be an integer, got 404.0`},
		{"c.json", `[{"code": "A", "status": 1e999}]`, `c.json:1: field "status" must be an integer, got 1e999`},
		{"c.json", `[{"code": "A", "status": [404]}]`, `c.json:1: field "status" must be an integer, got a list`},
		{"c.json", `[{"code": "A", "status": 404, "description": 1}]`, `c.json:1: field "description" must be a string, got number 1`},
		{"c.json", `[{"code": "A", "status": 404, "description": null}]`, ""},
		{"c.json", `[{"code": "A", "code": "B", "status": 404}]`, `c.json:1: field "code" given twice`},
		{"c.json", "[\n{\"status\": 404}]", `c.json:2: entry has no "code" field`},
		{"c.json", "[\n{\"code\": \"A\"}]", `c.json:2: entry for code A has no "status" field`},
		{"c.json", "[{\"code\": \"A\", \"status\": 404}]\n[]", "c.json:2: invalid JSON: invalid character '[' after top-level value"},
		{"c.json", "[{\"code\": \"A\", \"status\": 200}, {\"code\": \" \", \"status\": 404}]", strings.Join([]string{
			"c.json:1: code A has status 200, want an HTTP error status (400-599)",
			`c.json:1: code " " contains whitespace`,
		}, "\n")},
		{"c.json", "[\n{\"code\": \"A\", \"status\": 404}\n}", "c.json:3: invalid JSON: invalid character '}' after array element"},
		{"c.json", "[\n{\"code\": \"A\",\n \"status\": tru}]", "c.json:3: invalid JSON: invalid character '}' in literal true (expecting 'e')"},
		{"c.json", "[\n{\"code\": \"A\", \"status\": 404},\n\n]", "c.json:4: invalid JSON: invalid character ']' looking for beginning of value"},
		{"c.json", "[{\"code\": \"A\", \"status\": 404}] x", "c.json:1: invalid JSON: invalid character 'x' after top-level value"},
		// YAML.
		{"c.yaml", "", "c.yaml: empty document"},
		{"c.yaml", "# only a comment\n", "c.yaml: empty document"},
		{"c.yaml", "NOT_FOUND\n", `c.yaml:1: want a list of codes or a mapping with a "codes" field, got string "NOT_FOUND"`},
		{"c.yaml", "codes:\n  - code: A\n    status: 404\nversion: 2\n", `c.yaml:4: unknown field "version" (want "codes")`},
		{"c.yaml", "version: 2\n", `c.yaml:1: unknown field "version" (want "codes")`},
		{"c.yaml", "codes: {}\n", `c.yaml:1: field "codes" must be a list, got a mapping`},
		{"c.yaml", "codes: []\ncodes: []\n", `c.yaml:2: field "codes" given twice`},
		{"c.yaml", "[]\n", "c.yaml: catalog has no codes"},
		{"c.yaml", "- code: A\n  status: 404\n---\n- code: B\n  status: 404\n", "c.yaml:3: more than one YAML document"},
		{"c.yaml", "- &a {code: A, status: 404}\n- *a\n", `c.yaml:2: entry must be a mapping with "code" and "status", got an alias (aliases are not supported)`},
		{"c.yaml", "- code: 404\n  status: 404\n", `c.yaml:1: field "code" must be a string, got integer 404`},
		{"c.yaml", "- code:\n  status: 404\n", `c.yaml:1: field "code" must be a string, got null`},
		{"c.yaml", "- code: A\n  status: 404.5\n", `c.yaml:2: field "status" must be an integer, got number 404.5`},
		{"c.yaml", "- code: A\n  status: 99999999999999999999\n", `c.yaml:2: field "status" must be an integer, got number 99999999999999999999`},
		{"c.yaml", "- code: A\n  status: 0x194\n", ""},
		{"c.yaml", "- code: A\n  status: 404\n  code: B\n", `c.yaml:3: field "code" given twice`},
		{"c.yaml", "- code: A\n  status: 404\n  description: [x]\n", `c.yaml:3: field "description" must be a string, got a list`},
		{"c.yaml", "- code: A\n  status: 404\n  ? [x]\n  : y\n", `c.yaml:3: unknown field a list in entry (want "code", "status", "description", "resolution")`},
		{"c.yaml", "- status: 404\n", `c.yaml:1: entry has no "code" field`},
		{"c.yaml", "- code: A\n", `c.yaml:1: entry for code A has no "status" field`},
		{"c.yaml", "- code: A\n  status: 404\n - code: B\n", "c.yaml:3: invalid YAML: did not find expected '-' indicator"},
		{"c.yaml", "\t- code: A\n", "c.yaml:1: invalid YAML: found character that cannot start any token"},
		{"c.yaml", "- code: \"A\n  status: 404\n", "c.yaml:3: invalid YAML: found unexpected end of stream"},
	}
	for _, tt := range tests {
		t.Run(tt.name+"/"+tt.doc, func(t *testing.T) {
			c, err := Parse(tt.name, []byte(tt.doc))
			if tt.want == "" {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			checkError(t, c, err, tt.want)
		})
	}
}

func TestNew(t *testing.T) {
	tests := []struct {
		entries []Entry
		want    string
	}{
		{nil, "src: catalog has no codes"},
		{[]Entry{{Code: "A", Status: 399}}, "src: code A has status 399, want an HTTP error status (400-599)"},
		{[]Entry{{Code: "A", Status: 600}}, "src: code A has status 600, want an HTTP error status (400-599)"},
		{[]Entry{{Code: "A", Status: 404}, {Code: "A", Status: 404}}, "src: duplicate code A"},
		{[]Entry{{Code: "A", Status: 404, Line: 7}, {Code: "A", Status: 404, Line: 9}}, "src:9: duplicate code A (first defined on line 7)"},
		{[]Entry{{Code: "", Status: 404, Line: 2}}, "src:2: empty code"},
		{[]Entry{{Code: "A\tB", Status: 404, Line: 2}}, `src:2: code "A\tB" contains whitespace`},
		{[]Entry{{Code: "A\x00", Status: 404, Line: 2}}, `src:2: code "A\x00" contains a control character`},
	}
	for _, tt := range tests {
		c, err := New("src", tt.entries)
		checkError(t, c, err, tt.want)
	}
	// The bounds are error statuses.
	if _, err := New("src", []Entry{{Code: "A", Status: 400}, {Code: "B", Status: 599}}); err != nil {
		t.Errorf("New with statuses 400 and 599: %v", err)
	}

	// At most maxErrors problems are reported.
	var many []Entry
	for i := range 12 {
		many = append(many, Entry{Code: fmt.Sprint("C", i), Status: 200, Line: i + 1})
	}
	_, err := New("src", many)
	lines := strings.Split(err.Error(), "\n")
	if len(lines) != maxErrors+1 || lines[maxErrors] != "src: too many errors" {
		t.Errorf("12 problems reported as:\n%v", err)
	}
	var e *Error
	if !errors.As(err, &e) || e.Line != 1 {
		t.Errorf("errors.As(%v) = %v", err, e)
	}
}

func TestCatalogMethods(t *testing.T) {
	in := []Entry{{Code: "A", Status: 401, Line: 1}, {Code: "B", Status: 404, Line: 2}, {Code: "C", Status: 401, Line: 3}}
	c, err := New("src", in)
	if err != nil {
		t.Fatal(err)
	}
	in[0].Code = "changed"
	es := c.Entries()
	es[1].Status = 500
	if s, ok := c.Status("A"); !ok || s != 401 {
		t.Errorf("Status(A) = %d, %v", s, ok)
	}
	if s, ok := c.Status("B"); !ok || s != 404 {
		t.Errorf("Status(B) = %d, %v", s, ok)
	}
	if _, ok := c.Status("a"); ok {
		t.Error("codes must be case-sensitive")
	}
	if got := c.Codes(); !slices.Equal(got, []string{"A", "B", "C"}) {
		t.Errorf("Codes() = %v", got)
	}
	if got := c.CodesWithStatus(401); !slices.Equal(got, []string{"A", "C"}) {
		t.Errorf("CodesWithStatus(401) = %v", got)
	}
	if got := c.CodesWithStatus(418); got != nil {
		t.Errorf("CodesWithStatus(418) = %v", got)
	}
	if c.Len() != 3 || c.Source() != "src" {
		t.Errorf("Len() = %d, Source() = %q", c.Len(), c.Source())
	}

	var nilc *Catalog
	if _, ok := nilc.Status("A"); ok || nilc.Len() != 0 || nilc.Codes() != nil ||
		nilc.Entries() != nil || nilc.CodesWithStatus(404) != nil || nilc.Source() != "" {
		t.Error("nil catalog is not empty")
	}
}

func TestParseDispatch(t *testing.T) {
	md := []byte("| Code | HTTP Status |\n|---|---|\n| A | 404 |\n")
	for _, name := range []string{"a.md", "a.MD", "a.markdown", "a.txt"} {
		if _, err := Parse(name, md); err != nil {
			t.Errorf("Parse(%q): %v", name, err)
		}
	}
	js := []byte(`[{"code": "A", "status": 404}]`)
	for _, name := range []string{"a.json", "a.JSON", "a.yaml", "a.yml"} { // JSON is YAML
		if _, err := Parse(name, js); err != nil {
			t.Errorf("Parse(%q): %v", name, err)
		}
	}
}

// checkError checks that err has exactly the text want, that every error
// it joins is an *Error, and that no catalog was returned.
func checkError(t *testing.T, c *Catalog, err error, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("no error, want %q", want)
	}
	if c != nil {
		t.Errorf("got a catalog along with error %v", err)
	}
	if err.Error() != want {
		t.Errorf("error:\n got %s\nwant %s", err, want)
	}
	for _, e := range flatten(err) {
		if _, ok := e.(*Error); !ok {
			t.Errorf("error %v is a %T, want *Error", e, e)
		}
	}
}

// flatten returns the errors joined in err, or err itself.
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}

func readFile(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// tableRows returns the cell texts of the rows (header first) of every
// table goldmark finds in data, normalized first or not.
func tableRows(t *testing.T, data []byte, normalize bool) [][][]string {
	t.Helper()
	src := data
	if normalize {
		src = normalizeMarkdown(data).src
	}
	doc, err := parseGFM(src)
	if err != nil {
		t.Fatal(err)
	}
	var tables [][][]string
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if _, ok := n.(*extast.Table); ok && entering {
			var rows [][]string
			for r := n.FirstChild(); r != nil; r = r.NextSibling() {
				rows = append(rows, cellTexts(r, src))
			}
			tables = append(tables, rows)
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return tables
}

// TestCatalogProse: the Description and Resolution columns of Markdown tables
// (found by name, in any position, in some tables and not others) and the
// "description" and "resolution" keys of JSON and YAML become the entries'
// prose.
func TestCatalogProse(t *testing.T) {
	type prose struct{ code, desc, res string }
	tests := []struct {
		name, doc string
		want      []prose
	}{
		{
			name: "markdown: the seed's columns",
			doc:  "| Code | HTTP Status | Description | Resolution |\n|---|---|---|---|\n| NOT_FOUND | 404 | Resource not found | Verify resource ID exists |\n",
			want: []prose{{"NOT_FOUND", "Resource not found", "Verify resource ID exists"}},
		},
		{
			name: "markdown: other order and case, code spans, short rows, a table without them",
			doc: "| resolution | DESCRIPTION | Code | HTTP Status |\n|-|-|-|-|\n| Wait | `Too` *many* | A | 429 |\n| Retry | | B | 503 |\n\n" +
				"| Code | HTTP Status |\n|-|-|\n| C | 400 |\n\n" +
				"| Code | HTTP Status | Description |\n|-|-|-|\n| D | 401 |\n",
			want: []prose{{"A", "Too many", "Wait"}, {"B", "", "Retry"}, {"C", "", ""}, {"D", "", ""}},
		},
		{
			name: "json",
			doc:  `[{"code": "A", "status": 404, "description": "Gone missing", "resolution": "Look again"}, {"code": "B", "status": 400, "description": null}]`,
			want: []prose{{"A", "Gone missing", "Look again"}, {"B", "", ""}},
		},
		{
			name: "yaml",
			doc:  "- code: A\n  status: 404\n  description: Gone missing\n  resolution: |\n    Look\n    again\n- code: B\n  status: 400\n  description: ~\n  resolution: 42\n",
			want: []prose{{"A", "Gone missing", "Look\nagain\n"}, {"B", "", "42"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			name := map[string]string{"json": "c.json", "yaml": "c.yaml"}[tt.name]
			if name == "" {
				name = "c.md"
			}
			c, err := Parse(name, []byte(tt.doc))
			if err != nil {
				t.Fatal(err)
			}
			var got []prose
			for _, e := range c.Entries() {
				got = append(got, prose{e.Code, e.Description, e.Resolution})
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("prose:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestCatalogProseErrors: prose that is not text is an error naming the line.
func TestCatalogProseErrors(t *testing.T) {
	for _, c := range []struct{ name, doc, want string }{
		{"c.json", `[{"code": "A", "status": 404, "resolution": ["x"]}]`, `c.json:1: field "resolution" must be a string, got a list`},
		{"c.json", "[{\"code\": \"A\", \"status\": 404,\n \"resolution\": \"x\", \"resolution\": \"y\"}]", `c.json:2: field "resolution" given twice`},
		{"c.yaml", "- code: A\n  status: 404\n  resolution: {x: 1}\n", `c.yaml:3: field "resolution" must be a string, got a mapping`},
		{"c.yaml", "- code: A\n  status: 404\n  fix: x\n", `c.yaml:3: unknown field "fix" in entry (want "code", "status", "description", "resolution")`},
	} {
		_, err := Parse(c.name, []byte(c.doc))
		if err == nil || err.Error() != c.want {
			t.Errorf("Parse(%s, %q): %v, want %s", c.name, c.doc, err, c.want)
		}
	}
}

// TestCatalogDefaultProse: every code of the embedded catalog has its description
// and resolution (apierrlint gen writes them into the code's comment).
func TestCatalogDefaultProse(t *testing.T) {
	for _, e := range Default().Entries() {
		if e.Description == "" || e.Resolution == "" {
			t.Errorf("%s: description %q, resolution %q", e.Code, e.Description, e.Resolution)
		}
	}
	if e := Default().Entries()[0]; e.Description != "Missing or invalid authentication" || e.Resolution != "Provide valid API key or session cookie" {
		t.Errorf("UNAUTHORIZED: %+v", e)
	}
}

// TestMarkdownRoundTrip: a catalog written as Markdown reads back as the
// same entries (code, status, description, resolution), from each format
// and with text that Markdown would otherwise read as markup.
func TestMarkdownRoundTrip(t *testing.T) {
	var cats []*Catalog
	for _, name := range []string{"valid.md", "valid.json", "valid.yaml", "valid_list.json", "valid_list.yml"} {
		c, err := Load(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c)
	}
	tricky, err := New("tricky", []Entry{
		{Code: "NOT_FOUND", Status: 404, Description: "a | b, `code`, *stars*, _under_ and snake_case, [link](x), <b>, &amp;, \\, ~~x~~, !, #1"},
		{Code: "_LEADING", Status: 400, Resolution: "multi\nline\ttext  here"},
		{Code: "TRAILING_", Status: 500},
	})
	if err != nil {
		t.Fatal(err)
	}
	cats = append(cats, Default(), tricky)
	for _, c := range cats {
		md := c.Markdown()
		back, err := ParseMarkdown("out.md", md)
		if err != nil {
			t.Errorf("%s: %v\n%s", c.Source(), err, md)
			continue
		}
		if got, want := plain(back.Entries()), plain(c.Entries()); !slices.Equal(got, want) {
			t.Errorf("%s: read back\n got %+v\nwant %+v\n%s", c.Source(), got, want, md)
		}
	}
	if !strings.Contains(string(Default().Markdown()), "| NOT_FOUND | 404 | Resource not found | Verify resource ID exists |\n") {
		t.Errorf("Markdown escapes what it need not:\n%s", Default().Markdown())
	}
}

// plain drops the lines and folds white space, which a Markdown table
// cell cannot keep.
func plain(entries []Entry) []Entry {
	for i := range entries {
		entries[i].Line = 0
		entries[i].Description = strings.Join(strings.Fields(entries[i].Description), " ")
		entries[i].Resolution = strings.Join(strings.Fields(entries[i].Resolution), " ")
	}
	return entries
}
