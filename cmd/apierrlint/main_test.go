package main_test

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// bin is the apierrlint binary built for these tests.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "apierrlint-test")
	if err != nil {
		panic(err)
	}
	bin = filepath.Join(dir, "apierrlint")
	// The binaries the tests run keep their contract cache here, not in
	// the user's cache directory.
	os.Setenv("APIERRLINT_CACHE", filepath.Join(dir, "cache"))
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		os.Stderr.Write(out)
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func examplesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs("../../examples")
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// run runs a command in dir and returns its combined output and exit code.
func run(t *testing.T, dir string, name string, args ...string) (string, int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	code := 0
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), code
}

var findingRE = regexp.MustCompile(`^(?:\./)?(\S+\.go):(\d+):(\d+): (.*)$`)

// findings extracts "file:line:col: message" lines, with file relative to dir.
func findings(dir, out string) []string {
	var list []string
	for _, line := range strings.Split(out, "\n") {
		m := findingRE.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		file := strings.TrimPrefix(m[1], dir+string(filepath.Separator))
		list = append(list, file+":"+m[2]+":"+m[3]+": "+m[4])
	}
	slices.Sort(list)
	return list
}

func expected(t *testing.T) []string {
	return expectedList(t, filepath.Join(examplesDir(t), "expected.txt"))
}

// expectedList reads a list of expected findings, one a line. An empty
// list fails: a comparison with it would only check that nothing is found.
func expectedList(t *testing.T, name string) []string {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) != "" {
			list = append(list, line)
		}
	}
	if len(list) == 0 {
		t.Fatalf("%s lists no findings", name)
	}
	return list
}

func diff(t *testing.T, got, want []string) {
	t.Helper()
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing: %s", w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			t.Errorf("unexpected: %s", g)
		}
	}
}

// TestExampleService runs the linter on the example service with the
// embedded catalog: every planted violation, nothing else, exit code 3.
func TestExampleService(t *testing.T) {
	dir := examplesDir(t)
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Errorf("exit code %d, want 3\n%s", code, out)
	}
	diff(t, findings(dir, out), expected(t))
}

// TestGoVet runs the same checks through go vet -vettool.
func TestGoVet(t *testing.T) {
	dir := examplesDir(t)
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Errorf("go vet exit code 0, want failure\n%s", out)
	}
	diff(t, findings(dir, out), expected(t))
}

// TestGoVetFlags passes the analyzer's flags through go vet.
func TestGoVetFlags(t *testing.T) {
	dir := examplesDir(t)
	out, _ := run(t, dir, "go", "vet", "-vettool="+bin, "-disable=raw-http-error,unknown-code,status-mismatch,error-body-shape,retry-after-format,default-error-response", "./...")
	got := findings(dir, out)
	if len(got) == 0 {
		t.Fatalf("no findings\n%s", out)
	}
	for _, f := range got {
		if !strings.Contains(f, "missing-retry-after: ") {
			t.Errorf("rule not disabled: %s", f)
		}
	}
}

func TestDisable(t *testing.T) {
	dir := examplesDir(t)
	out, _ := run(t, dir, bin, "-disable=raw-http-error", "./...")
	got := findings(dir, out)
	var want []string
	for _, e := range expected(t) {
		if !strings.Contains(e, "raw-http-error: ") {
			want = append(want, e)
		}
	}
	diff(t, got, want)
}

