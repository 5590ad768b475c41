package standalone

import (
	"bytes"
	"go/token"
	"testing"

	"github.com/apierrlint/apierrlint/internal/driver"
)

// TestGitHubEscapes: a workflow command ends at a newline, and its
// properties at a comma or colon; GitHub's escapes keep them in.
func TestGitHubEscapes(t *testing.T) {
	o := &output{root: "/r", findings: []driver.Finding{{
		Posn:     token.Position{Filename: "/r/a,b:c.go", Line: 3, Column: 4},
		End:      token.Position{Filename: "/r/a,b:c.go", Line: 5, Column: 1},
		Category: "raw-http-error",
		Message:  "raw-http-error: 100% wrong,\r\nsee: here",
	}}}
	var b bytes.Buffer
	o.github(&b)
	want := "::warning file=a%2Cb%3Ac.go,line=3,col=4,endLine=5,endColumn=1,title=raw-http-error::raw-http-error: 100%25 wrong,%0D%0Asee: here\n"
	if b.String() != want {
		t.Errorf("got  %q\nwant %q", b.String(), want)
	}
}

func TestPathPattern(t *testing.T) {
	for _, c := range []struct {
		arg, dir, rest string
		ok             bool
	}{
		{"./...", ".", "...", true},
		{"./svc/...", "./svc", "...", true},
		{"../other", "../other", "", true},
		{".", ".", "", true},
		{"/abs/x/...", "/abs/x", "...", true},
		{"example.com/x/...", "", "", false},
		{"std", "", "", false},
		{"./a/.../b", "", "", false},
	} {
		dir, rest, ok := pathPattern(c.arg)
		if dir != c.dir || rest != c.rest || ok != c.ok {
			t.Errorf("pathPattern(%q) = %q, %q, %v; want %q, %q, %v", c.arg, dir, rest, ok, c.dir, c.rest, c.ok)
		}
	}
}
