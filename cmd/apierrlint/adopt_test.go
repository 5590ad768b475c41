package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

// TestUsage: -h lists the commands, the exit codes and every flag, -tests
// and -test under different headings; each command's help works.
func TestUsage(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runSplit(t, dir, bin, "-h")
	if code != 0 || errOut != "" {
		t.Fatalf("-h: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{
		"\n  catalog ", "\n  gen ", "\n  lsp ", "\n  help ", "\n  version ",
		"Exit codes:", "\n  0  no findings", "\n  3  findings", "\n  1  packages failed", "\n  2  bad flags",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("-h lacks %q:\n%s", want, out)
		}
	}
	// Every flag is listed (a flag no heading names goes under "Other flags").
	listed := regexp.MustCompile(`(?m)^  -([a-z-]+)`).FindAllStringSubmatch(out, -1)
	var names []string
	for _, m := range listed {
		names = append(names, m[1])
	}
	for _, f := range []string{"catalog", "disable", "retry-after", "tests", "generated", "test", "helper-modules", "json", "c", "fix", "diff", "retry-after-value", "error-writer", "version", "cpuprofile"} {
		if !slices.Contains(names, f) {
			t.Errorf("-h does not list -%s", f)
		}
	}
	heading := func(flag string) string {
		i := strings.Index(out, "\n  -"+flag+"\n")
		if i < 0 {
			i = strings.Index(out, "\n  -"+flag+" ")
		}
		h := strings.LastIndex(out[:i+1], ":\n")
		return out[strings.LastIndex(out[:h], "\n")+1 : h]
	}
	if heading("tests") == heading("test") {
		t.Errorf("-tests and -test are under the same heading %q", heading("test"))
	}

	// Each command that -h lists has its help.
	cmds := regexp.MustCompile(`(?m)^  ([a-z]+)  +`).FindAllStringSubmatch(out[:strings.Index(out, "Exit codes:")], -1)
	if len(cmds) != 6 {
		t.Errorf("-h lists %d commands, want 6 (catalog, gen, lsp, routes, help, version)", len(cmds))
	}
	for _, m := range cmds {
		out, errOut, code := runSplit(t, dir, bin, "help", m[1])
		if code != 0 || !strings.HasPrefix(out, "usage: apierrlint "+m[1]) || errOut != "" {
			t.Errorf("help %s: exit %d, stdout:\n%s\nstderr:\n%s", m[1], code, out, errOut)
		}
	}
	_, errOut, code = runSplit(t, dir, bin, "help", "catalgo")
	if code != 2 || !strings.Contains(errOut, "did you mean catalog?") {
		t.Errorf("help catalgo: exit %d, stderr:\n%s", code, errOut)
	}
}

// TestTestsContradiction: -tests (report in test files) with -test=false
// (do not load them) is an error that says so, from the flags and from
// .apierrlint.yml; -tests=false resolves the second.
func TestTestsContradiction(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/tt\n\ngo 1.26\n",
		"a.go":   "package tt\n",
	})
	_, errOut, code := runSplit(t, dir, bin, "-tests", "-test=false", "./...")
	if code != 2 || !strings.HasPrefix(errOut, "apierrlint: -tests reports findings in _test.go files, but -test=false leaves them out of the load") {
		t.Errorf("-tests -test=false: exit %d, stderr:\n%s", code, errOut)
	}
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "tests: true\n")
	_, errOut, code = runSplit(t, dir, bin, "-test=false", "./...")
	if code != 2 || !strings.HasPrefix(errOut, "apierrlint: tests: true in .apierrlint.yml reports findings in _test.go files, but -test=false leaves them out of the load; drop -test=false, or add -tests=false") {
		t.Errorf("tests: true with -test=false: exit %d, stderr:\n%s", code, errOut)
	}
	if _, errOut, code = runSplit(t, dir, bin, "-test=false", "-tests=false", "./..."); code != 0 {
		t.Errorf("-test=false -tests=false: exit %d, stderr:\n%s", code, errOut)
	}
}

