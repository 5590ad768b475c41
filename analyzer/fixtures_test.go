package analyzer

import (
	"bytes"
	"cmp"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/analysistest"

	"github.com/apierrlint/apierrlint/catalog"
)

// The analyzer's fixtures (testdata/src) are checked by one analysistest
// run: loading them type-checks net/http and its dependencies from source,
// which is most of the time a run takes, so every fixture package is loaded
// once and analyzed with the configuration of its set (fixtureSets), through
// an analyzer that picks the configuration by package. The tests that need
// the loaded packages (the fixes' goldens, the want patterns, the table
// rows) share that run.

// fixtureSet is the fixture packages analyzed with one configuration.
type fixtureSet struct {
	name string
	cfg  func() (Config, error)
	pkgs []string
}

var fixtureSets = []fixtureSet{
	{"default configuration", func() (Config, error) { return Config{}, nil }, []string{
		"raw", "unknowncode", "mismatch", "retryafter", "skipfiles", "bodyless", "started", "statustables", // the rules
		"apierr", "apiwrap", "handlers", "rahelp", "plainhelp", "plainuse", "bufhelp", "bufuse", // helpers across packages, with facts
		"ignore",                          // //apierrlint:ignore
		"errsonly", "useserrs", "nothing", // packages without net/http
		"cgohandler", // cgo: findings without fixes
		"casekeys",   // keys and field names in other cases
		"testhelp",   // test code outside _test.go files
		"fieldlevel", // codes under "details"
		// The frameworks, through stubs of their APIs (testdata/src/github.com/...,
		// checked against the real modules by TestTables).
		"ginapp", "ginrespond", "ginuse", "echoapp", "echo5app", "fiberapp", "fiber3app", "renderapp", "restapp",
		// error-body-shape and retry-after-format; the document's own examples, clean.
		"bodyshape", "bodyshapehelp", "bodyshapeuse", "shapedecl", "shapeonce", "shapedefault", "raformat", "docexamples",
		// Code written by apierrlint gen (internal/gen keeps the copies up to
		// date): its writer is a helper although generated files are not
		// checked; a service that uses it well, and one that misuses it.
		"genhttp/ok", "genhttp/bad", "gengin/ok", "gengin/bad",
		// Fixes, with their .golden files; fixwriter's fixes call an error
		// writer inferred in another package (facts).
		"fixes", "fixwriter", "fwfixes", "shapefix", "genhttp/fix", "gengin/fix", "codeonly/hand", "codeonly/othergen",
		// default-error-response: the defaults of each framework kept, and
		// replaced (in the function, in the package, by a helper of another
		// package); escapes the analysis cannot follow.
		"defaults/fiber2", "defaults/fiber2ok", "defaults/fiber3", "defaults/echo4", "defaults/echo4ok",
		"defaults/echo5", "defaults/echo5ok", "defaults/echo5set", "defaults/fiber3ok", "defaults/gin", "defaults/ginok", "defaults/nethttp", "defaults/nethttpok",
		// ... and the packages they import: routes registered, errors and
		// engines set up in other packages.
		"defaults/echo4errs", "defaults/echo4routes", "defaults/fiber2routes", "defaults/ginsetup",
		// Central error renderers and the error values they render, across
		// packages: a renderer in one package (rendx/xrender), the error type
		// in another (rendx/xerr), the values built in a third that imports
		// both (rendx/handlers) or only the type's (rendx/norender: silent),
		// the renderers installed in a fourth (rendx/app); rendfix's fixes.
		"rendx/app", "rendx/app2", "rendx/handlers", "rendx/norender", "rendx/xerr", "rendx/xother", "rendx/xrender",
		"rendfiber", "rendfiber3/bad", "rendfiber3/ok", "rendgin", "rendhttp", "rendecho5",
		"rendtype/apierr", "rendtype/bytype", "rendtype/svc", "rendtype/use", "rendfix",
		// Functional options: the type, its options and the constructor that
		// applies them in one package (optvals/apierr; optvals/echoerr with
		// its echo renderer), their calls in another (optvals/use).
		"optvals/apierr", "optvals/echoerr", "optvals/plainerr", "optvals/use",
	}},
	// A catalog that documents MAINTENANCE as 503, with -retry-after=429,503,
	// the fixes' Retry-After value and error writer configured.
	{"configured catalog", func() (Config, error) {
		cat, err := catalog.New("test catalog", []catalog.Entry{{Code: "MAINTENANCE", Status: 503}, {Code: "SLOW_DOWN", Status: 429}})
		return Config{Catalog: cat, RetryAfterStatuses: []int{429, 503}, RetryAfterValue: "120", ErrorWriter: "configured.writeError"}, err
	}, []string{"configured"}},
	// error-writer names the writer that apierrlint gen wrote for gin: the
	// raw-http-error fix of a handler that takes w and r calls the net/http
	// writer that gen wrote beside it.
	{"error-writer of gen's package", func() (Config, error) {
		return Config{ErrorWriter: "gengin/apierr.Write"}, nil
	}, []string{"gengin/fixcfg"}},
	// Right after apierrlint gen: -error-writer names the generated
	// package (fixgen/*/apierr, stand-ins of gen's output), which no file
	// imports yet; -default-codes gives 401 its code. One set per
	// framework, as each one's gen writes another API.
	fixGenSet("gin"), fixGenSet("echo4"), fixGenSet("echo5"), fixGenSet("fiber2"), fixGenSet("fiber3"), fixGenSet("nethttp"),
	// An OpenAPI document that defines no codes: no code is unknown.
	{"OpenAPI document without codes", func() (Config, error) {
		cat, err := catalog.Parse("api.yaml", []byte("openapi: 3.0.3\ninfo: {title: t, version: '1'}\npaths: {}\n"))
		return Config{Catalog: cat}, err
	}, []string{"nocodes"}},
	// With the flags, test and generated files are checked too (skipfiles
	// shows that they are not by default). The code that apierrlint gen
	// writes has nothing to report even then.
	{"tests and generated files", func() (Config, error) {
		return Config{IncludeTests: true, IncludeGenerated: true}, nil
	}, []string{"withtests", "genhttp/apierr", "gengin/apierr"}},
	// A disabled rule reports nothing; the others still do.
	{"disabled rules", func() (Config, error) {
		return Config{Disabled: []string{RuleRawHTTPError, RuleUnknownCode, RuleStatusMismatch}}, nil
	}, []string{"disabled"}},
	{"disabled ignore-directive", func() (Config, error) {
		return Config{Disabled: []string{RuleIgnoreDirective}}, nil
	}, []string{"ignoreoff"}},
	// The error body's shape as configured (shape: preset problem, preset
	// envelope): the keys checked and the code read where the shape puts it.
	{"problem shape", func() (Config, error) {
		s := catalog.ProblemShape()
		return Config{Shape: &s}, nil
	}, []string{"shapeproblem"}},
	{"the catalog's shape", func() (Config, error) {
		cat, err := catalog.ParseMarkdown("errors.md", []byte("```json\n{\"error_code\": \"NOT_FOUND\", \"error\": \"what went wrong\", \"trace_id\": \"optional trace id\"}\n```\n\n| Code | HTTP Status |\n|---|---|\n| NOT_FOUND | 404 |\n| CONFLICT | 409 |\n"))
		return Config{Catalog: cat}, err
	}, []string{"shapecatalog"}},
	{"envelope shape", func() (Config, error) {
		s := catalog.EnvelopeShape("error")
		return Config{Shape: &s}, nil
	}, []string{"shapeenvelope"}},
	// undocumented-status: a catalog with OpenAPI operations (routesOps),
	// routes in each framework's syntax, and routes composed across
	// packages (routes/composed and the packages it imports).
	{"openapi operations", func() (Config, error) {
		// The apps' default error answers are default-error-response's
		// fixtures' business.
		return Config{Catalog: catalog.Default().With(nil, routesOps), Disabled: []string{RuleDefaultErrorResponse}}, nil
	}, []string{
		"routes/nethttp", "routes/gin", "routes/echo", "routes/echo5", "routes/fiber", "routes/fiber3", "routes/chi",
		"routes/composed", "routes/composed/vets", "routes/composed/owners", "routes/composed/api",
	}},
	// The routes collected for `apierrlint routes` (Config.Routes), also
	// with undocumented-status disabled (TestCollectRoutes).
	{"collected routes", func() (Config, error) {
		return Config{Catalog: catalog.Default().With(nil, routesOps), Routes: true, Disabled: []string{RuleDefaultErrorResponse, RuleUndocumentedStatus}}, nil
	}, []string{"routes/collect"}},
	// default-error-response can be switched off alone.
	{"disabled default-error-response", func() (Config, error) {
		return Config{Disabled: []string{RuleDefaultErrorResponse}}, nil
	}, []string{"defaults/disabled"}},
}

