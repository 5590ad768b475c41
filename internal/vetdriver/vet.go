// Package vetdriver is apierrlint's go vet driver: what runs when go vet (or
// go fix) invokes apierrlint on one package, with a JSON config file
// (`apierrlint [flags] vet.cfg`).
//
// x/tools' unitchecker imports a package's dependencies from the types that
// the vet tool itself wrote for them, so a tool that declares facts must
// parse and type-check every package of the import graph from source, the
// standard library included, whatever its analyzer does. This driver
// instead takes dependencies' types from the compiler's export data, which
// go vet names in the config (PackageFile) and has already built, and
// writes only facts to its own facts files (the "vetx" files of the
// protocol). A package that cannot matter then costs next to nothing:
//
//   - a dependency (a package analyzed only for the facts of its importers)
//     is analyzed only where the standalone driver would load it from
//     source: in a main module (one without a version: the module being
//     vetted, or a go.work module) or in a module named by -helper-modules.
//     The standard library and other modules are not read at all, so both
//     drivers see the same helpers and report the same findings;
//   - a package that fails the analyzer's own cheap test (analyzer.Relevant:
//     no net/http, no helper package imported, no "code" key in its source)
//     is not parsed: it could yield no diagnostic and no fact;
//   - every other package is parsed, type-checked against its dependencies'
//     export data and analyzed, as unitchecker would.
//
// Facts flow transitively: each facts file holds the facts of the package
// and of all its dependencies, so a package sees the facts of objects that
// reach it through an indirect dependency's types.
package vetdriver

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/build"
	"go/token"
	"go/types"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/types/objectpath"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/config"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/factstore"
	"github.com/apierrlint/apierrlint/internal/unit"
)

// vetConfig is what apierrlint reads of the config file that go vet writes
// for each package (cmd/go/internal/work.vetConfig).
type vetConfig struct {
	ID            string // e.g. "fmt [fmt.test]"
	ImportPath    string
	Dir           string
	GoVersion     string
	GoFiles       []string
	NonGoFiles    []string
	IgnoredFiles  []string
	ModulePath    string            // before Go 1.27
	ModuleVersion string            // before Go 1.27
	Module        *analysis.Module  // from Go 1.27
	ImportMap     map[string]string // import path in source -> package path
	PackageFile   map[string]string // package path -> compiler export data
	Standard      map[string]bool   // dependency belongs to the standard library
	PackageVetx   map[string]string // package path -> facts file of a dependency
	VetxOnly      bool              // a dependency: compute facts, report nothing
	VetxOutput    string            // where to write the facts file
	Stdout        string            // where to write stdout (-json, -diff)
	FixArchive    string            // go fix: write fixed files to this zip archive
}

// flags are the driver's own flags (those of unitchecker).
type flags struct {
	json    bool
	context int
	fix     bool
	diff    bool
}

// IsVet reports whether args are those of a go vet invocation: flags, then
// one .cfg file.
func IsVet(args []string) bool {
	return len(args) > 0 && strings.HasSuffix(args[len(args)-1], ".cfg") && !strings.HasPrefix(args[len(args)-1], "-")
}

// Main runs the go vet driver on args (flags and one .cfg file; see
// [IsVet]) and returns the exit code: 1 when it reports diagnostics or
// errors, as unitchecker does.
func Main(args []string) int {
	log.SetFlags(0)
	log.SetPrefix(driver.Name + ": ")
	a, acfg := analyzer.NewWithFlags()
	fs := driver.FlagSet(a)
	var fl flags
	fs.BoolVar(&fl.json, "json", false, "")
	fs.IntVar(&fl.context, "c", -1, "")
	fs.BoolVar(&fl.fix, "fix", false, "")
	fs.BoolVar(&fl.diff, "diff", false, "")
	// Flags unitchecker accepts that change nothing here: legacy vet flags
	// and the checker's debugging flags.
	for _, name := range []string{"source", "v", "all", "test"} {
		fs.Bool(name, false, "")
	}
	for _, name := range []string{"tags", "debug", "cpuprofile", "memprofile", "trace"} {
		fs.String(name, "", "")
	}
	cfgFile := args[len(args)-1]
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		if err == nil {
			err = fmt.Errorf("unexpected arguments %q", fs.Args())
		}
		return configError(cfgFile, driver.UsageError(fs, err, driver.Name))
	}
	// The process lives for one package: collecting garbage costs more
	// than it frees (a fifth of the time on gitea), unless the heap grows
	// large (a huge package).
	debug.SetGCPercent(-1)
	debug.SetMemoryLimit(1 << 30)
	return run(a, acfg, fs, cfgFile, fl)
}

