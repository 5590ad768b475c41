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
		{DefaultCodes: map[int]string{401: "NOPE"}},
		{DefaultCodes: map[int]string{500: "NOT_FOUND"}},
		{DefaultCodes: map[int]string{200: "NOT_FOUND"}},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
	if _, err := New(Config{DefaultCodes: map[int]string{401: "SESSION_EXPIRED"}}); err != nil {
		t.Errorf("a code catalogued with its status: %v", err)
	}
}

// TestDefaultCodesFlag: -default-codes takes status=CODE pairs; the codes
// are checked against the catalog when it is loaded.
func TestDefaultCodesFlag(t *testing.T) {
	a, cfg := NewWithFlags()
	if err := a.Flags.Parse([]string{"-default-codes", "401=UNAUTHORIZED, 500=INTERNAL_ERROR"}); err != nil {
		t.Fatal(err)
	}
	if cfg.DefaultCodes[401] != "UNAUTHORIZED" || cfg.DefaultCodes[500] != "INTERNAL_ERROR" || len(cfg.DefaultCodes) != 2 {
		t.Errorf("DefaultCodes = %v", cfg.DefaultCodes)
	}
	if err := cfg.LoadCatalog(""); err != nil {
		t.Errorf("LoadCatalog: %v", err)
	}
	if err := a.Flags.Set("default-codes", "401"); err == nil || !strings.Contains(err.Error(), `"401" is not status=CODE`) {
		t.Errorf("-default-codes 401: %v", err)
	}
	a.Flags.Set("default-codes", "401=NOT_FOUND")
	if err := cfg.LoadCatalog(""); err == nil || !strings.Contains(err.Error(), "default-codes.401: NOT_FOUND is documented with 404, not 401") {
		t.Errorf("LoadCatalog with a code of another status: %v", err)
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
