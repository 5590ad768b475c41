package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// baselineModule is a module with three findings: two of the same key (the
// same message in Server.Get) and one in a function literal of List.
var baselineModule = map[string]string{
	"go.mod": "module example.com/bl\n\ngo 1.26\n",
	"api/api.go": `package api

import "net/http"

type Server struct{}

func (s *Server) Get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("a") == "" {
		http.Error(w, "missing a", http.StatusBadRequest)
		return
	}
	http.Error(w, "missing b", http.StatusBadRequest)
}

func List(w http.ResponseWriter, r *http.Request) {
	fail := func() { http.Error(w, "broken", http.StatusInternalServerError) }
	fail()
}
`,
	"api/api_test.go": "package api\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n",
}

// baselineEdited is api.go after edits that move every line and reorder
// the functions (the baseline still holds all three findings), plus a
// third http.Error in Server.Get (a new finding) and List removed (its
// entry no longer occurs).
const baselineEdited = `package api

// A comment that moves every line down.

import (
	"fmt"
	"net/http"
)

// Hello is new, and clean.
func Hello(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "hello") }

type Server struct{}

func (s *Server) Get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("a") == "" {
		http.Error(w, "missing a", http.StatusBadRequest)
		return
	}
	if r.URL.Query().Get("b") == "" {
		http.Error(w, "missing b", http.StatusBadRequest)
		return
	}
	http.Error(w, "missing c", http.StatusBadRequest)
}
`

// TestBaseline: -write-baseline records the findings and exits 0; with
// -baseline, or baseline: in .apierrlint.yml (relative to the file), only
// findings not recorded are reported, after lines moved and unrelated
// edits; the summary says how many the baseline hid and how many of its
// findings no longer occur; the file is stable, sorted, indented JSON.
func TestBaseline(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, baselineModule)
	all, _, code := runSplit(t, dir, bin, "./...")
	if code != 3 || len(lines(all)) != 3 {
		t.Fatalf("without a baseline: exit %d, want 3 findings:\n%s", code, all)
	}

	out, errOut, code := runSplit(t, dir, bin, "-write-baseline=baseline.json", "./...")
	if code != 0 || out != "" || strings.TrimSpace(errOut) != "wrote 3 findings to the baseline baseline.json" {
		t.Fatalf("-write-baseline: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	written := readFile(t, filepath.Join(dir, "baseline.json"))
	var file struct {
		Version  int
		Findings []map[string]any
	}
	if err := json.Unmarshal([]byte(written), &file); err != nil || file.Version != 1 || len(file.Findings) != 2 {
		t.Fatalf("baseline.json (%v): want version 1 and two entries (one with count 2):\n%s", err, written)
	}
	for _, want := range []string{
		`"file": "example.com/bl/api/api.go"`, `"function": "List.func1"`, `"function": "Server.Get"`, `"count": 2`,
		`"message": "raw-http-error: http.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST (from the embedded default catalog)"`,
	} {
		if !strings.Contains(written, want) {
			t.Errorf("baseline.json lacks %s:\n%s", want, written)
		}
	}
	if strings.Index(written, `"List.func1"`) > strings.Index(written, `"Server.Get"`) || !strings.Contains(written, "\n  \"findings\": [\n    {\n") {
		t.Errorf("baseline.json is not sorted by function or not indented:\n%s", written)
	}
	if regexp.MustCompile(`"line"|api\.go:\d`).MatchString(written) {
		t.Errorf("baseline.json holds line numbers:\n%s", written)
	}

	out, errOut, code = runSplit(t, dir, bin, "-baseline=baseline.json", "./...")
	if code != 0 || out != "" || strings.TrimSpace(errOut) != "no findings; the baseline baseline.json hid 3 findings" {
		t.Errorf("-baseline, nothing changed: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// Lines moved, functions reordered, one finding more, one gone.
	writeFile(t, filepath.Join(dir, "api", "api.go"), baselineEdited)
	out, errOut, code = runSplit(t, dir, bin, "-baseline=baseline.json", "./...")
	wantNew := "api/api.go:24:2: raw-http-error: http.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST (from the embedded default catalog)"
	wantSummary := "1 finding: raw-http-error 1; the baseline baseline.json hid 2 findings; 1 of its findings no longer occurs (apierrlint -write-baseline=baseline.json drops them)"
	if code != 3 || strings.TrimSpace(out) != wantNew || strings.TrimSpace(errOut) != wantSummary {
		t.Errorf("-baseline after the edit: exit %d\nstdout %q\nwant   %q\nstderr %q\nwant   %q", code, out, wantNew, errOut, wantSummary)
	}

	// The same through .apierrlint.yml, from the module root and from the
	// package's directory (the path is relative to the file).
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "baseline: baseline.json\n")
	for _, c := range []struct{ dir, pattern, want string }{
		{dir, "./...", wantNew},
		{filepath.Join(dir, "api"), ".", strings.TrimPrefix(wantNew, "api/")},
	} {
		out, _, code = runSplit(t, c.dir, bin, c.pattern)
		if code != 3 || strings.TrimSpace(out) != c.want {
			t.Errorf("baseline: in .apierrlint.yml, apierrlint %s in %s: exit %d, stdout:\n%s", c.pattern, c.dir, code, out)
		}
	}

	// -config names another file, whose relative baseline path is
	// relative to it.
	writeFile(t, filepath.Join(dir, "ci", "lint.yml"), "baseline: ../baseline.json\n")
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "disable: [raw-http-error]\n")
	out, _, code = runSplit(t, dir, bin, "-config=ci/lint.yml", "./...")
	if code != 3 || strings.TrimSpace(out) != wantNew {
		t.Errorf("-config=ci/lint.yml: exit %d, stdout:\n%s", code, out)
	}
	os.Remove(filepath.Join(dir, ".apierrlint.yml"))

	// Written again after the edits that only moved lines: the same file.
	writeFiles(t, dir, map[string]string{"api/api.go": strings.Replace(baselineEdited, "\tif r.URL.Query().Get(\"b\") == \"\" {\n\t\thttp.Error(w, \"missing b\", http.StatusBadRequest)\n\t\treturn\n\t}\n", "", 1) +
		"\nfunc List(w http.ResponseWriter, r *http.Request) {\n\tfail := func() { http.Error(w, \"broken\", http.StatusInternalServerError) }\n\tfail()\n}\n"})
	if _, errOut, code := runSplit(t, dir, bin, "-write-baseline=again.json", "./..."); code != 0 {
		t.Fatalf("-write-baseline again: exit %d\n%s", code, errOut)
	}
	if again := readFile(t, filepath.Join(dir, "again.json")); again != written {
		t.Errorf("the baseline of the same findings, lines moved, differs:\n%s\nwant\n%s", again, written)
	}
}

// TestBaselineDrivers: the command, go vet and the language server hide the
// same findings with the same baseline (each computes fingerprints through
// the analyzer), after the edits that moved lines.
func TestBaselineDrivers(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, baselineModule)
	if _, errOut, code := runSplit(t, dir, bin, "-write-baseline=.apierrlint-baseline.json", "./..."); code != 0 {
		t.Fatalf("-write-baseline: exit %d\n%s", code, errOut)
	}
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "baseline: .apierrlint-baseline.json\n")
	writeFile(t, filepath.Join(dir, "api", "api.go"), baselineEdited)

	out, _, code := runSplit(t, dir, bin, "./...")
	want := findings(dir, out)
	if code != 3 || len(want) != 1 {
		t.Fatalf("command: exit %d, want the one new finding:\n%s", code, out)
	}
	vet, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Errorf("go vet: exit 0, want the new finding")
	}
	diff(t, findings(dir, vet), want)

	c := startLSP(t, dir)
	defer func() {
		// go vet's cache sees an edit of the baseline that
		// .apierrlint.yml names (its -V=full stamp hashes it): with the
		// new finding recorded too, go vet reports nothing, not its
		// cached finding.
		writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "baseline: .apierrlint-baseline.json\n")
		if _, errOut, code := runSplit(t, dir, bin, "-write-baseline=.apierrlint-baseline.json", "./..."); code != 0 {
			t.Fatalf("-write-baseline: exit %d\n%s", code, errOut)
		}
		if vet, code := run(t, dir, "go", "vet", "-vettool="+bin, "./..."); code != 0 || len(findings(dir, vet)) != 0 {
			t.Errorf("go vet after the baseline changed: exit %d\n%s", code, vet)
		}
	}()
	path := filepath.Join(dir, "api", "api.go")
	d := c.open(path, baselineEdited)
	got := lspFindings(dir, c.waitDiags(d.uri, 1))
	diff(t, got, want)
	// Without the baseline, the editor shows all three.
	os.Remove(filepath.Join(dir, ".apierrlint.yml"))
	yml := filepath.Join(dir, ".apierrlint.yml")
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(yml), "type": 3}}})
	all := lspFindings(dir, c.waitDiagsFunc(d.uri, func(p publishedDiags) bool { return len(p.Diagnostics) == 3 }))
	if !slices.Contains(all, want[0]) {
		t.Errorf("without the baseline: %q", all)
	}
	c.shutdown()
}

