package catalog

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark"
	gast "github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	extast "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ParseMarkdown parses a catalog written as a Markdown document. name is
// used in errors and as the catalog's [Catalog.Source].
//
// The document is parsed as GitHub Flavored Markdown. Every table whose
// header has a code column (named "Code", "Error Code" or "error_code")
// and a status column (named "HTTP Status", "HTTP Status Code", "Status
// Code", "Status" or "HTTP") is a code table; column names are matched
// case-insensitively, with spaces, underscores and dashes equivalent.
// A "Description" and a "Resolution" column, when a table has them,
// become the entries' [Entry.Description] and [Entry.Resolution]. Other
// columns are ignored, and so are tables without a code column.
// Cells may use code spans (`NOT_FOUND`). A status cell holds a number,
// optionally followed by text ("404" or "404 Not Found"). Empty rows are
// skipped. As with [New], all problems found (at most 10) are reported.
//
// Tables need not be separated by blank lines: text pasted from a
// rendered document, where a table is directly followed by a line of
// prose or by the header of the next table, is understood. Inside a
// table, a line without a '|' ends the table.
func ParseMarkdown(name string, data []byte) (*Catalog, error) {
	l := &errorList{file: name}
	norm := normalizeMarkdown(data)
	doc, err := parseGFM(norm.src)
	if err != nil {
		l.add(0, "cannot parse Markdown: %v", err)
		return nil, l.err()
	}

	var entries []Entry
	foundCodeTable := false
	var (
		block *shapeBlock     // the response-format block
		prose strings.Builder // the text before the code tables
	)
	_ = gast.Walk(doc, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		if !foundCodeTable {
			if st := formatBlock(n, &norm, &block, &prose); st != nil {
				return *st, nil
			}
		}
		table, ok := n.(*extast.Table)
		if !ok {
			return gast.WalkContinue, nil
		}
		var header *extast.TableHeader
		for c := table.FirstChild(); c != nil; c = c.NextSibling() {
			if h, ok := c.(*extast.TableHeader); ok {
				header = h
				break
			}
		}
		if header == nil {
			return gast.WalkSkipChildren, nil
		}
		names := cellTexts(header, norm.src)
		codeCol, statusCol := findColumns(names)
		descCol, resCol := findColumn(names, "description"), findColumn(names, "resolution")
		if codeCol < 0 {
			return gast.WalkSkipChildren, nil
		}
		foundCodeTable = true
		if statusCol < 0 {
			l.add(norm.line(header.Pos()), "table has a Code column but no HTTP Status column")
			return gast.WalkSkipChildren, nil
		}
		for c := header.NextSibling(); c != nil; c = c.NextSibling() {
			row, ok := c.(*extast.TableRow)
			if !ok {
				continue
			}
			cells := cellTexts(row, norm.src)
			if allEmpty(cells) {
				continue
			}
			line := norm.line(row.Pos())
			code, statusText := cell(cells, codeCol), cell(cells, statusCol)
			status, ok := parseStatus(statusText)
			if !ok {
				var forCode string
				if code != "" {
					forCode = " for code " + code
				}
				if statusText == "" {
					l.add(line, "missing HTTP status%s", forCode)
				} else {
					l.add(line, "invalid HTTP status %q%s, want a number such as 404 or \"404 Not Found\"", statusText, forCode)
				}
				continue
			}
			entries = append(entries, Entry{
				Code: code, Status: status, Line: line,
				Description: cellAt(cells, descCol), Resolution: cellAt(cells, resCol),
			})
		}
		return gast.WalkSkipChildren, nil
	})
	if !foundCodeTable {
		l.add(0, "no table with Code and HTTP Status columns")
		return nil, l.err()
	}
	c := build(l, entries, l.empty())
	if block != nil {
		shape, err := parseShapeBlock(name, *block, prose.String())
		switch {
		case err == nil:
			c.shape = &shape
		case block.meant:
			l.errs = append(l.errs, err)
		}
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// formatBlock looks at a node before the first code table for the
// response-format block (the first JSON object of a fenced block or of a
// paragraph's lines) and the prose around it. It returns the walk's next
// step for the nodes it handles (nil: go on as usual).
func formatBlock(n gast.Node, norm *normalized, block **shapeBlock, prose *strings.Builder) *gast.WalkStatus {
	skip := gast.WalkSkipChildren
	lines := func() ([]string, []int) {
		var text []string
		var at []int
		segs := n.Lines()
		for i := 0; i < segs.Len(); i++ {
			seg := segs.At(i)
			text = append(text, strings.TrimRight(string(seg.Value(norm.src)), "\r\n"))
			at = append(at, norm.line(seg.Start))
		}
		return text, at
	}
	switch n := n.(type) {
	case *gast.FencedCodeBlock, *gast.CodeBlock:
		if *block != nil {
			return &skip
		}
		if fc, ok := n.(*gast.FencedCodeBlock); ok {
			switch lang := strings.ToLower(string(fc.Language(norm.src))); lang {
			case "", "json", "jsonc", "json5":
			default:
				return &skip
			}
		}
		text, at := lines()
		if obj, first := jsonObjectLines(text); first >= 0 {
			*block = &shapeBlock{text: strings.Join(obj, "\n"), line: at[first], meant: meantAsFormat(prose.String())}
		}
		return &skip
	case *gast.Paragraph, *gast.Heading, *gast.TextBlock:
		text, at := lines()
		if _, isPara := n.(*gast.Paragraph); isPara && *block == nil {
			if obj, first := jsonObjectLines(text); first >= 0 {
				*block = &shapeBlock{text: strings.Join(obj, "\n"), line: at[first],
					meant: meantAsFormat(prose.String() + strings.Join(text[:first], "\n"))}
				text = append(text[:first:first], text[first+len(obj):]...)
			}
		}
		for _, t := range text {
			prose.WriteString(t)
			prose.WriteByte('\n')
		}
		return &skip
	}
	return nil
}

// parseGFM parses src as Markdown with GFM tables. A panic in the
// Markdown parser is turned into an error: a catalog must never crash
// the linter.
func parseGFM(src []byte) (doc gast.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error in Markdown parser: %v", r)
		}
	}()
	md := goldmark.New(goldmark.WithExtensions(extension.Table))
	return md.Parser().Parse(text.NewReader(src)), nil
}

