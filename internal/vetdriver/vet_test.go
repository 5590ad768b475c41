package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/analyzer"
)

func TestUnifiedDiff(t *testing.T) {
	before := "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n"
	after := "a\nb\nc\nD\ne\nf\ng\nh\ni\nj\nk\n"
	want := `--- x (old)
+++ x (new)
@@ -1,10 +1,11 @@
 a
 b
 c
-d
+D
 e
 f
 g
 h
 i
 j
+k
`
	if got := unifiedDiff("x (old)", "x (new)", before, after); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := unifiedDiff("x", "x", before, before); got != "" {
		t.Errorf("equal texts: got %q, want none", got)
	}
	if got := unifiedDiff("x", "y", "a\n", "a"); !strings.Contains(got, "\\ No newline at end of file") {
		t.Errorf("missing final newline not marked:\n%s", got)
	}
}

// TestUnifiedDiffApplies: the hunks of random edits, applied to the old
// text, give the new one.
func TestUnifiedDiffApplies(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 500 {
		var a []string
		for range r.IntN(40) {
			a = append(a, strconv.Itoa(r.IntN(8))+"\n")
		}
		b := append([]string(nil), a...)
		for range r.IntN(6) {
			switch pos := r.IntN(len(b) + 1); {
			case r.IntN(2) == 0 || pos == len(b):
				b = append(b[:pos], append([]string{"new" + strconv.Itoa(r.IntN(3)) + "\n"}, b[pos:]...)...)
			default:
				b = append(b[:pos], b[pos+1:]...)
			}
		}
		before, after := strings.Join(a, ""), strings.Join(b, "")
		d := unifiedDiff("old", "new", before, after)
		got, err := applyUnified(before, d)
		if err != nil || got != after {
			t.Fatalf("case %d: %v\nbefore:\n%s\nafter:\n%s\ndiff:\n%s\napplied:\n%s", i, err, before, after, d, got)
		}
	}
}

// applyUnified applies a unified diff (of whole lines, with final newlines).
func applyUnified(text, diff string) (string, error) {
	old := splitLines(text)
	var out []string
	next := 0 // next old line to copy
	lines := splitLines(diff)
	if len(lines) == 0 {
		return text, nil
	}
	for _, l := range lines[2:] {
		switch {
		case strings.HasPrefix(l, "@@"):
			var from, n int
			spec := strings.Fields(l)[1][1:]
			if i := strings.Index(spec, ","); i >= 0 {
				from, _ = strconv.Atoi(spec[:i])
				n, _ = strconv.Atoi(spec[i+1:])
			} else {
				from, _ = strconv.Atoi(spec)
				n = 1
			}
			start := from - 1
			if n == 0 {
				start = from
			}
			if start < next {
				return "", fmt.Errorf("hunk %q goes back", l)
			}
			out = append(out, old[next:start]...)
			next = start
		case l[0] == ' ' || l[0] == '-':
			if next >= len(old) || old[next] != l[1:] {
				return "", fmt.Errorf("line %q does not match old line %d", l, next+1)
			}
			if l[0] == ' ' {
				out = append(out, l[1:])
			}
			next++
		case l[0] == '+':
			out = append(out, l[1:])
		default:
			return "", fmt.Errorf("bad line %q", l)
		}
	}
	return strings.Join(append(out, old[next:]...), ""), nil
}

func TestFactFiles(t *testing.T) {
	dir := t.TempDir()
	a, _ := analyzer.NewWithFlags()
	registerFacts(a)
	h := &analyzer.HelperFact{Status: 1, Code: 2, Body: -1, HeaderKey: -1, Writes: true}
	files := map[string]string{}
	for i, recs := range [][]factRecord{
		{{Pkg: "example.com/a", Obj: "Write", Fact: h}, {Pkg: "example.com/a", Fact: new(analyzer.PackageFact)}},
		{{Pkg: "example.com/a", Obj: "Write", Fact: h}, {Pkg: "example.com/b", Obj: "T", Fact: &analyzer.ErrorTypeFact{StatusField: "Status"}}},
		nil,
	} {
		name := filepath.Join(dir, strconv.Itoa(i)+".vetx")
		if err := writeFactFile(name, recs); err != nil {
			t.Fatal(err)
		}
		files["p"+strconv.Itoa(i)] = name
	}
	got, err := readFactFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, r := range got {
		keys = append(keys, fmt.Sprintf("%s.%s %v", r.Pkg, r.Obj, r.Fact))
	}
	want := []string{
		"example.com/a.Write helper(status=1 code=2 writes)",
		"example.com/a. holds error helpers or types",
		"example.com/b.T errortype(status=Status)",
	}
	if strings.Join(keys, "\n") != strings.Join(want, "\n") {
		t.Errorf("merged facts:\n%s\nwant:\n%s", strings.Join(keys, "\n"), strings.Join(want, "\n"))
	}

	// A facts file of another vet tool (unitchecker's "vetx" format) is an
	// error that names it, not a silent "no facts".
	foreign := filepath.Join(dir, "foreign.vetx")
	os.WriteFile(foreign, []byte("vetx\x00\x00\x00\x00\x00\x00\x00\x00"), 0o644)
	if _, err := readFactFiles(map[string]string{"q": foreign}); err == nil || !strings.Contains(err.Error(), foreign) {
		t.Errorf("foreign facts file: err = %v, want one naming %s", err, foreign)
	}
}

// TestParseVet: go vet's invocations (flags, then one .cfg file) go to the
// go vet driver; the rest of the protocol (-V=full, -flags) and everything
// else do not.
func TestParseVet(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
		want vetFlags
	}{
		{[]string{"/tmp/b001/vet.cfg"}, true, vetFlags{context: -1}},
		{[]string{"-json", "-retry-after-value=120", "vet.cfg"}, true, vetFlags{json: true, context: -1}},
		{[]string{"-fix", "-diff", "-c=2", "vet.cfg"}, true, vetFlags{fix: true, diff: true, context: 2}},
		{[]string{"-V=full"}, false, vetFlags{}},
		{[]string{"-flags"}, false, vetFlags{}},
		{[]string{"./..."}, false, vetFlags{}},
		{[]string{"-json", "./..."}, false, vetFlags{}},
		{[]string{"a.cfg", "b.cfg"}, false, vetFlags{}},
		{[]string{"-no-such-flag", "vet.cfg"}, false, vetFlags{}},
	} {
		a, _ := analyzer.NewWithFlags()
		fl, cfg, ok := parseVet(a, c.args)
		if ok != c.ok || ok && (fl != c.want || !strings.HasSuffix(cfg, ".cfg")) {
			t.Errorf("parseVet(%q) = %+v, %q, %v; want %+v, %v", c.args, fl, cfg, ok, c.want, c.ok)
		}
	}
}