// TestCatalogFlag: a user's catalog replaces the embedded one, in each format.
func TestCatalogFlag(t *testing.T) {
	dir := examplesDir(t)
	tmp := t.TempDir()
	files := map[string]string{
		// Documents METHOD_NOT_ALLOWED and PAYMENT_REQUIRED; drops nothing else.
		"errors.md": "# Errors\n\n| Code | HTTP Status |\n|---|---|\n" + catalogRows(t, "| %s | %d |\n") +
			"| METHOD_NOT_ALLOWED | 405 |\n| PAYMENT_REQUIRED | 402 |\n",
		"errors.json": `{"codes": [` + strings.TrimSuffix(catalogRows(t, `{"code": %q, "status": %d},`), ",") +
			`, {"code": "METHOD_NOT_ALLOWED", "status": 405}, {"code": "PAYMENT_REQUIRED", "status": 402}]}`,
		"errors.yaml": "codes:\n" + catalogRows(t, "  - code: %s\n    status: %d\n") +
			"  - code: METHOD_NOT_ALLOWED\n    status: 405\n  - code: PAYMENT_REQUIRED\n    status: 402\n",
	}
	var want []string
	for _, e := range expected(t) {
		if !strings.Contains(e, "METHOD_NOT_ALLOWED") && !strings.Contains(e, "PAYMENT_REQUIRED") {
			want = append(want, e)
		}
	}
	for name, text := range files {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(tmp, name)
			if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			out, _ := run(t, dir, bin, "-catalog="+path, "./...")
			var named []string // unknown-code names the catalog as given; a suggested code is not the embedded catalog's
			for _, w := range want {
				w = strings.Replace(w, "(embedded default)", "("+path+")", 1)
				named = append(named, strings.Replace(w, " (from the embedded default catalog)", "", 1))
			}
			// Documented now, PAYMENT_REQUIRED has no entry in the example's
			// status table, whose lookup sends it with 500.
			named = append(named, "internal/apierr/codes.go:58:9: status-mismatch: the status table has no entry for PAYMENT_REQUIRED (documented with 402), which fall back to 500 here; add them with their documented statuses")
			diff(t, findings(dir, out), named)
		})
	}
}

// catalogRows formats the default catalog's codes.
func catalogRows(t *testing.T, format string) string {
	rows := [][2]any{
		{"UNAUTHORIZED", 401}, {"INVALID_CREDENTIALS", 401}, {"SESSION_EXPIRED", 401}, {"INVALID_SIGNATURE", 401},
		{"FORBIDDEN", 403}, {"CSRF_VALIDATION_FAILED", 403}, {"ACCOUNT_DISABLED", 403}, {"NOT_FOUND", 404},
		{"BAD_REQUEST", 400}, {"CONFLICT", 409}, {"UNPROCESSABLE_ENTITY", 422}, {"VALIDATION_ERROR", 422},
		{"RATE_LIMIT_EXCEEDED", 429}, {"INTERNAL_ERROR", 500}, {"DATABASE_ERROR", 500}, {"SERVICE_UNAVAILABLE", 503},
	}
	var b strings.Builder
	for _, r := range rows {
		b.WriteString(fmt.Sprintf(format, r[0], r[1]))
	}
	return b.String()
}

// TestBrokenConfig: a broken catalog or flag stops the tool before it loads
// anything, with the file, the line and the problem.
func TestBrokenConfig(t *testing.T) {
	dir := examplesDir(t)
	tmp := t.TempDir()
	dup := filepath.Join(tmp, "dup.md")
	os.WriteFile(dup, []byte("| Code | HTTP Status |\n|---|---|\n| A | 404 |\n| A | 500 |\n"), 0o644)
	cases := []struct {
		args []string
		want string
	}{
		{[]string{"-catalog=" + dup}, dup + ":4: duplicate code A (first defined on line 3)"},
		{[]string{"-catalog=" + filepath.Join(tmp, "missing.md")}, "missing.md"},
		{[]string{"-disable=raw-http-eror"}, `unknown rule "raw-http-eror"`},
		{[]string{"-retry-after=200"}, `"200" is not an HTTP error status`},
	}
	for _, c := range cases {
		out, code := run(t, dir, bin, append(c.args, "./...")...)
		if code != 2 || !strings.Contains(out, c.want) {
			t.Errorf("%v: exit %d, output:\n%s\nwant exit 2 and %q", c.args, code, out, c.want)
		}
		if strings.Contains(out, "panic") {
			t.Errorf("%v: panic:\n%s", c.args, out)
		}
	}
}

