package main_test

// Integration test of the golangci-lint plugin: bin/custom-gcl (golangci-lint
// v2.15.0 with apierrlint) run on the example service with
// ../.golangci.example.yml must report what the apierrlint command reports,
// and `run --fix` must write what `apierrlint -fix` writes, byte for byte.
//
// Set APIERRLINT_CUSTOM_GCL to a prebuilt custom-gcl (make test-gcl does);
// otherwise the test builds one with build.sh (about 5 s with a warm build
// cache, minutes with a cold one). The test binary contains golangci-lint
// too (it tests package main): run go test with -trimpath, as build.sh
// builds, or golangci-lint is compiled a second time.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

var (
	customGCL  string // golangci-lint with the plugin
	standalone string // the apierrlint command
	root       string // the repository
	examples   string // the example service
	config     string // .golangci.example.yml
	cacheDir   string // GOLANGCI_LINT_CACHE of every run: results of earlier runs never leak in
)

func TestMain(m *testing.M) {
	code, err := setup(m)
	if err != nil {
		fmt.Fprintln(os.Stderr, "setup:", err)
		os.Exit(1)
	}
	os.Exit(code)
}

func setup(m *testing.M) (int, error) {
	var err error
	if root, err = filepath.Abs(".."); err != nil {
		return 0, err
	}
	examples = filepath.Join(root, "examples")
	config = filepath.Join(root, ".golangci.example.yml")

	tmp, err := os.MkdirTemp("", "apierrlint-gcl-test")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(tmp)
	cacheDir = filepath.Join(tmp, "golangci-lint-cache")

	customGCL = os.Getenv("APIERRLINT_CUSTOM_GCL")
	if customGCL == "" {
		customGCL = filepath.Join(tmp, "custom-gcl")
		if out, err := exec.Command("sh", "build.sh", customGCL).CombinedOutput(); err != nil {
			return 0, fmt.Errorf("sh build.sh: %v\n%s", err, out)
		}
	} else if customGCL, err = filepath.Abs(customGCL); err != nil {
		return 0, err
	}

	standalone = filepath.Join(tmp, "apierrlint")
	build := exec.Command("go", "build", "-o", standalone, "./cmd/apierrlint")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build ./cmd/apierrlint: %v\n%s", err, out)
	}
	return m.Run(), nil
}

// run runs name in dir and returns its stdout, stderr and exit code.
func run(t *testing.T, dir, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return runEnv(t, dir, nil, name, args...)
}

// runEnv is run with env added to the environment (a later entry wins:
// GOLANGCI_LINT_CACHE=DIR replaces cacheDir).
func runEnv(t *testing.T, dir string, env []string, name string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(append(os.Environ(), "GOLANGCI_LINT_CACHE="+cacheDir), env...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		code = exit.ExitCode()
	case err != nil:
		t.Fatalf("%s: %v", name, err)
	}
	return out.String(), errOut.String(), code
}

// golangciLint runs custom-gcl with the configuration file cfg (if cfg is
// "", the one golangci-lint finds) on ./... in dir and returns its findings
// as "FILE:LINE:COL: TEXT", FILE relative to dir, sorted.
func golangciLint(t *testing.T, dir, cfg string) []string {
	t.Helper()
	return golangciLintEnv(t, dir, cfg, nil)
}

