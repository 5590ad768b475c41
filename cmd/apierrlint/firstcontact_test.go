package main_test

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// runSplit runs a command in dir and returns its stdout, stderr and exit code.
func runSplit(t *testing.T, dir string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runSplitEnv(t, dir, nil, name, args...)
}

// runSplitEnv is runSplit with env added to the environment.
func runSplitEnv(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return o.String(), e.String(), code
}

func lines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// TestHelp: `apierrlint help` describes the analyzer and lists the rules;
// `apierrlint help RULE` prints the rule's page; an unknown rule is an
// error with a suggestion.
func TestHelp(t *testing.T) {
	dir := examplesDir(t)
	out, errOut, code := runSplit(t, dir, bin, "help")
	if code != 0 || errOut != "" {
		t.Errorf("help: exit %d, stderr %q", code, errOut)
	}
	for _, want := range []string{"check HTTP handlers", "raw-http-error", "missing-retry-after", "ignore-directive", "apierrlint help RULE"} {
		if !strings.Contains(out, want) {
			t.Errorf("help does not mention %q:\n%s", want, out)
		}
	}
	out, _, code = runSplit(t, dir, bin, "help", "missing-retry-after")
	if code != 0 || !strings.HasPrefix(out, "# missing-retry-after") || !strings.Contains(out, "No fix is offered when") {
		t.Errorf("help missing-retry-after: exit %d\n%s", code, out)
	}
	_, errOut, code = runSplit(t, dir, bin, "help", "raw-http-eror")
	if code != 2 || !strings.Contains(errOut, "did you mean raw-http-error?") {
		t.Errorf("help raw-http-eror: exit %d, stderr:\n%s", code, errOut)
	}
}

// TestShortErrors: a misspelt flag or a broken catalog is a short error (at
// most five lines, a suggestion for the flag) and exit code 2, before
// anything is loaded.
func TestShortErrors(t *testing.T) {
	dir := examplesDir(t)
	tmp := t.TempDir()
	broken := filepath.Join(tmp, "broken.md")
	os.WriteFile(broken, []byte("| Code | HTTP Status |\n|---|---|\n| A | 404 |\n| A | 500 |\n| B | 200 |\n| C | 999 |\n| D | 1 |\n| E | 2 |\n"), 0o644)
	for _, c := range []struct {
		args  []string
		first string
	}{
		{[]string{"-catlog=x.md", "./..."}, "apierrlint: unknown flag -catlog; did you mean -catalog?"},
		{[]string{"-retry-afterr=429", "./..."}, "apierrlint: unknown flag -retry-afterr; did you mean -retry-after?"},
		{[]string{"-catalog=" + broken, "./..."}, "apierrlint: " + broken + ":4: duplicate code A (first defined on line 3)"},
		{[]string{"-catalog=nowhere.md", "./..."}, "apierrlint: nowhere.md: no such file in " + dir + " or any of its parent directories"},
		{[]string{"-disable=raw-http-eror", "./..."}, `apierrlint: invalid value "raw-http-eror" for flag -disable: unknown rule "raw-http-eror"; did you mean raw-http-error?`},
	} {
		out, errOut, code := runSplit(t, dir, bin, c.args...)
		got := lines(errOut)
		if code != 2 || out != "" || len(got) == 0 || len(got) > 5 || !strings.HasPrefix(got[0], c.first) ||
			got[len(got)-1] != "run 'apierrlint -h' for the flags" {
			t.Errorf("%q: exit %d, stdout %q, stderr (%d lines):\n%s\nwant exit 2, at most 5 lines, starting %q and ending with the hint",
				c.args, code, out, len(got), errOut, c.first)
		}
	}
	// -h lists the flags and succeeds.
	out, _, code := runSplit(t, dir, bin, "-h")
	if code != 0 || !strings.Contains(out, "-catalog") || !strings.Contains(out, "-fix") {
		t.Errorf("-h: exit %d\n%s", code, out)
	}
}