// configError reports a broken configuration (a misspelt flag, a catalog
// that is broken or found nowhere) once per go vet run, not once for each of
// its hundreds of packages: the first process that meets it creates a
// marker in go vet's work directory ($WORK, the parent of the package's
// directory of the .cfg file, removed when go vet ends), prints the error
// and fails; the others find the marker and exit quietly, so go vet fails
// with one short error. Outside a go build work directory it always prints.
func configError(cfgFile, msg string) int {
	work := filepath.Dir(filepath.Dir(cfgFile))
	if strings.HasPrefix(filepath.Base(work), "go-build") {
		f, err := os.OpenFile(filepath.Join(work, "apierrlint-config-error"), os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if errors.Is(err, os.ErrExist) {
			return 0 // reported by another package's process
		}
		if err == nil {
			f.Close()
		}
	}
	io.WriteString(os.Stderr, msg)
	return 1
}

// Version answers go vet's -V=full as x/tools' drivers do (go vet keys its
// cache on the line), with the executable's hash salted by the driver
// choice (APIERRLINT_DRIVER=singlechecker makes go vet run unitchecker,
// whose facts files differ from this driver's, so the two must not share
// cache entries) and by the contents of .apierrlint.yml and its catalog.
func Version() int {
	exe, err := os.Executable()
	if err != nil {
		log.Print(err)
		return 1
	}
	f, err := os.Open(exe)
	if err != nil {
		log.Print(err)
		return 1
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		log.Print(err)
		return 1
	}
	io.WriteString(h, os.Getenv("APIERRLINT_DRIVER"))
	// go vet keys its cache on this line, the flags and the code, not on
	// the files the tool reads: the configuration file that applies where
	// go vet runs, and the catalog it names, go into the hash, so that an
	// edit to either re-runs every package. (A catalog given only by
	// -catalog on go vet's command line is not seen: docs/go-vet.md.)
	if path, err := config.Find(""); err == nil && path != "" {
		io.WriteString(h, config.Stamp(path))
	}
	fmt.Printf("%s version devel comments-go-here buildID=%02x\n", exe, string(h.Sum(nil)))
	return 0
}

// run analyzes the package that cfgFile describes and returns the exit
// code.
func run(a *analysis.Analyzer, acfg *analyzer.Config, fs *flag.FlagSet, cfgFile string, fl flags) int {
	cfg, err := readConfig(cfgFile)
	if err != nil {
		log.Print(err)
		return 1
	}
	logRun(cfg)
	if cfg.Stdout != "" {
		f, err := os.Create(cfg.Stdout)
		if err != nil {
			log.Print(err)
			return 1
		}
		defer f.Close()
		os.Stdout = f
	}
	registerFacts(a)
	deps, err := readFactFiles(cfg.PackageVetx)
	if err != nil {
		log.Print(err)
		return 1
	}
	u := &vetUnit{cfg: cfg, a: a, fl: fl, helperModules: acfg.HelperModules, deps: deps}
	if (cfg.VetxOnly && !u.helperSource()) || !u.relevant() {
		return u.finish(nil)
	}
	// The configuration is needed from here on: .apierrlint.yml and a
	// relative -catalog are found from the package's directory upwards.
	if _, err := driver.Configure(fs, acfg, cfg.Dir); err != nil {
		return configError(cfgFile, driver.ErrorText(err.Error(), driver.Name))
	}
	res := u.analyze()
	if len(res.typeErrs) > 0 {
		if cfg.VetxOnly {
			// A dependency that compiled but does not type-check here
			// (a go/types and compiler disagreement): pass its
			// dependencies' facts on, as if it held none.
			return u.finish(nil)
		}
		for _, err := range res.typeErrs {
			fmt.Fprintln(os.Stderr, err) // file:line:col: message, like the compiler
		}
		return 1
	}
	return u.finish(res)
}

// logRun appends the package to the file that APIERRLINT_VET_LOG names,
// if any: a record of which packages go vet ran the tool on (a cache hit
// runs nothing), for the tests of go vet's cache (cachetest/).
func logRun(cfg *vetConfig) {
	name := os.Getenv("APIERRLINT_VET_LOG")
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, "%s\t%v\n", cfg.ID, cfg.VetxOnly)
}

func readConfig(name string) (*vetConfig, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, err
	}
	cfg := new(vetConfig)
	if err := json.Unmarshal(data, cfg); err != nil {
		return nil, fmt.Errorf("cannot decode JSON config file %s: %v", name, err)
	}
	if len(cfg.GoFiles) == 0 {
		return nil, fmt.Errorf("package has no files: %s", cfg.ImportPath)
	}
	return cfg, nil
}

// vetUnit is the analysis of one package.
type vetUnit struct {
	cfg           *vetConfig
	a             *analysis.Analyzer
	fl            flags
	helperModules []string
	deps          []factRecord // the facts of all dependencies, direct and indirect
}