// copyExamples copies the example service to a temporary directory.
func copyExamples(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "examples")
	if err := os.CopyFS(dir, os.DirFS(examplesDir(t))); err != nil {
		t.Fatal(err)
	}
	return dir
}

// fixable are the example findings whose fix must make them disappear.
var fixable = []string{
	"internal/handlers/pets.go:57:3: raw-http-error",             // http.NotFound -> apierr.Write
	"internal/handlers/users.go:32:43: unknown-code",             // NOT_FOUDN -> NOT_FOUND
	"internal/apierr/codes.go:45:26: status-mismatch",            // http.StatusBadRequest -> http.StatusUnprocessableEntity
	"internal/middleware/ratelimit.go:91:5: missing-retry-after", // Header().Set inserted
}

func hasFinding(list []string, prefix string) bool {
	return slices.ContainsFunc(list, func(s string) bool { return strings.HasPrefix(s, prefix) })
}

// TestFixes applies the fixes through apierrlint -fix, go vet -fix (the
// go vet driver writing the files) and go fix -fixtool (its archive): the
// code still builds, the fixed findings are gone, and the three write the
// same bytes.
func TestFixes(t *testing.T) {
	for _, f := range fixable {
		if !hasFinding(expected(t), f) {
			t.Fatalf("examples/expected.txt has no %s", f)
		}
	}
	tools := []struct {
		name string
		cmd  []string
	}{
		{"apierrlint", []string{bin, "-fix", "./..."}},
		{"go vet", []string{"go", "vet", "-vettool=" + bin, "-fix", "./..."}},
		{"go fix", []string{"go", "fix", "-fixtool=" + bin, "./..."}},
	}
	trees := map[string]string{}
	for _, tool := range tools {
		dir := copyExamples(t) // the parent's: compared after the subtests
		t.Run(tool.name, func(t *testing.T) {
			out, _ := run(t, dir, tool.cmd[0], tool.cmd[1:]...)
			if strings.Contains(out, "panic") || strings.Contains(out, "conflict") || strings.Contains(out, "Re-run") {
				t.Fatalf("%s:\n%s", tool.name, out)
			}
			if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
				t.Fatalf("fixed code does not build:\n%s", out)
			}
			out, _ = run(t, dir, bin, "./...")
			after := findings(dir, out)
			for _, f := range fixable {
				if hasFinding(after, f) {
					t.Errorf("still reported after the fix: %s", f)
				}
			}
			if len(after) >= len(expected(t)) {
				t.Errorf("%d findings after fixing, %d before", len(after), len(expected(t)))
			}
			trees[tool.name] = dir
		})
	}
	ref := trees["apierrlint"]
	for name, dir := range trees {
		if dir == ref || ref == "" {
			continue
		}
		filepath.WalkDir(ref, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
				return err
			}
			rel, _ := filepath.Rel(ref, path)
			want, _ := os.ReadFile(path)
			got, err := os.ReadFile(filepath.Join(dir, rel))
			if err != nil || !bytes.Equal(got, want) {
				t.Errorf("%s fixed %s differently from apierrlint -fix", name, rel)
			}
			return nil
		})
	}
}

// TestIgnoreDirectiveInGoVet: the analyzer's own directive works in go vet.
func TestIgnoreDirectiveInGoVet(t *testing.T) {
	dir := copyExamples(t)
	file := filepath.Join(dir, "internal/handlers/pets.go")
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[56] += " //apierrlint:ignore raw-http-error the mobile app expects text here" // line 57
	os.WriteFile(file, []byte(strings.Join(lines, "\n")), 0o644)
	out, _ := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	got := findings(dir, out)
	if hasFinding(got, "internal/handlers/pets.go:57:3: raw-http-error") {
		t.Errorf("directive ignored by go vet:\n%s", out)
	}
	if len(got) != len(expected(t))-1 {
		t.Errorf("%d findings, want %d:\n%s", len(got), len(expected(t))-1, out)
	}
}

