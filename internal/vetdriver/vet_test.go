package vetdriver

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/analyzer"
)

func TestFactFiles(t *testing.T) {
	dir := t.TempDir()
	a, _ := analyzer.NewWithFlags()
	registerFacts(a)
	h := &analyzer.HelperFact{Status: 1, Code: 2, Body: -1, HeaderKey: -1, HeaderValue: -1, RetryAfterValue: -1, Text: -1, Writes: true}
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

// TestIsVet: go vet's invocations (flags, then one .cfg file) go to the go
// vet driver; the rest of the protocol (-V=full, -flags) and everything
// else do not.
func TestIsVet(t *testing.T) {
	for _, c := range []struct {
		args []string
		ok   bool
	}{
		{[]string{"/tmp/b001/vet.cfg"}, true},
		{[]string{"-json", "-retry-after-value=120", "vet.cfg"}, true},
		{[]string{"-fix", "-diff", "-c=2", "vet.cfg"}, true},
		{[]string{"-no-such-flag", "vet.cfg"}, true}, // the driver reports the flag
		{[]string{"-V=full"}, false},
		{[]string{"-flags"}, false},
		{[]string{"./..."}, false},
		{[]string{"-json", "./..."}, false},
		{nil, false},
	} {
		if got := IsVet(c.args); got != c.ok {
			t.Errorf("IsVet(%q) = %v, want %v", c.args, got, c.ok)
		}
	}
}

// TestConfigErrorOnce: in a go vet work directory, a broken configuration is
// reported by the first package's process only; the others exit 0 quietly.
// Elsewhere it is always reported.
func TestConfigErrorOnce(t *testing.T) {
	work := filepath.Join(t.TempDir(), "go-build123")
	for _, d := range []string{"b001", "b002"} {
		if err := os.MkdirAll(filepath.Join(work, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	stderr := os.Stderr
	defer func() { os.Stderr = stderr }()
	r, w, _ := os.Pipe()
	os.Stderr = w
	first := configError(filepath.Join(work, "b001", "vet.cfg"), "apierrlint: broken\n")
	second := configError(filepath.Join(work, "b002", "vet.cfg"), "apierrlint: broken\n")
	elsewhere := configError(filepath.Join(t.TempDir(), "b001", "vet.cfg"), "apierrlint: broken\n")
	w.Close()
	out, _ := io.ReadAll(r)
	if first != 1 || second != 0 || elsewhere != 1 {
		t.Errorf("exit codes %d, %d, %d; want 1, 0, 1", first, second, elsewhere)
	}
	if n := strings.Count(string(out), "broken"); n != 2 {
		t.Errorf("reported %d times, want 2 (once in the work directory, once elsewhere):\n%s", n, out)
	}
}