// result is what the analysis of a package produced.
type result struct {
	checked  *unit.Checked
	typeErrs []error // parse and type errors: not analyzed
	diags    []analysis.Diagnostic
	err      error // the analyzer's
	own      []factRecord
}

// module returns the package's module path and version ("" for the
// standard library and GOPATH packages; no version for a main module).
func (u *vetUnit) module() (path, version string) {
	if m := u.cfg.Module; m != nil {
		return m.Path, m.Version
	}
	return u.cfg.ModulePath, u.cfg.ModuleVersion
}

// helperSource reports whether a dependency may hold the project's helpers:
// it belongs to a main module (one without a version) or to a module named
// by -helper-modules; not to the standard library, to a GOPATH directory or
// to another module. These are the packages that the standalone driver
// loads from source besides the ones named on its command line.
func (u *vetUnit) helperSource() bool {
	path, version := u.module()
	return path != "" && (version == "" || slices.Contains(u.helperModules, path))
}

// relevant applies the analyzer's cheap test without parsing the package.
func (u *vetUnit) relevant() bool {
	helpers := map[string]bool{}
	for _, r := range u.deps {
		if r.Obj == "" {
			if _, ok := r.Fact.(*analyzer.PackageFact); ok {
				helpers[r.Pkg] = true
			}
		}
	}
	return analyzer.Relevant(u.cfg.ImportPath, maps.Values(u.cfg.ImportMap),
		func(path string) bool { return helpers[path] }, u.cfg.GoFiles, os.ReadFile)
}

// analyze parses and type-checks the package, its dependencies' types coming
// from export data, and runs the analyzer.
func (u *vetUnit) analyze() *result {
	cfg := u.cfg
	fset := token.NewFileSet()
	imports := map[string]*types.Package{}
	module := cfg.Module
	if path, version := u.module(); module == nil && path != "" {
		module = &analysis.Module{Path: path, Version: version, GoVersion: cfg.GoVersion}
	}
	in := &unit.Input{
		Fset:         fset,
		Path:         cfg.ImportPath,
		GoFiles:      cfg.GoFiles,
		OtherFiles:   cfg.NonGoFiles,
		IgnoredFiles: cfg.IgnoredFiles,
		Import: func(importPath string) (*types.Package, error) {
			path, ok := cfg.ImportMap[importPath]
			if !ok {
				return nil, fmt.Errorf("can't resolve import %q", importPath)
			}
			if path == "unsafe" {
				return types.Unsafe, nil
			}
			if pkg := imports[path]; pkg != nil && pkg.Complete() {
				return pkg, nil
			}
			file, ok := cfg.PackageFile[path]
			if !ok {
				return nil, fmt.Errorf("no export data for %q", path)
			}
			f, err := os.Open(file)
			if err != nil {
				return nil, err
			}
			defer f.Close()
			r, err := gcexportdata.NewReader(bufio.NewReader(f))
			if err != nil {
				return nil, fmt.Errorf("reading export data for %q: %v", path, err)
			}
			return gcexportdata.Read(r, fset, imports, path)
		},
		GoVersion: cfg.GoVersion,
		Sizes:     types.SizesFor("gc", build.Default.GOARCH),
		Module:    module,
	}
	c := unit.Check(in)
	res := &result{checked: c}
	if c.Hard > 0 {
		res.typeErrs = c.Errors
		return res
	}
	facts := newFactStore(u.a, c.Pkg, imports, u.deps)
	res.diags, res.err = unit.Analyze(u.a, c, facts)
	res.own = encodeFacts(facts, c.Pkg)
	return res
}

// finish writes the facts file and, unless the package is only a
// dependency, the diagnostics; it returns the exit code.
func (u *vetUnit) finish(res *result) int {
	records := u.deps
	if res != nil {
		records = append(slices.Clip(records), res.own...)
	}
	if u.cfg.VetxOutput != "" {
		if err := writeFactFile(u.cfg.VetxOutput, records); err != nil {
			log.Print(err)
			return 1
		}
	}
	if u.cfg.VetxOnly {
		return 0
	}
	if res == nil { // not analyzed: nothing to report
		res = &result{}
	}
	if u.fl.fix || u.cfg.FixArchive != "" {
		return applyFixes(u.cfg, u.fl, res)
	}
	if u.fl.json {
		printJSON(os.Stdout, u.cfg.ID, u.a.Name, res)
		return 0
	}
	exit := 0
	if res.err != nil {
		log.Print(res.err)
		exit = 1
	}
	if len(res.diags) > 0 {
		var list []driver.Finding
		for _, d := range res.diags {
			list = append(list, driver.NewFinding(res.checked.In.Fset, d))
		}
		// Absolute positions: go vet shortens them for its own working
		// directory.
		driver.Print(os.Stderr, driver.Sort(list), u.fl.context, false)
		exit = 1
	}
	return exit
}

// -- facts files --

