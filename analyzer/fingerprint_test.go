package analyzer

import (
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestEnclosingFunc: the function part of a finding's fingerprint, for
// each place a finding can be: the marker /*HERE:name*/ says what it
// must be.
func TestEnclosingFunc(t *testing.T) {
	src := `package p

// /*HERE:Doc*/ a directive in the doc comment belongs to the function.
func Doc() {}

func Plain() { _ = 1 /*HERE:Plain*/ }

func (s *Server) Ptr() { _ = 1 /*HERE:Server.Ptr*/ }

func (s Server) Value() { _ = 1 /*HERE:Server.Value*/ }

func (l *List[T]) Generic() { _ = 1 /*HERE:List.Generic*/ }

func (m Map[K, V]) Generic2() { _ = 1 /*HERE:Map.Generic2*/ }

func Lits() {
	a := func() { _ = 1 /*HERE:Lits.func1*/ }
	b := func() {
		c := func() { _ = 1 /*HERE:Lits.func2.func1*/ }
		d := func() { _ = 1 /*HERE:Lits.func2.func2*/ }
		_, _ = c, d
	}
	go func() { _ = 1 /*HERE:Lits.func3*/ }()
	_, _ = a, b /*HERE:Lits*/
}

var handler = func() { _ = 1 /*HERE:handler.func1*/ }

var x, y = 1 /*HERE:x,y*/ + 0, 2

/*HERE:*/
`
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "p.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cg := range f.Comments {
		for _, c := range cg.List {
			i := strings.Index(c.Text, "/*HERE:")
			if i < 0 {
				continue
			}
			n++
			want := strings.TrimSuffix(c.Text[i+len("/*HERE:"):], "*/")
			want, _, _ = strings.Cut(want, "*/")
			if got := enclosingFunc(f, c.Pos()); got != want {
				t.Errorf("%s: enclosingFunc = %q, want %q", fset.Position(c.Pos()), got, want)
			}
		}
	}
	if n != 14 {
		t.Errorf("%d markers checked, want 14", n)
	}
}

// TestPositionsInMessages: a position in a message does not make the
// fingerprint depend on a line number.
func TestPositionsInMessages(t *testing.T) {
	for in, want := range map[string]string{
		"x: declared at api/users.go:12:3; see b.go:7": "x: declared at api/users.go; see b.go",
		"status-mismatch: NOT_FOUND is 404, sent 500":  "status-mismatch: NOT_FOUND is 404, sent 500",
	} {
		if got := positions.ReplaceAllString(in, "$1"); got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}

// TestConfigNotesInMessages: the parts of a message that say why a fix is
// missing or where the error writer is (they depend on error-writer and
// default-codes) are not part of its fingerprint: a baseline written
// before those settings still holds the finding.
func TestConfigNotesInMessages(t *testing.T) {
	for _, c := range []struct{ msg, want string }{
		{`raw-http-error: http.Error sends a plain-text body; send a JSON error body {"code", "message", ...} (no fix: 500 has 2 codes; set default-codes)`,
			`raw-http-error: http.Error sends a plain-text body; send a JSON error body {"code", "message", ...}`},
		{`error-body-shape: E encodes as {"error"}: no "code" and no "message" key; send {"code", "message"}; or send these errors with the error writer example.com/app/apierr.Write (-fix rewrites literal bodies, not a named type)`,
			`error-body-shape: E encodes as {"error"}: no "code" and no "message" key; send {"code", "message"}`},
		{`raw-http-error: a message (no fix: but not ours)`, `raw-http-error: a message (no fix: but not ours)`},
	} {
		if got := configNotes.ReplaceAllString(c.msg, ""); got != c.want {
			t.Errorf("%q\n -> %q\nwant %q", c.msg, got, c.want)
		}
	}
}
