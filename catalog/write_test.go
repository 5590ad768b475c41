package catalog

import (
	"reflect"
	"strings"
	"testing"
)

// TestMarkdownColumns: the table has the Description and Resolution
// columns only when some entry has them (Description too when only a
// resolution is given, so that the columns stay in order).
func TestMarkdownColumns(t *testing.T) {
	for _, tt := range []struct {
		name    string
		entries []Entry
		header  string
	}{
		{"codes only", []Entry{{Code: "NOT_FOUND", Status: 404}, {Code: "CONFLICT", Status: 409}}, "| Code | HTTP Status |"},
		{"a description", []Entry{{Code: "NOT_FOUND", Status: 404, Description: "gone"}, {Code: "CONFLICT", Status: 409}}, "| Code | HTTP Status | Description |"},
		{"a resolution", []Entry{{Code: "NOT_FOUND", Status: 404}, {Code: "CONFLICT", Status: 409, Resolution: "retry"}}, "| Code | HTTP Status | Description | Resolution |"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			c, err := New("test", tt.entries)
			if err != nil {
				t.Fatal(err)
			}
			md := string(c.Markdown())
			if !strings.Contains(md, tt.header+"\n") || strings.Contains(md, tt.header+" ") {
				t.Errorf("want the header %q, got:\n%s", tt.header, md)
			}
		})
	}
}

// TestMarkdownCellUnderscore: an underscore is escaped at the edge of a
// word (where it could open emphasis), not inside one.
func TestMarkdownCellUnderscore(t *testing.T) {
	for in, want := range map[string]string{
		"NOT_FOUND":  "NOT_FOUND",
		"a_ b":       `a\_ b`,
		"a _b":       `a \_b`,
		"_a":         `\_a`,
		"a_":         `a\_`,
		"snake_case": "snake_case",
	} {
		if got := markdownCell(in); got != want {
			t.Errorf("markdownCell(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestMarkdownShape: a catalog whose shape is not DocumentShape writes its
// response-format block before the table, read back as the same shape; the
// seed's shape and a shape whose keys' names do not say their roles write
// none.
func TestMarkdownShape(t *testing.T) {
	plain := func(s Shape) Shape { s.Preset, s.File, s.Line = "", "", 0; s.Keys = s.KeyList(); return s }
	base, err := New("test", []Entry{{Code: "NOT_FOUND", Status: 404}})
	if err != nil {
		t.Fatal(err)
	}
	custom := DocumentShape().Rename("message", "error").Rename("request_id", "trace_id")
	custom.Envelope = "error_info"
	problem := ProblemShape()
	unnamed := DocumentShape().Rename("code", "kind")
	for _, c := range []struct {
		name  string
		shape Shape
		block bool
	}{
		{"document", DocumentShape(), false},
		{"custom keys under an envelope", custom, true},
		{"problem", problem, true},
		{"code key without a name that says so", unnamed, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			md := base.With(&c.shape, nil).Markdown()
			if got := strings.Contains(string(md), "```json"); got != c.block {
				t.Fatalf("block written: %v, want %v:\n%s", got, c.block, md)
			}
			back, err := ParseMarkdown("back.md", md)
			if err != nil {
				t.Fatal(err)
			}
			want := plain(c.shape)
			if !c.block {
				want = plain(DocumentShape())
			}
			if got := plain(back.Shape()); !reflect.DeepEqual(got, want) {
				t.Errorf("read back as\n %#v\nwant %#v\n%s", got, want, md)
			}
		})
	}
}

// TestContractMarkdown: an OpenAPI catalog's shape and operations follow its
// codes, with each operation's statuses, ranges and default; the whole reads
// back as the same codes (the tables have no Code column). Other catalogs
// add nothing.
func TestContractMarkdown(t *testing.T) {
	c, err := Load("testdata/openapi/petstore.yaml")
	if err != nil {
		t.Fatal(err)
	}
	got := string(c.ContractMarkdown())
	for _, want := range []string{
		"## Error body\n\nThe body is {\"code\", \"message\", \"details\", \"request_id\"}.\n",
		"| code | code | string | yes |\n",
		"| details | details | object | no |\n",
		"## Operations\n\n| Method | Path | Base path | Documented statuses |\n",
		"| GET | /pets | /v1 | 200, 4XX, default |\n",
		"| DELETE | /pets/{id} | /v2/admin | 204, 404 |\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("ContractMarkdown lacks %q:\n%s", want, got)
		}
	}
	back, err := ParseMarkdown("back.md", append(c.Markdown(), got...))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Codes(), c.Codes()) {
		t.Errorf("read back: %v, want %v", back.Codes(), c.Codes())
	}
	md, err := Load("testdata/valid.md")
	if err != nil {
		t.Fatal(err)
	}
	if got := md.ContractMarkdown(); got != nil {
		t.Errorf("a Markdown catalog's ContractMarkdown: %q, want nothing", got)
	}
}
