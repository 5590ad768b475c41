package lsp

import (
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"go.lsp.dev/protocol"
)

// mapper converts between byte offsets in a file's content and LSP
// positions, whose character offsets count UTF-16 code units (the only
// encoding that every client supports, and the one this server announces).
type mapper struct {
	content string
	lines   []int // byte offset of the start of each line
}

func newMapper(content string) *mapper {
	lines := []int{0}
	for i := 0; i < len(content); i++ {
		if content[i] == '\n' {
			lines = append(lines, i+1)
		}
	}
	return &mapper{content: content, lines: lines}
}

// position returns the LSP position of a byte offset (clamped to the
// content).
func (m *mapper) position(offset int) protocol.Position {
	offset = max(0, min(offset, len(m.content)))
	line := sort.Search(len(m.lines), func(i int) bool { return m.lines[i] > offset }) - 1
	return protocol.Position{Line: uint32(line), Character: uint32(utf16Len(m.content[m.lines[line]:offset]))}
}

// offset returns the byte offset of an LSP position. A character past the end
// of its line means the end of the line (as the specification asks); a line
// past the end of the content is an error.
func (m *mapper) offset(p protocol.Position) (int, error) {
	if int(p.Line) >= len(m.lines) {
		if int(p.Line) == len(m.lines) && p.Character == 0 {
			return len(m.content), nil // the position just after a final newline
		}
		return 0, fmt.Errorf("line %d is past the end of the document (%d lines)", p.Line+1, len(m.lines))
	}
	start := m.lines[p.Line]
	end := len(m.content)
	if int(p.Line)+1 < len(m.lines) {
		end = m.lines[p.Line+1] - 1 // the newline
		if end > start && m.content[end-1] == '\r' {
			end--
		}
	}
	units := int(p.Character)
	i := start
	for i < end && units > 0 {
		r, size := utf8.DecodeRuneInString(m.content[i:end])
		n := 1
		if r >= 0x10000 {
			n = 2
		}
		if n > units {
			break // inside a surrogate pair: stay before the rune
		}
		units -= n
		i += size
	}
	return i, nil
}

// rng returns the LSP range of the byte offsets [start, end).
func (m *mapper) rng(start, end int) protocol.Range {
	if end < start {
		end = start
	}
	return protocol.Range{Start: m.position(start), End: m.position(end)}
}

// utf16Len returns the number of UTF-16 code units of s (an invalid byte
// counts as one, like the U+FFFD it decodes to).
func utf16Len(s string) int {
	n := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			n++
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x10000 {
			n += 2
		} else {
			n++
		}
		i += size
	}
	return n
}

// applyChanges applies the content changes of a didChange notification, in
// order, to text.
func applyChanges(text string, changes []protocol.TextDocumentContentChangeEvent) (string, error) {
	for _, c := range changes {
		switch c := c.(type) {
		case *protocol.TextDocumentContentChangeWholeDocument:
			text = c.Text
		case *protocol.TextDocumentContentChangePartial:
			m := newMapper(text)
			start, err := m.offset(c.Range.Start)
			if err != nil {
				return "", err
			}
			end, err := m.offset(c.Range.End)
			if err != nil {
				return "", err
			}
			if end < start {
				return "", fmt.Errorf("change range ends before it starts")
			}
			var b strings.Builder
			b.Grow(len(text) - (end - start) + len(c.Text))
			b.WriteString(text[:start])
			b.WriteString(c.Text)
			b.WriteString(text[end:])
			text = b.String()
		default:
			return "", fmt.Errorf("unexpected content change %T", c)
		}
	}
	return text, nil
}

// before reports whether position a comes before b.
func before(a, b protocol.Position) bool {
	return a.Line < b.Line || (a.Line == b.Line && a.Character < b.Character)
}

// overlaps reports whether two ranges share a position (touching counts, so
// that a cursor at either end of a diagnostic finds it).
func overlaps(a, b protocol.Range) bool {
	return !before(a.End, b.Start) && !before(b.End, a.Start)
}
