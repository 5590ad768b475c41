package lsp

import (
	"testing"

	"go.lsp.dev/protocol"
)

func pos(line, char uint32) protocol.Position { return protocol.Position{Line: line, Character: char} }

func TestMapper(t *testing.T) {
	text := "ab\né😀x\r\n\nlast"
	m := newMapper(text)
	for _, c := range []struct {
		offset int
		pos    protocol.Position
	}{
		{0, pos(0, 0)},
		{2, pos(0, 2)},  // before the newline
		{3, pos(1, 0)},  // é
		{5, pos(1, 1)},  // 😀: é is one UTF-16 unit
		{9, pos(1, 3)},  // x: 😀 is two
		{10, pos(1, 4)}, // \r
		{12, pos(2, 0)},
		{13, pos(3, 0)},
		{17, pos(3, 4)}, // the end
	} {
		if got := m.position(c.offset); got != c.pos {
			t.Errorf("position(%d) = %v, want %v", c.offset, got, c.pos)
		}
		if got, err := m.offset(c.pos); err != nil || got != c.offset {
			t.Errorf("offset(%v) = %d, %v, want %d", c.pos, got, err, c.offset)
		}
	}
	// Past the end of a line: the end of the line (before \r\n).
	if got, _ := m.offset(pos(1, 100)); got != 10 {
		t.Errorf("offset past the end of line 2 = %d, want 10", got)
	}
	// Inside a surrogate pair: before the rune.
	if got, _ := m.offset(pos(1, 2)); got != 5 {
		t.Errorf("offset inside 😀 = %d, want 5", got)
	}
	if _, err := m.offset(pos(10, 0)); err == nil {
		t.Errorf("offset past the last line: no error")
	}
}

func TestApplyChanges(t *testing.T) {
	text := "package p\n\n// é😀\nfunc f() {}\n"
	got, err := applyChanges(text, []protocol.TextDocumentContentChangeEvent{
		// After the emoji on line 3: 3 + 1 + 2 units.
		&protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos(2, 6), End: pos(2, 6)}, Text: " ü"},
		// Replace "f" (applies to the result of the first change).
		&protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos(3, 5), End: pos(3, 6)}, Text: "g"},
		// Insert at the very end.
		&protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos(4, 0), End: pos(4, 0)}, Text: "var x int\n"},
	})
	want := "package p\n\n// é😀 ü\nfunc g() {}\nvar x int\n"
	if err != nil || got != want {
		t.Errorf("applyChanges = %q, %v; want %q", got, err, want)
	}
	got, err = applyChanges(text, []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangeWholeDocument{Text: "package q\n"},
	})
	if err != nil || got != "package q\n" {
		t.Errorf("whole document: %q, %v", got, err)
	}
	if _, err := applyChanges(text, []protocol.TextDocumentContentChangeEvent{
		&protocol.TextDocumentContentChangePartial{Range: protocol.Range{Start: pos(3, 0), End: pos(2, 0)}, Text: ""},
	}); err == nil {
		t.Errorf("reversed range: no error")
	}
}

func TestParseHeader(t *testing.T) {
	h := parseHeader("a.go", "//go:build linux\n\n// Package p.\npackage p\n\nimport (\n\t\"b\"\n\tx \"a\"\n)\n\nfunc f() { syntax error here")
	if !h.ok || h.name != "p" || h.build != "//go:build linux\n" || h.imports != "a,b" {
		t.Errorf("header: %+v", h)
	}
	if h := parseHeader("a.go", "package p\n\nimport \"net/ht"); h.ok {
		t.Errorf("incomplete import parsed ok: %+v", h)
	}
}