// TestDrivers: the fast driver (the default) and singlechecker's find the
// same, also when only some packages are requested and the helpers they use
// live in other packages of the module (loaded from source for their facts).
func TestDrivers(t *testing.T) {
	dir := examplesDir(t)
	for _, pattern := range []string{"./...", "./internal/handlers"} {
		var want []string
		for _, e := range expected(t) {
			if pattern == "./..." || strings.HasPrefix(e, "internal/handlers/") {
				want = append(want, e)
			}
		}
		for _, driver := range []string{"fast", "singlechecker"} {
			t.Run(pattern+"/"+driver, func(t *testing.T) {
				cmd := exec.Command(bin, pattern)
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "APIERRLINT_DRIVER="+driver)
				out, _ := cmd.CombinedOutput()
				diff(t, findings(dir, string(out)), want)
			})
		}
	}
}

// TestGoVetDrivers: go vet through apierrlint's own driver and through
// unitchecker (APIERRLINT_DRIVER=singlechecker) write different facts files,
// so they must not share go vet's cache entries (-V=full differs). Between
// the runs a handler file changes: its package runs again, its
// dependencies' facts come from the cache.
func TestGoVetDrivers(t *testing.T) {
	dir := copyExamples(t)
	file := filepath.Join(dir, "internal/handlers/pets.go")
	for i, driver := range []string{"vet", "singlechecker", "vet"} {
		f, err := os.OpenFile(file, os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(f, "\n// run %d\n", i)
		f.Close()
		cmd := exec.Command("go", "vet", "-vettool="+bin, "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "APIERRLINT_DRIVER="+driver)
		out, _ := cmd.CombinedOutput()
		diff(t, findings(dir, string(out)), expected(t))
		if strings.Contains(string(out), "vetx") || strings.Contains(string(out), "facts file") {
			t.Errorf("%s: %s", driver, out)
		}
	}
}

// TestJSON: -json prints the findings on stdout and exits 0, the same with
// both drivers (packages and their test variants each listed, as
// singlechecker does).
func TestJSON(t *testing.T) {
	dir := examplesDir(t)
	outs := map[string]string{}
	for _, driver := range []string{"fast", "singlechecker"} {
		cmd := exec.Command(bin, "-json", "./...")
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "APIERRLINT_DRIVER="+driver)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%s: exit: %v", driver, err)
		}
		outs[driver] = string(out)
	}
	if outs["fast"] != outs["singlechecker"] {
		t.Errorf("-json output differs between the drivers:\nfast:\n%s\nsinglechecker:\n%s", outs["fast"], outs["singlechecker"])
	}
	posns := map[string]bool{}
	for _, m := range regexp.MustCompile(`"posn": "([^"]+)",\s*"end": "[^"]+",\s*"message": "([^"]+)"`).FindAllStringSubmatch(outs["fast"], -1) {
		posns[m[1]+m[2]] = true
	}
	if len(posns) != len(expected(t)) {
		t.Errorf("%d distinct JSON diagnostics, want %d", len(posns), len(expected(t)))
	}
}

// TestHelperModules: helpers in another module (a company-wide error
// package) are seen when -helper-modules names it; without it the module
// comes from export data, without facts. Both drivers agree.
func TestHelperModules(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, helperModuleTree)
	dir := filepath.Join(root, "svc")
	want := "svc.go:10:2: status-mismatch: NOT_FOUND is documented with 404, sent with 500"
	for _, c := range []struct {
		name  string
		args  []string
		found bool
	}{
		{"apierrlint", []string{"./..."}, false},
		{"apierrlint", []string{"-helper-modules=example.com/apierr", "./..."}, true},
		{"go vet", []string{"vet", "-vettool=" + bin, "./..."}, false},
		{"go vet", []string{"vet", "-vettool=" + bin, "-helper-modules=example.com/apierr", "./..."}, true},
	} {
		name := bin
		if c.name == "go vet" {
			name = "go"
		}
		out, _ := run(t, dir, name, c.args...)
		if got := slices.Contains(findings(dir, out), want); got != c.found {
			t.Errorf("%s %v: found=%v, want %v\n%s", c.name, c.args, got, c.found, out)
		}
	}
}

