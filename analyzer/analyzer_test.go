package analyzer

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis/analysistest"
)

func cgoEnabled() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	return err == nil && strings.TrimSpace(string(out)) == "1"
}

func TestConfigValidation(t *testing.T) {
	for _, cfg := range []Config{
		{Disabled: []string{"raw-http-eror"}},
		{RetryAfterStatuses: []int{200}},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
}

// TestFixedCodeCompiles builds each package that has .golden files, with the
// fixes applied, in a copy of the testdata GOPATH: a fix that does not
// compile is a defect. The goldens are what the analyzer's fixes produce
// (TestFixtures compares them, TestGoldensHaveFixes makes sure that each
// one is compared).
func TestFixedCodeCompiles(t *testing.T) {
	skipInMutationRun(t)
	src := filepath.Join(analysistest.TestData(), "src")
	goldens := goldenFiles(t, src)
	gopath := t.TempDir()
	if err := os.CopyFS(filepath.Join(gopath, "src"), os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	pkgs := map[string]bool{}
	for _, g := range goldens {
		rel, _ := filepath.Rel(src, g)
		data, err := os.ReadFile(g)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(gopath, "src", strings.TrimSuffix(rel, ".golden")), data, 0o644); err != nil {
			t.Fatal(err)
		}
		pkgs[filepath.Dir(rel)] = true
	}
	for pkg := range pkgs {
		cmd := exec.Command("go", "build", "./"+pkg)
		cmd.Dir = filepath.Join(gopath, "src")
		cmd.Env = append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("package %s with its fixes applied does not compile: %v\n%s", pkg, err, out)
		}
	}
}

// TestRuleDocs: every rule has its page and an anchor in the index that
// Analyzer.URL#<rule-id> links to.
func TestRuleDocs(t *testing.T) {
	index, err := os.ReadFile("../docs/rules/README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range append(Rules, RuleIgnoreDirective) {
		if _, err := os.Stat("../docs/rules/" + r + ".md"); err != nil {
			t.Errorf("rule %s: %v", r, err)
		}
		if !strings.Contains(string(index), `<a id="`+r+`"></a>`) {
			t.Errorf("rule %s: no anchor in docs/rules/README.md", r)
		}
	}
	if !strings.HasSuffix(URL, "/docs/rules/README.md") {
		t.Errorf("URL = %s", URL)
	}
}
