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

// Every fixture package that runs with the default configuration is checked
// by one analysistest run: each run type-checks net/http and its
// dependencies from source, which is most of the test's time (several times
// more under -race), so the fixtures share one load.

// defaultFixtures are the fixture packages for the default configuration
// whose fixes are not golden-tested (see TestSuggestedFixes for those).
var defaultFixtures = []string{
	"raw", "unknowncode", "mismatch", "retryafter", "skipfiles", "bodyless", "started", "statustables", // the rules
	"apierr", "apiwrap", "handlers", "rahelp", "plainhelp", "plainuse", "bufhelp", "bufuse", // helpers across packages, with facts
	"ignore",                          // //apierrlint:ignore
	"errsonly", "useserrs", "nothing", // packages without net/http
	"cgohandler", // cgo: findings without fixes
	// The frameworks, through stubs of their APIs (testdata/src/github.com/...,
	// checked against the real modules by TestTables).
	"ginapp", "ginrespond", "ginuse", "echoapp", "echo5app", "fiberapp", "fiber3app", "renderapp", "restapp",
	// error-body-shape and retry-after-format; the document's own examples, clean.
	"bodyshape", "bodyshapehelp", "bodyshapeuse", "shapedecl", "shapeonce", "raformat", "docexamples",
	// Code written by apierrlint gen (internal/gen keeps the copies up to
	// date): its writer is a helper although generated files are not
	// checked; a service that uses it well, and one that misuses it.
	"genhttp/apierr", "genhttp/ok", "genhttp/bad", "gengin/apierr", "gengin/ok", "gengin/bad",
}

func TestDefaultConfig(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{})
	results := analysistest.Run(t, analysistest.TestData(), a, defaultFixtures...)
	// cgohandler: a package that uses cgo is analyzed through the files
	// cgo generates, which are its own code: findings are reported by
	// default, but without fixes (their offsets are the generated files').
	cgo := false
	for _, res := range results {
		if res.Pass.Pkg.Path() != "cgohandler" {
			continue
		}
		cgo = len(res.Diagnostics) > 0
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a file that cgo generated: %s", res.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
	if !cgo && cgoEnabled() {
		t.Errorf("cgohandler: no findings")
	}
}

func cgoEnabled() bool {
	out, err := exec.Command("go", "env", "CGO_ENABLED").Output()
	return err == nil && strings.TrimSpace(string(out)) == "1"
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
// checked too (skipfiles shows that they are not by default). The code that
// apierrlint gen writes has nothing to report even then.
func TestIncludeTestsAndGenerated(t *testing.T) {
	a := newAnalyzer(t, analyzer.Config{IncludeTests: true, IncludeGenerated: true})
	analysistest.Run(t, analysistest.TestData(), a, "withtests", "genhttp/apierr", "gengin/apierr")
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

// TestSuggestedFixes applies every fix and compares with the .golden files;
// TestFixedCodeCompiles checks that the result type-checks. fixwriter's
// fixes call an error writer inferred in another package (facts).
func TestSuggestedFixes(t *testing.T) {
	analysistest.RunWithSuggestedFixes(t, analysistest.TestData(), newAnalyzer(t, analyzer.Config{}), "fixes", "fixwriter", "fwfixes", "shapefix", "genhttp/fix", "codeonly/hand", "codeonly/othergen")
}

// TestFixedCodeCompiles builds each package that has .golden files, with the
// fixes applied, in a copy of the testdata GOPATH: a fix that does not
// compile is a defect.
func TestFixedCodeCompiles(t *testing.T) {
	src := filepath.Join(analysistest.TestData(), "src")
	goldens, _ := filepath.Glob(filepath.Join(src, "*", "*.golden"))
	deeper, _ := filepath.Glob(filepath.Join(src, "*", "*", "*.golden")) // genhttp/fix
	goldens = append(goldens, deeper...)
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