// Column names, normalised by normHeader, in order of preference.
var (
	codeColumns   = [...]string{"code", "error code"}
	statusColumns = [...]string{"http status", "http status code", "status code", "status", "http"}
)

// findColumns returns the indexes of the code and status columns among
// the header cells names, or -1.
func findColumns(names []string) (codeCol, statusCol int) {
	find := func(want []string) int {
		for _, w := range want {
			if i := findColumn(names, w); i >= 0 {
				return i
			}
		}
		return -1
	}
	return find(codeColumns[:]), find(statusColumns[:])
}

// findColumn returns the index of the column named name (normalised, see
// normHeader) among the header cells names, or -1.
func findColumn(names []string, name string) int {
	for i, n := range names {
		if normHeader(n) == name {
			return i
		}
	}
	return -1
}

// cellAt returns cells[i], or "" when i is -1 or the row is shorter.
func cellAt(cells []string, i int) string {
	if i < 0 {
		return ""
	}
	return cell(cells, i)
}

// normHeader lower-cases a column name and makes spaces, underscores and
// dashes equivalent.
func normHeader(s string) string {
	s = strings.ToLower(s)
	s = strings.NewReplacer("_", " ", "-", " ").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

// parseStatus parses a status cell: a number, optionally followed by
// whitespace and text ("404", "404 Not Found").
func parseStatus(s string) (int, bool) {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 9 { // no number, or too large for any status
		return 0, false
	}
	if i < len(s) {
		if r, _ := utf8.DecodeRuneInString(s[i:]); !unicode.IsSpace(r) {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s[:i])
	return n, err == nil
}

func cell(cells []string, i int) string {
	if i < len(cells) {
		return cells[i]
	}
	return ""
}

func allEmpty(cells []string) bool {
	for _, c := range cells {
		if c != "" {
			return false
		}
	}
	return true
}

// cellTexts returns the trimmed text of each cell of a table row or header.
func cellTexts(row gast.Node, src []byte) []string {
	var cells []string
	for c := row.FirstChild(); c != nil; c = c.NextSibling() {
		if _, ok := c.(*extast.TableCell); ok {
			cells = append(cells, inlineText(c, src))
		}
	}
	return cells
}

// inlineText returns the plain text of the inline content of n: code
// spans yield their content, emphasis and links their text, backslash
// escapes and character references are resolved, raw HTML is dropped.
func inlineText(n gast.Node, src []byte) string {
	var b bytes.Buffer
	_ = gast.Walk(n, func(n gast.Node, entering bool) (gast.WalkStatus, error) {
		if !entering {
			return gast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *gast.Text:
			v := n.Value(src)
			if !n.IsRaw() {
				v = util.ResolveEntityNames(util.ResolveNumericReferences(util.UnescapePunctuations(v)))
			}
			b.Write(v)
			if n.SoftLineBreak() || n.HardLineBreak() {
				b.WriteByte(' ')
			}
		case *gast.String:
			b.Write(n.Value)
		case *gast.AutoLink:
			b.Write(n.Label(src))
		case *gast.RawHTML:
			return gast.WalkSkipChildren, nil
		}
		return gast.WalkContinue, nil
	})
	return strings.TrimSpace(b.String())
}

// normalized is a Markdown document rewritten so that goldmark finds the
// tables of text pasted without blank lines (see normalizeMarkdown).
type normalized struct {
	src   []byte    // the rewritten document, lines ended by '\n'
	orig  []int     // orig[i] is the 1-based original line of line i of src
	index lineIndex // line index of src
}

// line returns the 1-based line in the original document of the byte at
// offset off of n.src, or 0 if off is not a valid offset.
func (n *normalized) line(off int) int {
	if off < 0 || off >= len(n.src) {
		return 0
	}
	i := n.index.line(off) - 1
	if i >= len(n.orig) {
		return 0
	}
	return n.orig[i]
}

// normalizeMarkdown rewrites a Markdown document so that goldmark's GFM
// table extension sees each table on its own, and records for every line
// of the result the line of the original it came from.
//
// Goldmark (like GFM) turns a paragraph into a table at the delimiter row
// and takes every later line of the paragraph as a row. Text pasted from
// a rendered document has no blank lines, so a table would swallow the
// prose and the header and delimiter rows of the next table. Outside
// fenced code blocks, the rewrite
//
//  1. inserts a blank line before every line that is immediately followed
//     by a delimiter row, so each table header starts a paragraph, and
//  2. inside a table (after a delimiter row, up to a blank line), inserts
//     a blank line before the first line that contains no '|', which ends
//     the table there.
//
// Line endings (\r\n, \r, \n) become \n; nothing else is changed.
func normalizeMarkdown(data []byte) normalized {
	lines := splitLines(data)
	var (
		n       normalized
		buf     bytes.Buffer
		inFence bool
		fenceCh byte
		fenceN  int
		inTable bool
		prevOut = true // whether the last line written was blank
	)
	emit := func(line string, orig int) {
		buf.WriteString(line)
		buf.WriteByte('\n')
		n.orig = append(n.orig, orig)
		prevOut = isBlank(line)
	}
	for i, line := range lines {
		orig := i + 1
		if inFence {
			if isFenceClose(line, fenceCh, fenceN) {
				inFence = false
			}
			emit(line, orig)
			continue
		}
		if ch, cnt, ok := fenceOpen(line); ok {
			inFence, fenceCh, fenceN = true, ch, cnt
			inTable = false
			emit(line, orig)
			continue
		}
		blank := isBlank(line)
		switch {
		case blank:
			inTable = false
		case i+1 < len(lines) && isDelimRow(lines[i+1]) && indentWidth(line) < 4:
			if !prevOut {
				emit("", orig)
			}
		case inTable && !strings.Contains(line, "|"):
			if !prevOut {
				emit("", orig)
			}
			inTable = false
		}
		if !blank && i > 0 && !isBlank(lines[i-1]) && isDelimRow(line) {
			inTable = true
		}
		emit(line, orig)
	}
	n.src = buf.Bytes()
	n.index = newLineIndex(n.src)
	return n
}

// splitLines splits data into lines ended by "\r\n", "\r" or "\n".
func splitLines(data []byte) []string {
	var lines []string
	start := 0
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '\n':
			lines = append(lines, string(data[start:i]))
			start = i + 1
		case '\r':
			lines = append(lines, string(data[start:i]))
			if i+1 < len(data) && data[i+1] == '\n' {
				i++
			}
			start = i + 1
		}
	}
	if start < len(data) {
		lines = append(lines, string(data[start:]))
	}
	return lines
}

