package catalog

import (
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