// writeFiles writes files (relative path -> content) under root.
func writeFiles(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, text := range files {
		writeFile(t, filepath.Join(root, name), text)
	}
}

// writeFile writes a file, and the directories above it.
func writeFile(t *testing.T, path, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

// helperModuleTree is a service module (svc) that calls an error helper of
// another module (apierr) with a wrong pair: svc.go:10 status-mismatch.
var helperModuleTree = map[string]string{
	"apierr/go.mod": "module example.com/apierr\n\ngo 1.26\n",
	"apierr/apierr.go": `package apierr

import (
	"encoding/json"
	"net/http"
)

type Error struct {
	Code    string ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func Write(w http.ResponseWriter, status int, code, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: code, Message: msg})
}
`,
	"svc/go.mod": "module example.com/svc\n\ngo 1.26\n\nrequire example.com/apierr v0.0.0\n\nreplace example.com/apierr => ../apierr\n",
	"svc/svc.go": `package svc

import (
	"net/http"

	"example.com/apierr"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, 500, "NOT_FOUND", "x")
}
`,
}

// TestIndirectHelper: a helper reached through a dependency's types, from a
// package that does not import the helper's package (a promoted method of
// an embedded type), is known to both drivers: go vet's facts files carry
// the facts of indirect dependencies too.
func TestIndirectHelper(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/indirect\n\ngo 1.26\n",
		"base/base.go": `package base

import (
	"encoding/json"
	"net/http"
)

type Writer struct{}

func (Writer) Fail(w http.ResponseWriter, status int, code string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": code, "message": "failed"})
}
`,
		"wrap/wrap.go": `package wrap

import "example.com/indirect/base"

type Responder struct{ base.Writer }
`,
		"svc/svc.go": `package svc

import (
	"net/http"

	"example.com/indirect/wrap"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	var resp wrap.Responder
	resp.Fail(w, 500, "NOT_FOUND")
}
`,
	})
	want := "svc/svc.go:11:2: status-mismatch: NOT_FOUND is documented with 404, sent with 500"
	for _, args := range [][]string{
		{bin, "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
	} {
		out, _ := run(t, dir, args[0], args[1:]...)
		if !slices.Contains(findings(dir, out), want) {
			t.Errorf("%v: no %q\n%s", args, want, out)
		}
	}
}

// TestRendererFacts: what a central error renderer reads from the error
// values it renders travels as facts, through both drivers (go vet's facts
// files carry them): the module testdata/renderers has the renderer (a
// net/http adapter's) in one package (web), the error type in another whose
// field names say nothing (apierr), the values built in a third that
// imports both (svc). A fourth (far) imports the renderer's package only
// through a fifth (mid): the renderer is not visible there (facts are
// looked up in the direct imports, so that every driver sees the same),
// and nothing is reported. TestLSPRenderers, TestGoplsRenderers and the
// golangci-lint integration test run the other drivers on the same module.
func TestRendererFacts(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/renderers")); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{bin, "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
	} {
		out, _ := run(t, dir, args[0], args[1:]...)
		if got := findings(dir, out); !slices.Equal(got, rendererFindings) {
			t.Errorf("%v: findings\n%s\nwant\n%s\n%s", args, strings.Join(got, "\n"), strings.Join(rendererFindings, "\n"), out)
		}
	}
}