// TestGoVetRelativeCatalog: go vet runs the tool in each package's
// directory; a relative -catalog is found from there upwards, so the same
// command works from the module root and from a package directory. A
// catalog found nowhere is one short error, not one per package.
func TestGoVetRelativeCatalog(t *testing.T) {
	// The default catalog with NOT_FOUND documented as 410: status-mismatch
	// findings change, so the test sees that this catalog was used.
	data, err := os.ReadFile("../../catalog/default.md")
	if err != nil {
		t.Fatal(err)
	}
	custom := strings.Replace(string(data), "NOT_FOUND | 404", "NOT_FOUND | 410", 1)
	if custom == string(data) {
		t.Fatal("catalog/default.md has no NOT_FOUND | 404 row")
	}
	withCatalog := func() string {
		dir := copyExamples(t)
		os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
		os.WriteFile(filepath.Join(dir, "docs", "errors.md"), []byte(custom), 0o644)
		return dir
	}
	dir := withCatalog()

	standalone, _ := run(t, dir, bin, "-catalog=docs/errors.md", "./...")
	want := findings(dir, standalone)
	if !slices.ContainsFunc(want, func(s string) bool { return strings.Contains(s, "NOT_FOUND is documented with 410") }) {
		t.Fatalf("the custom catalog was not used:\n%s", standalone)
	}
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "-catalog=docs/errors.md", "./...")
	if code == 0 {
		t.Errorf("go vet: exit 0, want findings")
	}
	diff(t, findings(dir, out), want)

	// From a package directory: the findings of that package. (In a copy
	// of its own: go vet's cache does not tell a package vetted for its
	// facts only from one vetted for its findings, so the run above would
	// make this one replay the findings of the package's dependencies.)
	pkgDir := filepath.Join(withCatalog(), "internal", "handlers")
	out, _ = run(t, pkgDir, "go", "vet", "-vettool="+bin, "-catalog=docs/errors.md", ".")
	var wantPkg []string
	for _, w := range want {
		if rest, ok := strings.CutPrefix(w, "internal/handlers/"); ok && !strings.Contains(strings.SplitN(rest, ":", 2)[0], "/") {
			wantPkg = append(wantPkg, rest)
		}
	}
	diff(t, findings(pkgDir, out), wantPkg)

	// Found nowhere: one error for the whole run.
	out, code = run(t, dir, "go", "vet", "-vettool="+bin, "-catalog=docs/nowhere.md", "./...")
	if code == 0 || strings.Count(out, "no such file") != 1 || len(lines(out)) > 5 {
		t.Errorf("go vet with a missing catalog: exit %d, want one short error:\n%s", code, out)
	}
}

// TestLoadErrors: a package that does not compile is reported as go build
// reports it, once; a missing directory is one line.
func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":      "module example.com/brk\n\ngo 1.26\n",
		"syntax/a.go": "package syntax\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\thttp.Error(w, \"x\", 500\n}\n",
		"types/b.go":  "package types\n\nimport \"net/http\"\n\nfunc H(w http.ResponseWriter, r *http.Request) {\n\tvar x int = \"s\"\n\thttp.Error(w, \"x\", 500)\n}\n",
	})
	for _, pkg := range []string{"./syntax", "./types"} {
		_, goBuild, _ := runSplit(t, dir, "go", "build", pkg)
		_, got, code := runSplit(t, dir, bin, pkg)
		if code != 1 || got != goBuild {
			t.Errorf("apierrlint %s: exit %d, stderr:\n%s\nwant exit 1 and what go build prints:\n%s", pkg, code, got, goBuild)
		}
	}
	_, got, code := runSplit(t, dir, bin, "./missing")
	if code != 1 || len(lines(got)) != 1 || !strings.Contains(got, "missing") || strings.HasPrefix(got, "-:") {
		t.Errorf("apierrlint ./missing: exit %d, stderr:\n%s\nwant one line naming the directory", code, got)
	}
}