// factMagic starts every facts file; the gob-encoded records follow.
const factMagic = "apierrlint facts v1\n"

// factRecord is one fact of a package, or of an object (Obj: its
// objectpath) of a package.
type factRecord struct {
	Pkg  string
	Obj  string
	Fact analysis.Fact
}

func (r factRecord) key() string {
	return r.Pkg + "\x00" + r.Obj + "\x00" + reflect.TypeOf(r.Fact).String()
}

// registerFacts registers the analyzer's fact types with gob, for the
// facts files.
func registerFacts(a *analysis.Analyzer) {
	for _, f := range a.FactTypes {
		gob.Register(f)
	}
}

// readFactFiles reads the dependencies' facts files and merges them: each
// holds its package's facts and those of its own dependencies.
func readFactFiles(files map[string]string) ([]factRecord, error) {
	var all []factRecord
	seen := map[string]bool{}
	for _, path := range slices.Sorted(maps.Keys(files)) {
		data, err := os.ReadFile(files[path])
		if err != nil {
			return nil, err
		}
		if !bytes.HasPrefix(data, []byte(factMagic)) {
			return nil, fmt.Errorf("%s: not an apierrlint facts file (for %s); was it written by another vet tool?", files[path], path)
		}
		data = data[len(factMagic):]
		if len(data) == 0 {
			continue
		}
		var records []factRecord
		if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&records); err != nil {
			return nil, fmt.Errorf("%s: decoding facts of %s: %v", files[path], path, err)
		}
		for _, r := range records {
			if k := r.key(); !seen[k] {
				seen[k] = true
				all = append(all, r)
			}
		}
	}
	return all, nil
}

func writeFactFile(name string, records []factRecord) error {
	var buf bytes.Buffer
	buf.WriteString(factMagic)
	if len(records) > 0 {
		if err := gob.NewEncoder(&buf).Encode(records); err != nil {
			return fmt.Errorf("encoding facts: %v", err)
		}
	}
	return os.WriteFile(name, buf.Bytes(), 0o666)
}

// newFactStore returns the fact store of a pass over pkg, with the
// dependencies' facts resolved to the objects of this type-check. A fact
// whose package or object this package's types do not reach is left out:
// nothing here can ask for it.
func newFactStore(a *analysis.Analyzer, pkg *types.Package, imports map[string]*types.Package, deps []factRecord) *factstore.Store {
	s := factstore.New(a, pkg)
	for _, r := range deps {
		p := imports[r.Pkg]
		if p == nil {
			continue
		}
		if r.Obj == "" {
			s.AddPackage(p, r.Fact)
			continue
		}
		if obj, err := objectpath.Object(p, objectpath.Path(r.Obj)); err == nil {
			s.AddObject(obj, r.Fact)
		}
	}
	return s
}

// encodeFacts returns the facts that the pass exported, as records. Objects
// without an object path (local ones) cannot be named in another package
// and are left out.
func encodeFacts(s *factstore.Store, pkg *types.Package) []factRecord {
	objs, pkgFacts := s.Own()
	var out []factRecord
	for _, f := range pkgFacts {
		out = append(out, factRecord{Pkg: pkg.Path(), Fact: f})
	}
	var enc objectpath.Encoder
	for _, of := range objs {
		if path, err := enc.For(of.Object); err == nil {
			out = append(out, factRecord{Pkg: pkg.Path(), Obj: string(path), Fact: of.Fact})
		}
	}
	return out
}

// Flags answers go vet's -flags: the flags the tool accepts, as JSON (the
// format of x/tools' analysisflags), so that go vet passes them on.
func Flags(w io.Writer) int {
	a, _ := analyzer.NewWithFlags()
	fs := driver.FlagSet(a)
	type jsonFlag struct {
		Name  string
		Bool  bool
		Usage string
	}
	list := []jsonFlag{
		{"V", true, "print version and exit"},
		{"all", true, "no effect (deprecated)"},
		{"c", false, "display offending line with this many lines of context"},
		{"diff", true, "with -fix, don't update the files, but print a unified diff"},
		{"flags", true, "print analyzer flags in JSON"},
		{"json", true, "emit JSON output"},
		{"source", true, "no effect (deprecated)"},
		{"tags", false, "no effect (deprecated)"},
		{"test", true, "indicates whether test files should be analyzed, too"},
		{"v", true, "no effect (deprecated)"},
	}
	fs.VisitAll(func(f *flag.Flag) {
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		list = append(list, jsonFlag{f.Name, ok && b.IsBoolFlag(), f.Usage})
	})
	slices.SortFunc(list, func(a, b jsonFlag) int { return strings.Compare(a.Name, b.Name) })
	data, err := json.MarshalIndent(list, "", "\t")
	if err != nil {
		log.Print(err)
		return 1
	}
	w.Write(data)
	return 0
}
