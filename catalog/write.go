package catalog

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// DefaultMarkdown returns the embedded default catalog's document, as
// `apierrlint catalog` prints it: the start of a team's own catalog.
func DefaultMarkdown() []byte {
	return []byte(defaultMarkdown)
}

// Markdown writes the catalog as one Markdown table, in document order:
// Code and HTTP Status, and Description and Resolution when an entry has
// them; before it, the response-format block of a shape other than
// [DocumentShape] (see shapeMarkdown). [ParseMarkdown] reads it back as the same entries (a line break in
// a description becomes a space: a table cell holds one line), so
// `apierrlint catalog -catalog errors.yaml > errors.md` converts a catalog.
func (c *Catalog) Markdown() []byte {
	entries := c.Entries()
	desc, res := false, false
	for _, e := range entries {
		desc = desc || e.Description != ""
		res = res || e.Resolution != ""
	}
	header := []string{"Code", "HTTP Status"}
	if desc || res {
		header = append(header, "Description")
	}
	if res {
		header = append(header, "Resolution")
	}
	var b strings.Builder
	b.WriteString(c.shapeMarkdown())
	row := func(cells []string) {
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + c + " |")
		}
		b.WriteString("\n")
	}
	row(header)
	b.WriteString(strings.Repeat("|---", len(header)) + "|\n")
	for _, e := range entries {
		cells := []string{markdownCell(e.Code), strconv.Itoa(e.Status)}
		if desc || res {
			cells = append(cells, markdownCell(e.Description))
		}
		if res {
			cells = append(cells, markdownCell(e.Resolution))
		}
		row(cells)
	}
	return []byte(b.String())
}

// markdownCell writes text as a table cell that Markdown reads back as the
// same text: on one line, '|' and the characters that open inline markup
// escaped, '&' as a character reference. An underscore is escaped only at the edge of a word, where it
// could open emphasis: NOT_FOUND stays readable.
func markdownCell(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '&':
			// (The reader resolves character references after
			// backslash escapes: \&amp; would read as "&".)
			b.WriteString("&amp;")
			continue
		case '\\', '|', '`', '*', '[', ']', '<', '>', '~', '!', '#':
			b.WriteByte('\\')
		case '_':
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			next, _ := utf8.DecodeRuneInString(s[i+1:])
			if i == 0 || i == len(s)-1 || !wordRune(prev) || !wordRune(next) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

func wordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// shapeMarkdown is the response-format block that states the catalog's
// shape, with the prose that marks its optional keys, and a blank line;
// "" for DocumentShape (no block says the same) or a shape that a block
// cannot state (its keys' names do not say their roles): ParseMarkdown
// reads the block back as the same shape, or it is not written.
func (c *Catalog) shapeMarkdown() string {
	if c == nil || c.shape == nil {
		return ""
	}
	s := *c.shape
	if s.Equal(DocumentShape()) {
		return ""
	}
	var optional []string
	for _, k := range s.KeyList() {
		if !s.IsRequired(k) {
			optional = append(optional, "`"+k+"` is optional")
		}
	}
	obj := "{\n  " + strings.Join(s.ExampleFields("ERROR_CODE"), ",\n  ") + "\n}"
	if s.Envelope != "" {
		obj = "{" + strconv.Quote(s.Envelope) + ": " + obj + "}"
	}
	prose := "Every error response is this JSON object"
	if len(optional) > 0 {
		prose += "; " + strings.Join(optional, ", ")
	}
	block := prose + ".\n\n```json\n" + obj + "\n```\n\n"
	got, err := parseShapeBlock("", shapeBlock{text: obj, line: 1}, prose)
	if err != nil || !got.Equal(s) {
		return ""
	}
	return block
}

// ContractMarkdown describes, after [Catalog.Markdown]'s table, what an
// OpenAPI document states besides its codes: the error body's shape (each
// key, its role, its JSON type, whether it is required, the envelope) and
// each operation with the statuses it documents. It is "" for a catalog
// without operations (Markdown, JSON, YAML), whose Markdown is the whole
// story. [ParseMarkdown] ignores what it writes (its tables have no Code
// column), so the output of `apierrlint catalog` still reads back as the
// same codes.
func (c *Catalog) ContractMarkdown() []byte {
	if c == nil || c.ops == nil {
		return nil
	}
	var b strings.Builder
	s := c.Shape()
	b.WriteString("\n## Error body\n\n")
	if c.shape == nil {
		b.WriteString("The document's error responses state no body with a code: the default one.\n\n")
	}
	fmt.Fprintf(&b, "The body is %s", s.Describe())
	if s.Envelope != "" {
		fmt.Fprintf(&b, ": its keys are under `%s`", s.Envelope)
	}
	b.WriteString(".\n\n")
	roles := map[string]string{}
	for _, r := range s.Roles() {
		roles[r[1]] = r[0]
	}
	b.WriteString("| Key | Role | Type | Required |\n|---|---|---|---|\n")
	for _, k := range s.KeyList() {
		req := "no"
		if s.IsRequired(k) {
			req = "yes"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s |\n", markdownCell(k), roles[k], s.Types[k], req)
	}
	fmt.Fprintf(&b, "\n## Operations\n\n")
	base := slices.ContainsFunc(c.ops, func(o Operation) bool { return o.BasePath != "" })
	if base {
		b.WriteString("| Method | Path | Base path | Documented statuses |\n|---|---|---|---|\n")
	} else {
		b.WriteString("| Method | Path | Documented statuses |\n|---|---|---|\n")
	}
	for _, o := range c.ops {
		var st []string
		for _, s := range o.Statuses {
			st = append(st, strconv.Itoa(s))
		}
		for _, r := range o.Ranges {
			st = append(st, strconv.Itoa(r)+"XX")
		}
		if o.Default {
			st = append(st, "default")
		}
		cells := []string{o.Method, markdownCell(o.Path)}
		if base {
			cells = append(cells, markdownCell(o.BasePath))
		}
		cells = append(cells, strings.Join(st, ", "))
		b.WriteString("| " + strings.Join(cells, " | ") + " |\n")
	}
	return []byte(b.String())
}