// golangciLintEnv is golangciLint with env added to the environment and
// extra arguments to run.
func golangciLintEnv(t *testing.T, dir, cfg string, env []string, extra ...string) []string {
	t.Helper()
	args := []string{"run", "--output.json.path", "stdout", "--show-stats=false", "--path-mode=abs"}
	if cfg != "" {
		args = append(args, "-c", cfg)
	}
	args = append(args, extra...)
	stdout, stderr, code := runEnv(t, dir, env, customGCL, append(args, "./...")...)
	if code != 0 && code != 1 { // 1: issues found
		t.Fatalf("custom-gcl run: exit code %d\nstderr:\n%s\nstdout:\n%s", code, stderr, stdout)
	}
	var report struct {
		Issues []struct {
			FromLinter string
			Text       string
			Pos        struct {
				Filename     string
				Line, Column int
			}
		}
	}
	if err := json.Unmarshal([]byte(stdout), &report); err != nil {
		t.Fatalf("custom-gcl run: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	if code != 1 && len(report.Issues) > 0 || code == 1 && len(report.Issues) == 0 {
		t.Errorf("custom-gcl run: exit code %d with %d issues", code, len(report.Issues))
	}
	var list []string
	for _, is := range report.Issues {
		if is.FromLinter != "apierrlint" {
			t.Errorf("issue from linter %q, want apierrlint: %+v", is.FromLinter, is)
		}
		list = append(list, fmt.Sprintf("%s:%d:%d: %s", rel(t, dir, is.Pos.Filename), is.Pos.Line, is.Pos.Column, is.Text))
	}
	slices.Sort(list)
	return list
}

var findingRE = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// apierrlint runs the apierrlint command on ./... in dir and returns its
// findings like golangciLint.
func apierrlint(t *testing.T, dir string, args ...string) []string {
	t.Helper()
	stdout, stderr, code := run(t, dir, standalone, append(args, "./...")...)
	if code != 0 && code != 3 { // 3: findings
		t.Fatalf("apierrlint: exit code %d\n%s%s", code, stdout, stderr)
	}
	var list []string
	for _, line := range strings.Split(stdout+stderr, "\n") {
		if m := findingRE.FindStringSubmatch(line); m != nil {
			list = append(list, rel(t, dir, m[1])+":"+m[2]+":"+m[3]+": "+m[4])
		}
	}
	slices.Sort(list)
	return list
}

// rel returns file relative to dir, with forward slashes.
func rel(t *testing.T, dir, file string) string {
	t.Helper()
	if !filepath.IsAbs(file) {
		return filepath.ToSlash(filepath.Clean(file))
	}
	// golangci-lint resolves symbolic links in the working directory.
	if d, err := filepath.EvalSymlinks(dir); err == nil {
		if r, err := filepath.Rel(d, file); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
	}
	r, err := filepath.Rel(dir, file)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.ToSlash(r)
}

func expectedFindings(t *testing.T) []string {
	t.Helper()
	return expectedIn(t, examples)
}

// expectedIn reads dir/expected.txt. An empty list fails: a comparison
// with it would only check that nothing is found.
func expectedIn(t *testing.T, dir string) []string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, "expected.txt"))
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
		t.Fatalf("%s/expected.txt lists no findings", dir)
	}
	slices.Sort(list)
	return list
}

// diff reports the findings missing from got and the unexpected ones.
func diff(t *testing.T, what string, got, want []string) {
	t.Helper()
	var missing, extra []string
	for _, w := range want {
		if !slices.Contains(got, w) {
			missing = append(missing, w)
		}
	}
	for _, g := range got {
		if !slices.Contains(want, g) {
			extra = append(extra, g)
		}
	}
	if len(missing) > 0 || len(extra) > 0 || len(got) != len(want) {
		t.Errorf("%s: %d findings, want %d\nmissing:\n\t%s\nunexpected:\n\t%s", what, len(got), len(want),
			strings.Join(missing, "\n\t"), strings.Join(extra, "\n\t"))
	}
}

func TestExampleService(t *testing.T) {
	got := golangciLint(t, examples, config)
	want := expectedFindings(t)
	diff(t, "custom-gcl on examples/ vs examples/expected.txt", got, want)

	// Each rule shows up, its id first in the text.
	for _, rule := range []string{"raw-http-error", "unknown-code", "status-mismatch", "missing-retry-after", "error-body-shape", "retry-after-format", "default-error-response"} {
		if !slices.ContainsFunc(got, func(f string) bool { return strings.Contains(f, ": "+rule+": ") }) {
			t.Errorf("no %s finding", rule)
		}
	}
}

// TestFrameworkExamples: the plugin reports exactly the expected findings on
// each framework example (a module of its own), as the command does.
func TestFrameworkExamples(t *testing.T) {
	for _, fw := range []string{"gin", "echo", "fiber", "chi"} {
		t.Run(fw, func(t *testing.T) {
			dir := filepath.Join(examples, fw)
			diff(t, "custom-gcl on examples/"+fw+" vs its expected.txt", golangciLint(t, dir, config), expectedIn(t, dir))
		})
	}
}

func TestSameAsStandalone(t *testing.T) {
	gcl := golangciLint(t, examples, config)
	std := apierrlint(t, examples)
	if len(std) == 0 {
		t.Fatal("apierrlint reported nothing on examples/")
	}
	diff(t, "custom-gcl vs apierrlint on examples/", gcl, std)
}