// rendererFindings are the findings on testdata/renderers.
var rendererFindings = []string{
	"svc/svc.go:11:10: missing-retry-after: a RATE_LIMIT_EXCEEDED error (429) leaves its Wait field unset, which web.render sends as the Retry-After header; set Wait",
	"svc/svc.go:15:29: status-mismatch: NOT_FOUND is documented with 404, sent with 409",
}

// TestFixEdgeCases: a fix that removes a file's last use of an import
// removes the import, and two fixes that insert at the same place both
// apply, through go fix (the go vet driver) as through apierrlint -fix
// (found by review: the first left code that did not build, the second
// made go fix drop every fix of the package).
func TestFixEdgeCases(t *testing.T) {
	tree := map[string]string{
		"go.mod": "module example.com/edge\n\ngo 1.26\n",
		"apierr/apierr.go": `package apierr

import (
	"encoding/json"
	"net/http"
)

type (
	W = http.ResponseWriter
	R = http.Request
)

func Write(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": code, "message": msg})
}
`,
		"svc/svc.go": `package svc

import (
	"net/http"

	"example.com/edge/apierr"
)

func H(w apierr.W, r *apierr.R) { http.Error(w, "conflict", 409) }
`,
		"limit/limit.go": `package limit

import (
	"encoding/json"
	"net/http"
)

func fail(w http.ResponseWriter, status int) bool {
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": "RATE_LIMIT_EXCEEDED", "message": "m"})
	return true
}

func H(a, b http.ResponseWriter) {
	if fail(a, 429) && fail(b, 429) {
		return
	}
}
`,
	}
	trees := map[string]string{}
	for _, tool := range [][]string{
		{bin, "-fix", "./..."},
		{"go", "fix", "-fixtool=" + bin, "./..."},
	} {
		dir := t.TempDir()
		writeFiles(t, dir, tree)
		out, _ := run(t, dir, tool[0], tool[1:]...)
		if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
			t.Errorf("%v: fixed code does not build:\n%s", tool, out)
		}
		svc, _ := os.ReadFile(filepath.Join(dir, "svc/svc.go"))
		limit, _ := os.ReadFile(filepath.Join(dir, "limit/limit.go"))
		if bytes.Contains(svc, []byte(`"net/http"`)) || !bytes.Contains(svc, []byte("apierr.Write(")) {
			t.Errorf("%v: svc.go not rewritten, or net/http still imported:\n%s\n%s", tool, svc, out)
		}
		if n := bytes.Count(limit, []byte(`.Header().Set("Retry-After"`)); n != 2 {
			t.Errorf("%v: %d Retry-After insertions, want 2:\n%s\n%s", tool, n, limit, out)
		}
		trees[tool[0]] = string(svc) + string(limit)
	}
	if trees[bin] != trees["go"] {
		t.Errorf("apierrlint -fix and go fix differ:\n%s\n---\n%s", trees[bin], trees["go"])
	}
}

// frameworkExamples are the example services on frameworks, each a module
// of its own with its expected findings (written blind: EXPECTED.md).
var frameworkExamples = []string{"gin", "echo", "fiber", "chi"}

// TestFrameworkExamples: both drivers report exactly the expected findings
// on each framework example.
func TestFrameworkExamples(t *testing.T) {
	for _, fw := range frameworkExamples {
		t.Run(fw, func(t *testing.T) {
			checkExample(t, filepath.Join(examplesDir(t), fw))
		})
	}
}

// checkExample: both drivers report exactly the findings of the example
// module dir's expected.txt.
func checkExample(t *testing.T, dir string) {
	t.Helper()
	want := expectedList(t, filepath.Join(dir, "expected.txt"))
	out, code := run(t, dir, bin, "./...")
	if code != 3 {
		t.Errorf("apierrlint: exit code %d, want 3\n%s", code, out)
	}
	diff(t, findings(dir, out), want)
	out, code = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 {
		t.Errorf("go vet: exit code 0, want findings")
	}
	diff(t, findings(dir, out), want)
}
