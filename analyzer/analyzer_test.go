package analyzer_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
)

func newAnalyzer(t *testing.T, cfg analyzer.Config) *analysis.Analyzer {
	t.Helper()
	a, err := analyzer.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func TestRules(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	analysistest.Run(t, analysistest.TestData(), a, "raw", "unknowncode", "mismatch", "retryafter", "skipfiles")
}

func TestHelpersAcrossPackages(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	analysistest.Run(t, analysistest.TestData(), a, "apierr", "apiwrap", "handlers")
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), a, "fixwriter")
}

func TestConfiguredCatalog(t *testing.T) {
	cat, err := catalog.New("test catalog", []catalog.Entry{{Code: "MAINTENANCE", Status: 503}})
	if err != nil {
		t.Fatal(err)
	}
	a := newAnalyzer(t, analyzer.Config{Catalog: cat, RetryAfterStatuses: []int{429, 503}})
	analysistest.Run(t, analysistest.TestData(), a, "configured")
}

// TestIncludeTestsAndGenerated: with the flags, test and generated files are
// checked too (skipfiles shows that they are not by default).
func TestIncludeTestsAndGenerated(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{IncludeTests: true, IncludeGenerated: true})
	analysistest.Run(t, analysistest.TestData(), a, "withtests")
}

// TestDisabledRules: a disabled rule reports nothing; the others still do.
func TestDisabledRules(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{Disabled: []string{analyzer.RuleRawHTTPError, analyzer.RuleUnknownCode, analyzer.RuleStatusMismatch}})
	analysistest.Run(t, analysistest.TestData(), a, "disabled")
}

func TestConfigValidation(t *testing.T) {
	for _, cfg := range []analyzer.Config{
		{Disabled: []string{"raw-http-eror"}},
		{RetryAfterStatuses: []int{200}},
	} {
		if _, err := analyzer.New(cfg); err == nil {
			t.Errorf("New(%+v): no error", cfg)
		}
	}
}

func TestIgnoreDirectives(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newAnalyzer(t, analyzer.Config{}), "ignore")
}

// TestSuggestedFixes applies every fix and compares with the .golden files;
// TestFixedCodeCompiles checks that the result type-checks.
func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), newAnalyzer(t, analyzer.Config{}), "fixes")
}

// TestFixedCodeCompiles builds each package that has .golden files, with the
// fixes applied, in a copy of the testdata GOPATH: a fix that does not
// compile is a defect.
func TestFixedCodeCompiles(t *testing.T) {
	src := filepath.Join(analysistest.TestData(), "src")
	goldens, _ := filepath.Glob(filepath.Join(src, "*", "*.golden"))
	if len(goldens) == 0 {
		t.Fatal("no .golden files")
	}
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
	for _, r := range append(analyzer.Rules, analyzer.RuleIgnoreDirective) {
		if _, err := os.Stat("../docs/rules/" + r + ".md"); err != nil {
			t.Errorf("rule %s: %v", r, err)
		}
		if !strings.Contains(string(index), `<a id="`+r+`"></a>`) {
			t.Errorf("rule %s: no anchor in docs/rules/README.md", r)
		}
	}
	if !strings.HasSuffix(analyzer.URL, "/docs/rules/README.md") {
		t.Errorf("URL = %s", analyzer.URL)
	}
}

// TestPackagesWithoutHTTP: packages that do not import net/http are analyzed
// when they hold error types or import a package that does.
func TestPackagesWithoutHTTP(t *testing.T) {
	analysistest.Run(t, analysistest.TestData(), newAnalyzer(t, analyzer.Config{}), "errsonly", "useserrs", "nothing")
}

// TestCgo: a package that uses cgo is analyzed through the files cgo
// generates, which are its own code: findings are reported by default, but
// without fixes (their offsets are the generated files').
func TestCgo(t *testing.T) {
	if out, err := exec.Command("go", "env", "CGO_ENABLED").Output(); err != nil || strings.TrimSpace(string(out)) != "1" {
		t.Skip("cgo is not enabled (no C compiler)")
	}
	a := newAnalyzer(t, analyzer.Config{})
	for _, res := range analysistest.Run(t, analysistest.TestData(), a, "cgohandler") {
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a file that cgo generated: %s", res.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
}