// TestRendererFacts: the plugin reports the findings that come through a
// central error renderer's facts (the module cmd/apierrlint/testdata/renderers:
// a renderer, its error type and the values in three packages), as the
// command does.
func TestRendererFacts(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "cmd", "apierrlint", "testdata", "renderers"))); err != nil {
		t.Fatal(err)
	}
	std := apierrlint(t, dir)
	if len(std) != 2 {
		t.Fatalf("apierrlint reported %d findings on the renderers module, want 2: %q", len(std), std)
	}
	diff(t, "custom-gcl vs apierrlint on the renderers module", golangciLint(t, dir, config), std)
}

// copyExamples copies the example service to a new directory.
func copyExamples(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir(examples, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		r, _ := filepath.Rel(examples, path)
		target := filepath.Join(dst, r)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestNolint(t *testing.T) {
	want := apierrlint(t, examples)
	// Silence the first finding that is alone on its line.
	var target string
	for _, f := range want {
		file, line, _ := position(f)
		n := 0
		for _, g := range want {
			if gf, gl, _ := position(g); gf == file && gl == line {
				n++
			}
		}
		if n == 1 {
			target = f
			break
		}
	}
	if target == "" {
		t.Fatal("no finding alone on its line")
	}
	file, line, _ := position(target)

	dir := copyExamples(t)
	path := filepath.Join(dir, filepath.FromSlash(file))
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	lines[line-1] += " //nolint:apierrlint // planted by the integration test"
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}

	got := golangciLint(t, dir, config)
	diff(t, "custom-gcl with //nolint:apierrlint on "+file+":"+strconv.Itoa(line), got,
		slices.DeleteFunc(slices.Clone(want), func(f string) bool { return f == target }))

	// The linter name is what //nolint refers to: another name does not
	// silence the finding.
	lines[line-1] = strings.Replace(lines[line-1], "//nolint:apierrlint", "//nolint:errcheck", 1)
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	diff(t, "custom-gcl with //nolint:errcheck", golangciLint(t, dir, config), want)
}

func position(finding string) (file string, line int, ok bool) {
	m := findingRE.FindStringSubmatch(finding)
	if m == nil {
		return "", 0, false
	}
	n, _ := strconv.Atoi(m[2])
	return m[1], n, true
}

// writeConfig writes the example configuration with its settings block
// replaced by settings (YAML lines indented by 10 spaces, or none).
func writeConfig(t *testing.T, dir string, settings ...string) string {
	t.Helper()
	data, err := os.ReadFile(config)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	in := false
	for _, line := range strings.Split(string(data), "\n") {
		switch {
		case strings.TrimSpace(line) == "settings:" && strings.HasPrefix(line, "        settings:"):
			in = true
			out = append(out, line)
			for _, s := range settings {
				out = append(out, "          "+s)
			}
			continue
		case in && (strings.HasPrefix(line, "          ") || strings.TrimSpace(line) == ""):
			continue
		}
		in = false
		out = append(out, line)
	}
	path := filepath.Join(dir, ".golangci.yml")
	if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestBadSettings(t *testing.T) {
	tests := []struct {
		settings []string
		want     string
	}{
		{[]string{"catlog: docs/errors.md"},
			`apierrlint: settings: unknown setting "catlog" (did you mean "catalog"?)`},
		{[]string{"retry-after: [429, 200]"},
			`apierrlint: settings: retry-after[1]: 200 is not an HTTP error status (400-599)`},
		{[]string{"disable: [raw-http-errors]"},
			`apierrlint: settings: disable[0]: unknown rule "raw-http-errors"; did you mean raw-http-error?`},
		{[]string{"codes:", "  - code: NOT_FOUND", "    stauts: 404"},
			`apierrlint: settings: codes[0]: unknown key "stauts" (did you mean "status"?)`},
		{[]string{"catalog: docs/errors.md", "codes:", "  - code: NOT_FOUND", "    status: 404"},
			`apierrlint: settings: catalog and codes are both set`},
		{[]string{"catalog: no-such-catalog.md"},
			`apierrlint: settings: catalog: no-such-catalog.md: no such file in `},
		// YAML reads a bare 120 as a number.
		{[]string{"retry-after-value: 120"},
			`apierrlint: settings: retry-after-value: want the header value (a string such as "60"; quote numbers), got the number 120`},
		{[]string{`retry-after-value: ""`},
			`apierrlint: settings: retry-after-value: the value is empty`},
		{[]string{`retry-after-value: "60\nX-Injected: 1"`},
			`apierrlint: settings: retry-after-value: retry-after value "60\nX-Injected: 1" is not a whole number of seconds`},
		{[]string{"error-writer: example.com/petstore/internal/apierr"},
			`apierrlint: settings: error-writer: "example.com/petstore/internal/apierr" has no dot after the last slash`},
		{[]string{"error-writer: example.com/petstore/internal/apierr.Write()"},
			`apierrlint: settings: error-writer: "example.com/petstore/internal/apierr.Write()": "Write()" is not a Go identifier`},
	}
	for _, tt := range tests {
		t.Run(tt.settings[0], func(t *testing.T) {
			cfg := writeConfig(t, t.TempDir(), tt.settings...)
			stdout, stderr, code := run(t, examples, customGCL, "run", "-c", cfg, "./...")
			if code == 0 || code == 1 {
				t.Fatalf("exit code %d, want a failure\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr does not contain %q:\n%s", tt.want, stderr)
			}
		})
	}
}

// TestSettings: inline codes, a catalog file found from a subdirectory (the
// working directory of golangci-lint, then its parents), disabled rules.
func TestSettings(t *testing.T) {
	dir := copyExamples(t)
	all := apierrlint(t, dir)

	// A catalog that documents PAYMENT_REQUIRED as well: the unknown-code
	// finding for it goes away, and the example's status table, which has
	// no entry for it and sends it with 500, draws a status-mismatch at its
	// fallback instead; nothing else changes.
	def, err := os.ReadFile(filepath.Join(root, "catalog", "default.md"))
	if err != nil {
		t.Fatal(err)
	}
	cat := string(def) + "\n| Code | HTTP Status |\n|---|---|\n| PAYMENT_REQUIRED | 402 |\n"
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "docs", "errors.md"), []byte(cat), 0o644); err != nil {
		t.Fatal(err)
	}
	// The same relative path as the plugin's setting: unknown-code names
	// the catalog as given.
	withCatalog := apierrlint(t, dir, "-catalog", "docs/errors.md")
	if len(withCatalog) != len(all) || !slices.ContainsFunc(withCatalog, func(f string) bool {
		return strings.Contains(f, "status-mismatch: the status table has no entry for PAYMENT_REQUIRED (documented with 402), which fall back to 500 here")
	}) || slices.ContainsFunc(withCatalog, func(f string) bool { return strings.Contains(f, "unknown-code: PAYMENT_REQUIRED") }) {
		t.Fatalf("apierrlint -catalog: %d findings, want %d: PAYMENT_REQUIRED's unknown-code replaced by the fallback's status-mismatch\n%s", len(withCatalog), len(all), strings.Join(withCatalog, "\n"))
	}

	cfg := writeConfig(t, dir, "catalog: docs/errors.md")
	diff(t, "catalog: docs/errors.md, from the module root", golangciLint(t, dir, cfg), withCatalog)

	// From a package directory, with the configuration and the catalog found
	// in a parent directory (no -c).
	sub := filepath.Join(dir, "internal", "handlers")
	var inSub []string
	for _, f := range withCatalog {
		if r, ok := strings.CutPrefix(f, "internal/handlers/"); ok {
			inSub = append(inSub, r)
		}
	}
	diff(t, "catalog: docs/errors.md, from internal/handlers", golangciLint(t, sub, ""), inSub)

	// Rules off, inline codes: compare with the command's flags.
	cfg = writeConfig(t, dir,
		"codes:",
		"  - code: NOT_FOUND",
		"    status: 404",
		"  - code: RATE_LIMIT_EXCEEDED",
		"    status: 429",
		"retry-after: [429, 503]",
		"disable: [raw-http-error]",
	)
	inline := filepath.Join(t.TempDir(), "inline.json")
	if err := os.WriteFile(inline, []byte(`[{"code": "NOT_FOUND", "status": 404}, {"code": "RATE_LIMIT_EXCEEDED", "status": 429}]`), 0o644); err != nil {
		t.Fatal(err)
	}
	want := apierrlint(t, dir, "-catalog", inline, "-retry-after", "429,503", "-disable", "raw-http-error")
	if len(want) == 0 || slices.Equal(want, all) {
		t.Fatalf("apierrlint with flags: %d findings, want a different, non-empty set", len(want))
	}
	// unknown-code names the catalog: the file for the command, the
	// settings for the plugin.
	for i, w := range want {
		want[i] = strings.Replace(w, "("+inline+")", "(golangci-lint settings codes)", 1)
	}
	diff(t, "inline codes, retry-after, disable", golangciLint(t, dir, cfg), want)
}