// TestCatalogCommand: `apierrlint catalog` prints the embedded catalog,
// which, written to a file, loads as a catalog equal to the default one;
// -catalog checks and prints a file of any format; a broken one is exit 2
// and file:line: problem.
func TestCatalogCommand(t *testing.T) {
	dir := t.TempDir()
	out, errOut, code := runSplit(t, dir, bin, "catalog")
	if code != 0 || errOut != "" {
		t.Fatalf("catalog: exit %d, stderr %q", code, errOut)
	}
	printed, err := catalog.ParseMarkdown("errors.md", []byte(out))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := plainEntries(printed), plainEntries(catalog.Default()); !slices.Equal(got, want) {
		t.Errorf("apierrlint catalog loads as\n%v\nwant the default\n%v", got, want)
	}

	writeFile(t, filepath.Join(dir, "docs", "errors.yaml"), "codes:\n  - code: NOT_FOUND\n    status: 404\n    description: No such thing | none\n  - code: GONE\n    status: 410\n")
	out, errOut, code = runSplit(t, filepath.Join(dir, "docs"), bin, "catalog", "-catalog", "errors.yaml")
	want := "| Code | HTTP Status | Description |\n|---|---|---|\n| NOT_FOUND | 404 | No such thing \\| none |\n| GONE | 410 |  |\n"
	if code != 0 || out != want || errOut != "errors.yaml: 2 codes, each with one HTTP status\n" {
		t.Errorf("catalog -catalog errors.yaml: exit %d, stdout:\n%s\nstderr:\n%s\nwant stdout:\n%s", code, out, errOut, want)
	}

	writeFile(t, filepath.Join(dir, "docs", "broken.md"), "| Code | HTTP Status |\n|---|---|\n| A | 404 |\n| A | 500 |\n")
	out, errOut, code = runSplit(t, dir, bin, "catalog", "-catalog", "docs/broken.md")
	if code != 2 || out != "" || !strings.HasPrefix(errOut, "apierrlint: docs/broken.md:4: duplicate code A (first defined on line 3)\n") {
		t.Errorf("catalog -catalog broken.md: exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
	_, errOut, code = runSplit(t, dir, bin, "catalog", "docs/broken.md")
	if code != 2 || !strings.Contains(errOut, "-catalog FILE") {
		t.Errorf("catalog FILE without -catalog: exit %d, stderr:\n%s", code, errOut)
	}
}

// TestCatalogCommandOpenAPI: -catalog reads an OpenAPI document, found by
// content, and prints its shape and operations after its codes; given twice, with a Markdown catalog, it prints the merged
// catalog, and a code the two give different statuses is exit 2 naming both
// places.
func TestCatalogCommandOpenAPI(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "api.yaml"), `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      responses:
        "200": {description: the pet}
        "404":
          description: no such pet
          content:
            application/json:
              schema:
                type: object
                properties:
                  code: {type: string, enum: [PET_NOT_FOUND]}
                  message: {type: string}
        "500":
          description: server error
          content:
            application/json:
              example: {code: INTERNAL, message: oops, details: {code: NESTED}}
`)
	out, errOut, code := runSplit(t, dir, bin, "catalog", "-catalog", "api.yaml")
	// The document's shape (its schema requires no key) as a block, the
	// codes, then the shape and the operations as tables.
	block := "Every error response is this JSON object; `code` is optional, `message` is optional.\n\n" +
		"```json\n{\n  \"code\": \"ERROR_CODE\",\n  \"message\": \"...\"\n}\n```\n\n"
	contract := "\n## Error body\n\nThe body is {\"code\", \"message\"}.\n\n" +
		"| Key | Role | Type | Required |\n|---|---|---|---|\n| code | code | string | no |\n| message | message | string | no |\n" +
		"\n## Operations\n\n| Method | Path | Documented statuses |\n|---|---|---|\n| GET | /pets/{id} | 200, 404, 500 |\n"
	want := block + "| Code | HTTP Status |\n|---|---|\n| PET_NOT_FOUND | 404 |\n| INTERNAL | 500 |\n" + contract
	if code != 0 || out != want || errOut != "api.yaml: 2 codes, each with one HTTP status; 1 operation\n" {
		t.Errorf("catalog -catalog api.yaml: exit %d, stdout:\n%s\nstderr:\n%s\nwant stdout:\n%s", code, out, errOut, want)
	}

	writeFile(t, filepath.Join(dir, "errors.md"), "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n| INTERNAL | 500 |\n")
	out, errOut, code = runSplit(t, dir, bin, "catalog", "-catalog", "errors.md", "-catalog", "api.yaml")
	want = block + "| Code | HTTP Status |\n|---|---|\n| GONE | 410 |\n| INTERNAL | 500 |\n| PET_NOT_FOUND | 404 |\n" + contract
	if code != 0 || out != want || errOut != "errors.md, api.yaml: 3 codes, each with one HTTP status; 1 operation\n" {
		t.Errorf("catalog -catalog errors.md -catalog api.yaml: exit %d, stdout:\n%s\nstderr:\n%s\nwant stdout:\n%s", code, out, errOut, want)
	}

	writeFile(t, filepath.Join(dir, "errors.md"), "| Code | HTTP Status |\n|---|---|\n| PET_NOT_FOUND | 410 |\n")
	out, errOut, code = runSplit(t, dir, bin, "catalog", "-catalog", "errors.md", "-catalog", "api.yaml")
	if code != 2 || out != "" || !strings.Contains(errOut, "api.yaml:15: code PET_NOT_FOUND has status 404 here (/paths/~1pets~1{id}/get/responses/404) and 410 in errors.md:3\n") {
		t.Errorf("conflicting catalogs: exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
}

// plainEntries are a catalog's entries without their lines.
func plainEntries(c *catalog.Catalog) []catalog.Entry {
	e := c.Entries()
	for i := range e {
		e[i].Line = 0
	}
	return e
}

// TestVersion: built from a clone with VCS stamping, -version and the
// version command print the version go build derived from git, the
// revision and its time, and say when the clone had changes. (Without
// stamping, "(devel)": internal/version's test. Installed at a version:
// TestInstallFromProxy.)
func TestVersion(t *testing.T) {
	clone := snapshot(t)
	rev, err := exec.Command("git", "-C", clone, "rev-parse", "HEAD").Output()
	if err != nil {
		t.Fatal(err)
	}
	build := func(args ...string) string {
		t.Helper()
		exe := filepath.Join(clone, "bin", "apierrlint")
		// -trimpath: the compiled packages do not depend on the
		// snapshot's directory, so a second run finds them in go's cache.
		cmd := exec.Command("go", append(append([]string{"build", "-trimpath", "-o", exe}, args...), "./cmd/apierrlint")...)
		cmd.Dir = clone
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go build: %v\n%s", err, out)
		}
		return exe
	}
	clean := regexp.MustCompile(`^apierrlint v0\.0\.0-\d{14}-` + string(rev[:12]) + ` \(revision ` + strings.TrimSpace(string(rev)) + `, \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\)\n$`)
	exe := build("-buildvcs=true")
	for _, arg := range []string{"-version", "version"} {
		if out, errOut, code := runSplit(t, clone, exe, arg); code != 0 || !clean.MatchString(out) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q; want %s", arg, code, out, errOut, clean)
		}
	}
	// bin/ is ignored by git: the clone is still clean. An edit is not.
	main := filepath.Join(clone, "cmd", "apierrlint", "main.go")
	writeFile(t, main, "// edited\n"+readFile(t, main))
	exe = build("-buildvcs=true")
	if out, _, _ := runSplit(t, clone, exe, "version"); !strings.Contains(out, "+dirty (revision ") || !strings.HasSuffix(out, ", modified)\n") {
		t.Errorf("version of an edited clone: %q", out)
	}
}