// fixGenSet is the fixture set of fixgen/<fw>app, whose error writer is
// fixgen/<fw>/apierr.Write.
func fixGenSet(fw string) fixtureSet {
	return fixtureSet{"gen's writer for " + fw, func() (Config, error) {
		return Config{ErrorWriter: "fixgen/" + fw + "/apierr.Write", DefaultCodes: map[int]string{401: "UNAUTHORIZED"}}, nil
	}, []string{"fixgen/" + fw + "app"}}
}

// fixtureRun is the shared analysistest run of every fixture package.
type fixtureRun struct {
	results []*analysistest.Result
	errs    []string // what analysistest reported: unexpected or missing findings and facts, fixes that differ from the goldens
	gopath  string
}

// errorRecorder is the analysistest.Testing of the shared run: the errors
// are reported by TestFixtures, whichever test ran the fixtures first.
type errorRecorder struct {
	mu   sync.Mutex
	errs []string
}

func (r *errorRecorder) Errorf(format string, args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// fixtureAnalyzer returns one analyzer for the whole run, with each
// package's configuration (a dependency is analyzed, for its facts, with
// its own set's, or the default), and the fixture packages.
func fixtureAnalyzer() (*analysis.Analyzer, []string, error) {
	byPkg := map[string]*analysis.Analyzer{}
	var all []string
	var def *analysis.Analyzer
	for _, set := range fixtureSets {
		cfg, err := set.cfg()
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", set.name, err)
		}
		a, err := New(cfg)
		if err != nil {
			return nil, nil, fmt.Errorf("%s: %v", set.name, err)
		}
		if def == nil {
			def = a
		}
		for _, pkg := range set.pkgs {
			if byPkg[pkg] != nil {
				return nil, nil, fmt.Errorf("package %s is in two fixture sets", pkg)
			}
			byPkg[pkg] = a
			all = append(all, pkg)
		}
	}
	pick := *def
	pick.Run = func(pass *analysis.Pass) (any, error) {
		a := byPkg[strings.TrimSuffix(pass.Pkg.Path(), "_test")]
		if a == nil {
			a = def
		}
		return a.Run(pass)
	}
	return &pick, all, nil
}