func TestVersion(t *testing.T) {
	stdout, stderr, code := run(t, examples, customGCL, "version")
	want := "v2.15.0"
	if os.Getenv("APIERRLINT_CUSTOM_GCL") == "" {
		want = "v2.15.0-custom-gcl-apierrlint-" // built by build.sh
	}
	if code != 0 || !strings.Contains(stdout+stderr, want) {
		t.Errorf("custom-gcl version: exit code %d, output %q; want %s", code, stdout+stderr, want)
	}
}

// fixCase is one `golangci-lint run --fix` on a copy of the example service,
// compared with `apierrlint -fix` on another copy.
type fixCase struct {
	settings []string // the settings block of the configuration; nil: .golangci.example.yml as it is
	flags    []string // the same settings as apierrlint flags
	fixed    []fixed  // findings that must be gone, and how their lines read after the fix
	kept     []fixed  // findings that must stay, and how their lines read
}

// fixed names a finding of examples/expected.txt by FILE:LINE: and rule id.
// After the fix, line line of FILE reads text (without indentation).
type fixed struct {
	at, rule string
	line     int
	text     string
}

func TestFix(t *testing.T) {
	before := golangciLint(t, examples, config)

	t.Run("defaults", func(t *testing.T) {
		testFix(t, before, fixCase{
			fixed: []fixed{
				{"internal/handlers/pets.go:57:", "raw-http-error", 57, `apierr.Write(w, r, http.StatusNotFound, apierr.CodeNotFound, "not found")`},
				{"internal/handlers/users.go:32:", "unknown-code", 32, `apierr.Write(w, r, http.StatusNotFound, "NOT_FOUND", "user not found")`},
				{"internal/apierr/codes.go:45:", "status-mismatch", 45, `CodeValidation:         http.StatusUnprocessableEntity,`},
				{"internal/middleware/ratelimit.go:91:", "missing-retry-after", 91, `w.Header().Set("Retry-After", "60")`},
			},
		})
	})

	// The fix settings reach the analyzer: the Retry-After value is the
	// configured one, and an error writer that takes no status and code (so
	// is no candidate) means no raw-http-error fix.
	t.Run("retry-after-value and error-writer", func(t *testing.T) {
		const writer = "example.com/petstore/internal/respond.Err"
		testFix(t, before, fixCase{
			settings: []string{`retry-after-value: "120"`, "error-writer: " + writer},
			flags:    []string{"-retry-after-value", "120", "-error-writer", writer},
			fixed: []fixed{
				{"internal/handlers/users.go:32:", "unknown-code", 32, `apierr.Write(w, r, http.StatusNotFound, "NOT_FOUND", "user not found")`},
				{"internal/middleware/ratelimit.go:91:", "missing-retry-after", 91, `w.Header().Set("Retry-After", "120")`},
			},
			kept: []fixed{
				{"internal/handlers/pets.go:57:", "raw-http-error", 57, `http.NotFound(w, r)`},
			},
		})
	})
}