// TestOutputOrderAndSummary: findings go to stdout, sorted by file, line
// and column, paths relative to the working directory; a plain run ends
// with a summary line on stderr; -json has no summary.
func TestOutputOrderAndSummary(t *testing.T) {
	dir := examplesDir(t)
	out, errOut, code := runSplit(t, dir, bin, "./...")
	if code != 3 {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	findingLines := lines(out)
	want := expected(t)
	if len(findingLines) != len(want) {
		t.Fatalf("%d lines on stdout, want %d findings:\n%s", len(findingLines), len(want), out)
	}
	got := lines(errOut)
	if !slices.IsSortedFunc(findingLines, compareFindings) {
		t.Errorf("findings not in file, line, column order:\n%s", strings.Join(findingLines, "\n"))
	}
	for _, l := range findingLines {
		if filepath.IsAbs(l) {
			t.Errorf("absolute path in %s", l)
		}
	}
	summary := got[len(got)-1]
	if !regexp.MustCompile(`^30 findings: raw-http-error 9, unknown-code 5, status-mismatch 7, missing-retry-after 6, error-body-shape 1, retry-after-format 1, default-error-response 1$`).MatchString(summary) {
		t.Errorf("summary = %q", summary)
	}
	out, errOut, _ = runSplit(t, dir, bin, "-json", "./...")
	if strings.Contains(out+errOut, "30 findings") {
		t.Errorf("-json prints the summary")
	}
}

var posRE = regexp.MustCompile(`^(.*):(\d+):(\d+): `)

// compareFindings orders "file:line:col: message" lines by file, then line
// and column as numbers.
func compareFindings(a, b string) int {
	ma, mb := posRE.FindStringSubmatch(a), posRE.FindStringSubmatch(b)
	if c := strings.Compare(ma[1], mb[1]); c != 0 {
		return c
	}
	for i := 2; i <= 3; i++ {
		if len(ma[i]) != len(mb[i]) {
			return len(ma[i]) - len(mb[i])
		}
		if c := strings.Compare(ma[i], mb[i]); c != 0 {
			return c
		}
	}
	return 0
}

// TestFixReport: -fix says how many fixes it applied and how many findings
// remain, prints those, and exits 3 while some remain; -fix -diff changes
// nothing and says what the diff would fix.
func TestFixReport(t *testing.T) {
	dir := copyExamples(t)
	out, errOut, code := runSplit(t, dir, bin, "-fix", "-diff", "./...")
	last := lines(errOut)[len(lines(errOut))-1]
	if code != 3 || !strings.Contains(out, "+++ ") || !regexp.MustCompile(`^the diff fixes \d+ findings in \d+ files \(not applied\); \d+ findings would remain: `).MatchString(last) {
		t.Errorf("-fix -diff: exit %d, last line %q", code, last)
	}
	if after, _ := run(t, dir, bin, "./..."); len(findings(dir, after)) != len(expected(t)) {
		t.Errorf("-fix -diff changed the code")
	}
	out, errOut, code = runSplit(t, dir, bin, "-fix", "./...")
	got := lines(errOut)
	m := regexp.MustCompile(`^applied (\d+) fixes to \d+ files; (\d+) findings remain: `).FindStringSubmatch(got[len(got)-1])
	if code != 3 || m == nil {
		t.Fatalf("-fix: exit %d, stderr:\n%s", code, errOut)
	}
	after, _ := run(t, dir, bin, "./...")
	remain := findings(dir, after)
	if m[2] != strconv.Itoa(len(remain)) || len(lines(out)) != len(remain) {
		t.Errorf("-fix says %s findings remain and prints %d on stdout; a new run finds %d", m[2], len(lines(out)), len(remain))
	}
	if m[1] == "0" || len(remain) >= len(expected(t)) {
		t.Errorf("-fix applied %s fixes; %d findings before, %d after", m[1], len(expected(t)), len(remain))
	}
}