var sharedFixtures = sync.OnceValues(func() (*fixtureRun, error) {
	a, pkgs, err := fixtureAnalyzer()
	if err != nil {
		return nil, err
	}
	rec := &errorRecorder{}
	dir := analysistest.TestData()
	results := analysistest.RunWithSuggestedFixes(rec, dir, a, pkgs...)
	return &fixtureRun{results: results, errs: rec.errs, gopath: dir}, nil
})

// fixtures returns the shared run of the fixtures.
func fixtures(t *testing.T) *fixtureRun {
	t.Helper()
	run, err := sharedFixtures()
	if err != nil {
		t.Fatal(err)
	}
	if len(run.results) == 0 {
		t.Fatal("the fixtures did not load (see TestFixtures)")
	}
	return run
}

var update = flag.Bool("update", false, "rewrite the .golden file of each fixture file that gets fixes with the result of its fixes (review the diff)")

// TestFixtures: each fixture package reports exactly the findings and
// facts of its // want comments, and every file that gets a fix has a
// .golden file with the result of all its fixes (analysistest's
// RunWithSuggestedFixes). go test -run TestFixtures -update rewrites the
// goldens.
func TestFixtures(t *testing.T) {
	run, err := sharedFixtures()
	if err != nil {
		t.Fatal(err)
	}
	if *update {
		writeGoldens(t, run)
	}
	for _, e := range run.errs {
		if !*update || !strings.Contains(e, ".golden") {
			t.Error(e)
		}
	}
	// Every fixture package is in a set, so that it is checked.
	src := filepath.Join(run.gopath, "src")
	var sets []string
	for _, set := range fixtureSets {
		sets = append(sets, set.pkgs...)
	}
	seen := map[string]bool{}
	err = filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && path != src && (d.Name() == "github.com" || d.Name() == "realapi") {
			return filepath.SkipDir
		}
		if !d.IsDir() && strings.HasSuffix(path, ".go") {
			rel, _ := filepath.Rel(src, filepath.Dir(path))
			rel = filepath.ToSlash(rel)
			if !slices.Contains(sets, rel) && !dependencyOnly[rel] && !seen[rel] {
				t.Errorf("fixture package %s is in no fixture set (fixtures_test.go)", rel)
				seen[rel] = true
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// dependencyOnly are fixture packages that are only imported by others.
var dependencyOnly = map[string]bool{
	"gengin/reqid": true,
	// gen's output, which the fixes of fixgen/*app make them import.
	"fixgen/gin/apierr": true, "fixgen/echo4/apierr": true, "fixgen/echo5/apierr": true,
	"fixgen/fiber2/apierr": true, "fixgen/fiber3/apierr": true, "fixgen/nethttp/apierr": true,
}

// TestCgoFindingsWithoutFixes: a package that uses cgo is analyzed through
// the files cgo generates, which are its own code: findings are reported by
// default, but without fixes (their offsets are the generated files').
func TestCgoFindingsWithoutFixes(t *testing.T) {
	if !cgoEnabled() {
		t.Skip("cgo is disabled")
	}
	run := fixtures(t)
	found := false
	for _, res := range run.results {
		if res.Pass == nil || res.Pass.Pkg.Path() != "cgohandler" {
			continue
		}
		found = found || len(res.Diagnostics) > 0
		for _, d := range res.Diagnostics {
			if len(d.SuggestedFixes) > 0 {
				t.Errorf("%s: a fix in a file that cgo generated: %s", res.Pass.Fset.Position(d.Pos), d.SuggestedFixes[0].Message)
			}
		}
	}
	if !found {
		t.Errorf("cgohandler: no findings")
	}
}

// TestGoldensHaveFixes: a .golden file that differs from its source must
// get its fixes. analysistest compares a golden only for the files that
// received an edit, so a fix that is no longer offered would go unnoticed.
func TestGoldensHaveFixes(t *testing.T) {
	run := fixtures(t)
	edited := map[string]bool{}
	for _, res := range run.results {
		for _, d := range res.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					edited[res.Pass.Fset.File(e.Pos).Name()] = true
				}
			}
		}
	}
	goldens := goldenFiles(t, filepath.Join(run.gopath, "src"))
	for _, g := range goldens {
		source := strings.TrimSuffix(g, ".golden")
		if edited[source] {
			continue // compared by analysistest
		}
		want, err1 := os.ReadFile(g)
		have, err2 := os.ReadFile(source)
		if err1 != nil || err2 != nil {
			t.Errorf("%s: %v %v", g, err1, err2)
			continue
		}
		if !bytes.Equal(formatted(t, g, want), formatted(t, source, have)) {
			t.Errorf("%s differs from %s, but the analyzer suggested no fix in it", filepath.Base(g), filepath.Base(source))
		}
	}
}