func testFix(t *testing.T, before []string, tc fixCase) {
	cfg := config
	if tc.settings != nil {
		cfg = writeConfig(t, t.TempDir(), tc.settings...)
		// The findings before the fix, with the same settings: a message
		// may name the configured error writer.
		before = golangciLintEnv(t, copyExamples(t), cfg, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()})
	}

	// golangci-lint --fix. It reports the findings that it did not fix, at
	// their positions before the fix.
	dir := copyExamples(t)
	fixRun := golangciLintEnv(t, dir, cfg, nil, "--fix")

	// (a) The fixed code builds.
	build := exec.Command("go", "build", "./...")
	build.Dir = dir
	if out, err := build.CombinedOutput(); err != nil {
		t.Errorf("go build ./... after golangci-lint --fix: %v\n%s", err, out)
	}

	// (b) A new run, with an empty cache, no longer reports the fixed
	// findings, and still reports the kept ones.
	after := golangciLintEnv(t, dir, cfg, []string{"GOLANGCI_LINT_CACHE=" + t.TempDir()})
	for _, f := range tc.fixed {
		text := findingText(t, before, f)
		if n := countText(after, text); n != 0 {
			t.Errorf("after --fix: %s still reported:\n\t%s", f.at+" "+f.rule, strings.Join(withText(after, text), "\n\t"))
		}
		if n := countText(fixRun, text); n != 0 {
			t.Errorf("the --fix run reports the fixed finding %s", f.at+" "+text)
		}
		checkLine(t, dir, f)
	}
	for _, f := range tc.kept {
		text := findingText(t, before, f)
		if countText(after, text) != 1 || countText(fixRun, text) != 1 {
			t.Errorf("%s %s: reported %d times by the --fix run and %d times after it, want once each (it has no fix)",
				f.at, f.rule, countText(fixRun, text), countText(after, text))
		}
		checkLine(t, dir, f)
	}

	// (c) Fewer findings; the --fix run reported exactly what is left, at
	// the positions before the fix (the findings of before).
	if len(after) >= len(before) {
		t.Errorf("%d findings after --fix, %d before: want fewer", len(after), len(before))
	}
	for _, f := range fixRun {
		if !slices.Contains(before, f) {
			t.Errorf("the --fix run reports %s, which is not a finding before the fix", f)
		}
	}
	if a, b := textsOf(fixRun), textsOf(after); !slices.Equal(a, b) {
		t.Errorf("the --fix run reports other findings than a run after it:\n--fix run:\n\t%s\nafter:\n\t%s",
			strings.Join(fixRun, "\n\t"), strings.Join(after, "\n\t"))
	}
	// The command agrees on the fixed code.
	diff(t, "custom-gcl vs apierrlint on the fixed code", after, apierrlint(t, dir, tc.flags...))

	// (d) apierrlint -fix on another copy gives the same files.
	std := copyExamples(t)
	if stdout, stderr, code := run(t, std, standalone, append(slices.Clone(tc.flags), "-fix", "./...")...); code != 0 && code != 3 { // 3: findings without a fix remain
		t.Fatalf("apierrlint -fix: exit code %d\n%s%s", code, stdout, stderr)
	}
	compareGoFiles(t, dir, std)
}