// TestBaselineErrors: a baseline that is missing or broken is a short error
// that names the file (and the setting's line in .apierrlint.yml), before
// anything is loaded.
func TestBaselineErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, baselineModule)
	writeFile(t, filepath.Join(dir, "broken.json"), "{\n  \"version\": 1,\n  \"findings\": [\n    {\"rule\": \"raw-http-error\",}\n  ]\n}\n")
	writeFile(t, filepath.Join(dir, "old.json"), `{"version": 2, "findings": []}`)
	for _, c := range []struct {
		args  []string
		yml   string
		first string
	}{
		{[]string{"-baseline=nowhere.json"}, "", "apierrlint: nowhere.json: no such file in " + dir + " or any of its parent directories"},
		{[]string{"-baseline=broken.json"}, "", "apierrlint: broken.json:4: not a baseline file: invalid character '}'"},
		{[]string{"-baseline=old.json"}, "", "apierrlint: old.json: baseline version 2, want 1"},
		{nil, "tests: true\nbaseline: nowhere.json\n", "apierrlint: .apierrlint.yml:2: baseline: nowhere.json: no such file or directory (a relative path is relative to .)"},
	} {
		os.Remove(filepath.Join(dir, ".apierrlint.yml"))
		if c.yml != "" {
			writeFile(t, filepath.Join(dir, ".apierrlint.yml"), c.yml)
		}
		out, errOut, code := runSplit(t, dir, bin, append(c.args, "./...")...)
		if code != 2 || out != "" || !strings.HasPrefix(errOut, c.first) || len(lines(errOut)) > 5 {
			t.Errorf("%q %q: exit %d, stderr:\n%s\nwant exit 2 and a short error starting %q", c.args, c.yml, code, errOut, c.first)
		}
	}
}
