package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// withConfig copies the example service and writes .apierrlint.yml and a
// catalog (the default one, with NOT_FOUND edited by edit) into it.
func withConfig(t *testing.T, yml string, edit func(string) string) string {
	t.Helper()
	dir := copyExamples(t)
	data, err := os.ReadFile("../../catalog/default.md")
	if err != nil {
		t.Fatal(err)
	}
	writeFiles(t, dir, map[string]string{
		".apierrlint.yml": yml,
		"docs/errors.md":  edit(string(data)),
	})
	return dir
}

func same(s string) string { return s }

func notFoundIs410(s string) string {
	return strings.Replace(s, "NOT_FOUND | 404", "NOT_FOUND | 410", 1)
}

func hasText(list []string, text string) bool {
	return slices.ContainsFunc(list, func(f string) bool { return strings.Contains(f, text) })
}

// TestConfigFile: .apierrlint.yml is found from the working directory
// upwards by the command and by go vet, its catalog path is relative to it,
// and flags override it.
func TestConfigFile(t *testing.T) {
	dir := withConfig(t, "catalog: docs/errors.md\ndisable: [raw-http-error]\n", notFoundIs410)
	out, _ := run(t, dir, bin, "./...")
	got := findings(dir, out)
	if !hasText(got, "NOT_FOUND is documented with 410") || hasText(got, "raw-http-error") || !hasText(got, "(docs/errors.md)") {
		t.Fatalf("the configuration file was not applied:\n%s", out)
	}
	vet, _ := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	diff(t, findings(dir, vet), got)

	// From a package directory: the same file.
	pkg := filepath.Join(dir, "internal", "handlers")
	out, _ = run(t, pkg, bin, ".")
	var want []string
	for _, f := range got {
		if rest, ok := strings.CutPrefix(f, "internal/handlers/"); ok && !strings.Contains(strings.SplitN(rest, ":", 2)[0], "/") {
			want = append(want, rest)
		}
	}
	diff(t, findings(pkg, out), want)

	// A flag overrides the file's setting.
	out, _ = run(t, dir, bin, "-disable=unknown-code", "./...")
	got = findings(dir, out)
	if !hasText(got, "raw-http-error") || hasText(got, "unknown-code") || !hasText(got, "documented with 410") {
		t.Errorf("-disable=unknown-code over the file's disable:\n%s", out)
	}
}

// TestConfigFileErrors: a broken file is a short error with the file, the
// line and the setting; go vet shows it once.
func TestConfigFileErrors(t *testing.T) {
	dir := withConfig(t, "catalog: docs/errors.md\nretry-after: [429, 200]\n", same)
	_, errOut, code := runSplit(t, dir, bin, "./...")
	if code != 2 || !strings.HasPrefix(errOut, "apierrlint: .apierrlint.yml:2: retry-after[1]: 200 is not an HTTP error status") || len(lines(errOut)) > 5 {
		t.Errorf("exit %d, stderr:\n%s", code, errOut)
	}
	out, code := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	if code == 0 || strings.Count(out, "retry-after[1]") != 1 || len(lines(out)) > 5 {
		t.Errorf("go vet: exit %d, want one short error:\n%s", code, out)
	}
}

// TestGoVetCacheSeesCatalog is the repro of the stale-result bug: go vet
// caches a package's result under a key that did not include the catalog;
// an edit to the catalog that the configuration file names now re-runs
// every package, and go vet reports what the command reports.
func TestGoVetCacheSeesCatalog(t *testing.T) {
	dir := withConfig(t, "catalog: docs/errors.md\n", same)
	out, _ := run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	before := findings(dir, out)
	if hasText(before, "documented with 410") {
		t.Fatalf("before the edit:\n%s", out)
	}
	cat := filepath.Join(dir, "docs", "errors.md")
	data, _ := os.ReadFile(cat)
	os.WriteFile(cat, []byte(notFoundIs410(string(data))), 0o644)
	out, _ = run(t, dir, "go", "vet", "-vettool="+bin, "./...")
	after := findings(dir, out)
	std, _ := run(t, dir, bin, "./...")
	want := findings(dir, std)
	if slices.Equal(after, before) || !hasText(want, "documented with 410") {
		t.Fatalf("go vet replayed its cached results after the catalog changed:\n%s", out)
	}
	diff(t, after, want)
}