// findingText returns the text ("rule: message") of the finding of list
// that starts with f.at and has rule f.rule; there must be exactly one.
func findingText(t *testing.T, list []string, f fixed) string {
	t.Helper()
	var texts []string
	for _, g := range list {
		if rest, ok := strings.CutPrefix(g, f.at); ok {
			if _, text, ok := strings.Cut(rest, ": "); ok && strings.HasPrefix(text, f.rule+": ") {
				texts = append(texts, text)
			}
		}
	}
	if len(texts) != 1 {
		t.Fatalf("%d findings %s%s before the fix, want 1", len(texts), f.at, f.rule)
	}
	return fileOf(f.at) + ": " + texts[0]
}

// textOf is "FILE: TEXT" of a finding: without its line and column, which
// fixes above it shift.
func textOf(finding string) string {
	m := findingRE.FindStringSubmatch(finding)
	if m == nil {
		return finding
	}
	return m[1] + ": " + m[4]
}

func textsOf(list []string) []string {
	var out []string
	for _, f := range list {
		out = append(out, textOf(f))
	}
	slices.Sort(out)
	return out
}

func countText(list []string, text string) int { return len(withText(list, text)) }

func withText(list []string, text string) []string {
	var out []string
	for _, f := range list {
		if textOf(f) == text {
			out = append(out, f)
		}
	}
	return out
}

// fileOf is FILE of "FILE:LINE:".
func fileOf(at string) string {
	file, _, _ := strings.Cut(at, ":")
	return file
}

// checkLine checks that line f.line of f's file in dir reads f.text.
func checkLine(t *testing.T, dir string, f fixed) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(fileOf(f.at))))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	if f.line > len(lines) || strings.TrimSpace(lines[f.line-1]) != f.text {
		got := "(no such line)"
		if f.line <= len(lines) {
			got = strings.TrimSpace(lines[f.line-1])
		}
		t.Errorf("%s:%d after --fix reads\n\t%s\nwant\n\t%s", fileOf(f.at), f.line, got, f.text)
	}
}

