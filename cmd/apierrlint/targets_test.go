package main_test

import (
	"path/filepath"
	"strings"
	"testing"
)

// twoModules is a repository root (not a module) with two modules, m1
// (two packages, two files in api) and m2, and a Go file outside any
// module.
var twoModules = map[string]string{
	"m1/go.mod":       "module example.com/m1\n\ngo 1.26\n",
	"m1/api/a.go":     "package api\n\nimport \"net/http\"\n\nfunc A(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"m1/api/b.go":     "package api\n\nimport \"net/http\"\n\nfunc B(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"m1/other/o.go":   "package other\n\nimport \"net/http\"\n\nfunc O(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"m2/go.mod":       "module example.com/m2\n\ngo 1.26\n",
	"m2/svc/s.go":     "package svc\n\nimport \"net/http\"\n\nfunc S(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"m2/svc/s_ok.go":  "package svc\n\nimport \"net/http\"\n\nfunc T(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"loose/loose.go":  "package loose\n",
	"m1/api/clean.go": "package api\n",
	// Left out of every build, and of ./...: files that a pre-commit hook
	// passes all the same.
	"m1/api/tools.go":      "//go:build ignore\n\npackage main\n\nimport \"net/http\"\n\nfunc A(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
	"m1/api/testdata/x.go": "package x\n\nimport \"net/http\"\n\nfunc A(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
}

const notFound = ":5:50: raw-http-error: http.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND (from the embedded default catalog)"

// TestFileArguments: apierrlint FILE... analyzes the packages that hold the
// files and reports the findings in those files only, for files of several
// packages and modules in one run (as a pre-commit hook passes them); a
// file outside any module is a one-line error.
func TestFileArguments(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, twoModules)
	for _, c := range []struct {
		dir  string
		args []string
		want []string
	}{
		// One file of a package: not its sibling's finding.
		{"m1", []string{"api/a.go"}, []string{"api/a.go" + notFound}},
		{"m1/api", []string{"a.go", "clean.go"}, []string{"a.go" + notFound}},
		// Two packages of a module, and two modules, from the root of neither.
		{"", []string{"m1/api/b.go", "m1/other/o.go", "m2/svc/s.go"}, []string{"m1/api/b.go" + notFound, "m1/other/o.go" + notFound, "m2/svc/s.go" + notFound}},
		// A file and a pattern of another module.
		// (A file outside the working directory is named by its absolute
		// path, as go build names it.)
		{"m1", []string{"api/a.go", "../m2/..."}, []string{"api/a.go" + notFound, filepath.Join(root, "m2/svc/s.go") + notFound, filepath.Join(root, "m2/svc/s_ok.go") + notFound}},
		// A clean file: nothing, exit 0.
		{"m1", []string{"api/clean.go"}, nil},
		// Files that no build holds, and fixtures in testdata: not
		// checked, as ./... does not check them.
		{"m1", []string{"api/tools.go", "api/testdata/x.go"}, nil},
	} {
		dir := filepath.Join(root, c.dir)
		out, errOut, code := runSplit(t, dir, bin, c.args...)
		wantCode := 3
		if c.want == nil {
			wantCode = 0
		}
		if got := lines(out); code != wantCode || strings.Join(got, "\n") != strings.Join(c.want, "\n") {
			t.Errorf("apierrlint %s in %s: exit %d, stdout:\n%s\nwant exit %d and\n%s\nstderr: %s", strings.Join(c.args, " "), c.dir, code, out, wantCode, strings.Join(c.want, "\n"), errOut)
		}
	}

	// Outside a module: one line.
	out, errOut, code := runSplit(t, root, bin, "m1/api/a.go", "loose/loose.go")
	want := "apierrlint: loose/loose.go is not in a Go module: no go.mod in its directory or any parent; run apierrlint on the files of one module\n"
	if code != 1 || out != "" || errOut != want {
		t.Errorf("a file outside a module: exit %d, stdout %q, stderr %q\nwant exit 1 and %q", code, out, errOut, want)
	}
}

// TestWorkspaces: with a go.work, ./... covers its modules; without one,
// ./... at a root with nested modules says in one line which it skips and
// how to include them, and naming them includes them.
func TestWorkspaces(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, twoModules)
	writeFiles(t, root, map[string]string{
		"go.mod":      "module example.com/root\n\ngo 1.26\n",
		"root.go":     "package root\n\nimport \"net/http\"\n\nfunc R(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n",
		"_old/go.mod": "module example.com/old\n\ngo 1.26\n", // skipped by ./... like the go command skips it
	})
	all := []string{"m1/api/a.go" + notFound, "m1/api/b.go" + notFound, "m1/other/o.go" + notFound, "m2/svc/s.go" + notFound, "m2/svc/s_ok.go" + notFound, "root.go" + notFound}

	// No go.work: the root module only, and the note.
	out, errOut, code := runSplit(t, root, bin, "./...")
	note := "apierrlint: ./... skips the nested modules m1, m2 (each has a go.mod of its own): include them with a go.work (go work init . ./m1 ./m2), or name them: apierrlint ./... ./m1/... ./m2/..."
	if code != 3 || strings.TrimSpace(out) != "root.go"+notFound || lines(errOut)[0] != note {
		t.Errorf("no go.work: exit %d, stdout:\n%sstderr:\n%swant the note\n%s", code, out, errOut, note)
	}
	// Named, they are included, and nothing is skipped.
	out, errOut, _ = runSplit(t, root, bin, "./...", "./m1/...", "./m2/...")
	if strings.Join(lines(out), "\n") != strings.Join(all, "\n") || strings.Contains(errOut, "skips") {
		t.Errorf("./... ./m1/... ./m2/...: stdout:\n%sstderr:\n%s", out, errOut)
	}

	// A go.work with m1: m1 covered, m2 named.
	writeFile(t, filepath.Join(root, "go.work"), "go 1.26\n\nuse (\n\t.\n\t./m1\n)\n")
	out, errOut, _ = runSplit(t, root, bin, "./...")
	note = "apierrlint: ./... skips the nested module m2 (each has a go.mod of its own): include them with a go.work (go work use ./m2), or name them: apierrlint ./... ./m2/..."
	if got := lines(out); len(got) != 4 || !strings.HasPrefix(got[0], "m1/api/a.go") || lines(errOut)[0] != note {
		t.Errorf("go.work with m1: stdout:\n%sstderr:\n%swant m1's findings and root's, and the note\n%s", out, errOut, note)
	}
	// A go.work with both: ./... covers all, no note.
	writeFile(t, filepath.Join(root, "go.work"), "go 1.26\n\nuse (\n\t.\n\t./m1\n\t./m2\n)\n")
	out, errOut, code = runSplit(t, root, bin, "./...")
	if code != 3 || strings.Join(lines(out), "\n") != strings.Join(all, "\n") || strings.Contains(errOut, "skips") {
		t.Errorf("go.work with m1 and m2: exit %d, stdout:\n%sstderr:\n%s", code, out, errOut)
	}
}
