package catalog

import (
	"slices"
	"testing"
)

// The line-level helpers of the Markdown reader, at the edges that the
// documents of the other tests do not reach.

func TestParseStatus(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"404", 404, true},
		{"404 Not Found", 404, true},
		{"404\tNot Found", 404, true},
		{"123456789", 123456789, true}, // nine digits: a number, out of range later
		{"1234567890", 0, false},       // ten: too large for any status
		{"", 0, false},
		{"Not Found", 0, false},
		{"404x", 0, false},
	} {
		got, ok := parseStatus(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("parseStatus(%q) = %d, %v; want %d, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestCell(t *testing.T) {
	cells := []string{"A", "404"}
	if got := cell(cells, 1); got != "404" {
		t.Errorf("cell(cells, 1) = %q", got)
	}
	if got := cell(cells, 2); got != "" {
		t.Errorf("cell(cells, 2) = %q, want \"\"", got)
	}
}

func TestSplitLines(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"a\nb", []string{"a", "b"}},
		{"a\r\nb\r\n", []string{"a", "b"}},
		{"a\rb", []string{"a", "b"}},
		{"a\r", []string{"a"}},
		{"a\r\r\nb", []string{"a", "", "b"}},
		{"\n", []string{""}},
	} {
		if got := splitLines([]byte(c.in)); !slices.Equal(got, c.want) {
			t.Errorf("splitLines(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestIsDelimRow(t *testing.T) {
	for _, c := range []struct {
		line string
		want bool
	}{
		{"|---|---|", true},
		{"| --- | --- |", true},
		{"|\t---\t|", true},
		{"|\v---\f|", true},
		{"|:---:|---:|", true},
		{"--- | ---", true},
		{"   |---|", true},   // three spaces of indentation
		{"    |---|", false}, // four: code
		{"---", false},       // a setext underline or a thematic break
		{"  ", false},
		{"|", false},
		{"| a | b |", false},
		{"|-x-|", false},
		{"| - - |", false},
	} {
		if got := isDelimRow(c.line); got != c.want {
			t.Errorf("isDelimRow(%q) = %v, want %v", c.line, got, c.want)
		}
	}
}

func TestFences(t *testing.T) {
	for _, c := range []struct {
		line string
		ch   byte
		n    int
		ok   bool
	}{
		{"```", '`', 3, true},
		{"```go", '`', 3, true},
		{"   ~~~~", '~', 4, true},
		{"    ```", 0, 0, false}, // indented code
		{"``", 0, 0, false},
		{"``` a`b", 0, 0, false}, // a backtick in a backtick fence's info string
		{"~~~ a`b", '~', 3, true},
		{"text", 0, 0, false},
	} {
		ch, n, ok := fenceOpen(c.line)
		if ch != c.ch || n != c.n || ok != c.ok {
			t.Errorf("fenceOpen(%q) = %q, %d, %v; want %q, %d, %v", c.line, ch, n, ok, c.ch, c.n, c.ok)
		}
	}
	for _, c := range []struct {
		line string
		want bool
	}{
		{"```", true},
		{"   ````", true},
		{"    ```", false},
		{"``", false},
		{"``` x", false},
	} {
		if got := isFenceClose(c.line, '`', 3); got != c.want {
			t.Errorf("isFenceClose(%q, '`', 3) = %v, want %v", c.line, got, c.want)
		}
	}
}

// TestNormalizedLine: offsets of the rewritten document map back to the
// original's lines; offsets outside it map to 0.
func TestNormalizedLine(t *testing.T) {
	n := normalizeMarkdown([]byte("intro\n| Code | Status |\n|---|---|\n| A | 404 |\n"))
	// A blank line is inserted before the header: "intro\n\n| Code ...".
	for _, c := range []struct{ off, want int }{
		{-1, 0},
		{0, 1},
		{len("intro\n"), 2}, // the blank line inserted before the header
		{len("intro\n\n"), 2},
		{len(n.src) - 1, 4},
		{len(n.src), 0},
	} {
		if got := n.line(c.off); got != c.want {
			t.Errorf("line(%d) = %d, want %d (document %q)", c.off, got, c.want, n.src)
		}
	}
}