// compareGoFiles reports every .go file that differs between the trees a
// (golangci-lint --fix) and b (apierrlint -fix), or exists in one only.
func compareGoFiles(t *testing.T, a, b string) {
	t.Helper()
	fa, fb := goFiles(t, a), goFiles(t, b)
	if len(fa) == 0 {
		t.Fatal("no .go files")
	}
	for _, f := range fa {
		if !slices.Contains(fb, f) {
			t.Errorf("%s: only in the golangci-lint copy", f)
			continue
		}
		da, err := os.ReadFile(filepath.Join(a, f))
		if err != nil {
			t.Fatal(err)
		}
		db, err := os.ReadFile(filepath.Join(b, f))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(da, db) {
			t.Errorf("%s: golangci-lint --fix and apierrlint -fix differ:\n%s", f, fileDiff(filepath.Join(a, f), filepath.Join(b, f), string(da), string(db)))
		}
	}
	for _, f := range fb {
		if !slices.Contains(fa, f) {
			t.Errorf("%s: only in the apierrlint copy", f)
		}
	}
}

func goFiles(t *testing.T, dir string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			r, _ := filepath.Rel(dir, path)
			files = append(files, filepath.ToSlash(r))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(files)
	return files
}

// fileDiff shows how the files a (golangci-lint) and b (apierrlint) differ:
// diff -u if there is a diff command, else lineDiff.
func fileDiff(a, b, da, db string) string {
	if _, err := exec.LookPath("diff"); err == nil {
		out, _ := exec.Command("diff", "-u", "--label", "golangci-lint --fix", "--label", "apierrlint -fix", a, b).CombinedOutput()
		if len(out) > 0 {
			return string(out)
		}
	}
	return lineDiff(da, db)
}

// lineDiff shows the lines that differ between a (golangci-lint) and b
// (apierrlint), from the first difference, with invisible characters quoted.
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(la), len(lb)) && len(out) < 20; i++ {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y || i >= len(la) || i >= len(lb) {
			out = append(out, fmt.Sprintf("line %d:\n\tgolangci-lint: %q\n\tapierrlint:    %q", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

// TestBaseline: the plugin's baseline setting hides the findings of a
// baseline that the command wrote, as the command's -baseline does, after
// edits that move lines: both compute the fingerprints in the analyzer. A
// relative path is looked up as catalog is.
func TestBaseline(t *testing.T) {
	dir := copyExamples(t)
	if _, stderr, code := run(t, dir, standalone, "-write-baseline=baseline.json", "./..."); code != 0 {
		t.Fatalf("apierrlint -write-baseline: exit %d\n%s", code, stderr)
	}
	// Every line of pets.go moves down, and it gets a finding more.
	pets := filepath.Join(dir, "internal", "handlers", "pets.go")
	data, err := os.ReadFile(pets)
	if err != nil {
		t.Fatal(err)
	}
	src := strings.Replace(string(data), "\nimport (", "\n// Moved.\n// Down.\n\nimport (", 1) +
		"\nfunc Gone(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n"
	if err := os.WriteFile(pets, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	want := apierrlint(t, dir, "-baseline=baseline.json")
	if len(want) != 1 || !strings.Contains(want[0], "internal/handlers/pets.go:") || !strings.Contains(want[0], "http.NotFound sends a plain-text 404") {
		t.Fatalf("apierrlint -baseline after the edit: %q, want the new finding only", want)
	}
	cfg := writeConfig(t, dir, "baseline: baseline.json")
	diff(t, "baseline: baseline.json", golangciLint(t, dir, cfg), want)
	// From a package directory: found in a parent.
	pkg := filepath.Join(dir, "internal", "handlers")
	var inPkg []string
	for _, f := range golangciLint(t, pkg, cfg) {
		inPkg = append(inPkg, "internal/handlers/"+f)
	}
	diff(t, "baseline: baseline.json, from internal/handlers", inPkg, want)

	cfg = writeConfig(t, t.TempDir(), "baseline: no-such-baseline.json")
	_, stderr, code := run(t, dir, customGCL, "run", "-c", cfg, "./...")
	if code == 0 || code == 1 || !strings.Contains(stderr, "apierrlint: settings: baseline: no-such-baseline.json: no such file in ") {
		t.Errorf("a missing baseline: exit %d\n%s", code, stderr)
	}
}