func isBlank(s string) bool {
	return strings.TrimLeft(s, " \t\v\f") == ""
}

// indentWidth returns the indentation of s in columns (tabs to 4).
func indentWidth(s string) int {
	w, _ := util.IndentWidth([]byte(s), 0)
	return w
}

// isDelimRow reports whether line is a GFM table delimiter row, such as
// "|---|:--:|" or "--- | ---", with the rules of goldmark's table
// extension.
func isDelimRow(line string) bool {
	if indentWidth(line) > 3 {
		return false
	}
	allDash := true
	for i := 0; i < len(line); i++ {
		c := line[i]
		if c != '-' {
			allDash = false
		}
		if !(c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == '-' || c == '|' || c == ':') {
			return false
		}
	}
	if allDash {
		return false // a setext heading underline or thematic break
	}
	cols := strings.Split(line, "|")
	if isBlank(cols[0]) {
		cols = cols[1:]
	}
	if len(cols) > 0 && isBlank(cols[len(cols)-1]) {
		cols = cols[:len(cols)-1]
	}
	if len(cols) == 0 {
		return false
	}
	for _, col := range cols {
		col = strings.Trim(col, " \t\v\f")
		col = strings.TrimPrefix(col, ":")
		col = strings.TrimSuffix(col, ":")
		if col == "" || strings.Trim(col, "-") != "" {
			return false
		}
	}
	return true
}

// fenceOpen reports whether line opens a fenced code block, and returns
// the fence character and length.
func fenceOpen(line string) (ch byte, n int, ok bool) {
	if indentWidth(line) > 3 {
		return 0, 0, false
	}
	rest := strings.TrimLeft(line, " ")
	if rest == "" || (rest[0] != '`' && rest[0] != '~') {
		return 0, 0, false
	}
	ch = rest[0]
	for n < len(rest) && rest[n] == ch {
		n++
	}
	if n < 3 || (ch == '`' && strings.IndexByte(rest[n:], '`') >= 0) {
		return 0, 0, false
	}
	return ch, n, true
}

// isFenceClose reports whether line closes a fenced code block opened
// with n characters ch.
func isFenceClose(line string, ch byte, n int) bool {
	if indentWidth(line) > 3 {
		return false
	}
	rest := strings.TrimLeft(line, " ")
	i := 0
	for i < len(rest) && rest[i] == ch {
		i++
	}
	return i >= n && isBlank(rest[i:])
}