// snapshot copies the checkout's files as they are now (tracked and
// untracked, but not ignored) into a new git repository of one commit: a
// clone of the code under test, uncommitted changes included.
func snapshot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	list, err := exec.Command("git", "-C", root, "ls-files", "-z", "--cached", "--others", "--exclude-standard").Output()
	if err != nil {
		t.Skipf("git ls-files: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "apierrlint")
	for _, name := range strings.Split(strings.TrimRight(string(list), "\x00"), "\x00") {
		data, err := os.ReadFile(filepath.Join(root, name))
		if err != nil {
			continue // deleted, not yet committed
		}
		writeFile(t, filepath.Join(dir, name), string(data))
	}
	for _, args := range [][]string{{"init", "-q"}, {"add", "-A"}, {"-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "-m", "snapshot"}} {
		if out, err := exec.Command("git", append([]string{"-C", dir}, args...)...).CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	return dir
}

// TestFixDiffOnlyFixHunks: -fix -diff shows the fix's hunk and no gofmt
// change elsewhere in the file, and -fix leaves the rest of the file as it
// was.
func TestFixDiffOnlyFixHunks(t *testing.T) {
	dir := t.TempDir()
	src := "package svc\n\nimport (\n\t\"encoding/json\"\n\t\"net/http\"\n)\n\n" +
		"func  untouched( )   int { return 1 }\n\n" +
		"func Get(w http.ResponseWriter, r *http.Request) {\n\tw.WriteHeader(http.StatusNotFound)\n\tjson.NewEncoder(w).Encode(map[string]string{\"code\": \"NOT_FOUDN\", \"message\": \"no such pet\"})\n}\n"
	writeFiles(t, dir, map[string]string{"go.mod": "module example.com/svc\n\ngo 1.26\n", "svc.go": src})
	out, errOut, code := runSplit(t, dir, bin, "-fix", "-diff", "./...")
	if code != 3 || !strings.Contains(out, "+\tjson.NewEncoder(w).Encode(map[string]string{\"code\": \"NOT_FOUND\"") || strings.Contains(out, "untouched") {
		t.Errorf("-fix -diff: exit %d, diff:\n%s\nstderr:\n%s\nwant the fix's hunk only", code, out, errOut)
	}
	if _, errOut, code := runSplit(t, dir, bin, "-fix", "./..."); code != 0 {
		t.Fatalf("-fix: exit %d\n%s", code, errOut)
	}
	if got, want := readFile(t, filepath.Join(dir, "svc.go")), strings.Replace(src, "NOT_FOUDN", "NOT_FOUND", 1); got != want {
		t.Errorf("after -fix:\n%s\nwant:\n%s", got, want)
	}
}