func formatted(t *testing.T, name string, src []byte) []byte {
	out, err := format.Source(src)
	if err != nil {
		t.Errorf("%s: %v", name, err)
		return src
	}
	return out
}

// goldenFiles lists the .golden files of the fixtures.
func goldenFiles(t *testing.T, src string) []string {
	t.Helper()
	var goldens []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".go.golden") {
			goldens = append(goldens, path)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(goldens) == 0 {
		t.Fatal("no .golden files under " + src)
	}
	return goldens
}

// mutationRunEnv, when set, selects the tests that exercise the analyzer's
// code and skips the slow ones that check data only (the tables against the
// real modules, the goldens' builds, the table rows one by one): make mutate
// sets it, so that each mutant is tested in seconds.
const mutationRunEnv = "APIERRLINT_MUTATION_RUN"

func skipInMutationRun(t *testing.T) {
	t.Helper()
	if os.Getenv(mutationRunEnv) != "" {
		t.Skipf("%s is set: a mutation run skips this test (it checks no code that make mutate mutates)", mutationRunEnv)
	}
}

// writeGoldens writes, for each file that gets fixes, its .golden file: the
// file with every edit of every fix applied (an edit offered twice, as in a
// package and its test variant, once), gofmt-formatted; and an existing
// golden of a file that gets none: the file as it is.
func writeGoldens(t *testing.T, run *fixtureRun) {
	type edit struct {
		start, end int
		text       string
	}
	edits := map[string][]edit{}
	for _, res := range run.results {
		generated := map[*token.File]bool{} // analysistest skips their fixes
		for _, f := range res.Pass.Files {
			generated[res.Pass.Fset.File(f.Pos())] = ast.IsGenerated(f)
		}
		for _, d := range res.Diagnostics {
			for _, fix := range d.SuggestedFixes {
				for _, e := range fix.TextEdits {
					f := res.Pass.Fset.File(e.Pos)
					if generated[f] {
						continue
					}
					ed := edit{f.Offset(e.Pos), f.Offset(e.End), string(e.NewText)}
					if !slices.Contains(edits[f.Name()], ed) {
						edits[f.Name()] = append(edits[f.Name()], ed)
					}
				}
			}
		}
	}
	for _, g := range goldenFiles(t, filepath.Join(run.gopath, "src")) {
		if name := strings.TrimSuffix(g, ".golden"); edits[name] == nil {
			edits[name] = []edit{}
		}
	}
	for name, list := range edits {
		src, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		// By offset, an insertion before a replacement that starts there.
		slices.SortStableFunc(list, func(a, b edit) int { return cmp.Or(a.start-b.start, a.end-b.end) })
		var out []byte
		last := 0
		for _, e := range list {
			if e.start < last {
				t.Errorf("%s: overlapping fixes at offset %d", name, e.start)
				continue
			}
			out = append(append(out, src[last:e.start]...), e.text...)
			last = e.end
		}
		out = append(out, src[last:]...)
		if err := os.WriteFile(name+".golden", formatted(t, name, out), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
