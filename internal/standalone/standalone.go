// Package standalone is apierrlint's standalone driver: `apierrlint
// [flags] packages`, plain or -json, and -fix / -diff.
//
// singlechecker loads the whole import graph from source as soon as an
// analyzer declares facts, standard library and third-party modules
// included, although no error helper can live there. This driver loads from
// source only the packages named on the command line and the packages of
// the main module(s) (and of -helper-modules) that they import, where the
// project's helpers live; everything else comes from export data, as for an
// analyzer without facts. The facts then flow between the packages loaded
// from source, in dependency order, through x/tools' go/analysis checker.
package standalone

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/fixdriver"
	"github.com/apierrlint/apierrlint/internal/version"
)

// Exit codes, those of go/analysis drivers.
const (
	exitOK       = 0
	exitError    = 1 // packages failed to load or analyze
	exitFlags    = 2 // bad flags or configuration
	exitFindings = 3
)

const usage = `usage: apierrlint [flags] packages     (apierrlint ./...)
       apierrlint COMMAND [arguments]

Checks HTTP handlers against the documented API error convention.
'apierrlint help' describes the rules, 'apierrlint help RULE' one of them,
'apierrlint help COMMAND' a command.`

const exitCodes = `The flags of what is reported and of the fixes can also be set in .apierrlint.yml.

Exit codes:
  0  no findings
  3  findings (0 with -json)
  1  packages failed to load or to analyze
  2  bad flags or configuration (a broken catalog or .apierrlint.yml)`

// flagGroups order -h. -tests (report in test files) and -test (load them)
// differ by one letter and answer different questions, so they are listed
// under different headings, each naming the other. The adoption flags are
// listed here when this build has them.
var flagGroups = []driver.FlagGroup{
	{Title: "What is reported", Names: []string{"catalog", "disable", "retry-after", "tests", "generated"}},
	{Title: "What is loaded", Names: []string{"test", "helper-modules"}},
	{Title: "Output", Names: []string{"format", "json", "c", "baseline", "write-baseline", "new-from-rev", "new-from-patch"}},
	{Title: "Fixes", Names: []string{"fix", "diff", "retry-after-value", "error-writer"}},
	{Title: "Other", Names: []string{"version", "cpuprofile"}},
}

// options are the driver's own flags.
type options struct {
	json       bool
	context    int
	tests      bool
	fix        bool
	diff       bool
	cpuprofile string
	version    bool
}

// Main runs the standalone driver with the command-line arguments and
// returns the exit code: 0 clean, 3 findings (0 with -json), 1 packages
// that failed to load or analyze, 2 bad flags.
func Main(args []string, stdout, stderr io.Writer) int {
	a, cfg := analyzer.NewWithFlags()
	fs := driver.FlagSet(a)
	var o options
	fs.BoolVar(&o.json, "json", false, "emit JSON output, go vet's (exit code 0 with findings)")
	fs.IntVar(&o.context, "c", -1, "display offending line with this many lines of context")
	fs.BoolVar(&o.tests, "test", true, "load test packages; -test=false is faster and checks no _test.go file (-tests says whether findings in them are reported)")
	fs.BoolVar(&o.fix, "fix", false, "apply the suggested fixes")
	fs.BoolVar(&o.diff, "diff", false, "with -fix, don't update the files, but print a unified diff")
	fs.StringVar(&o.cpuprofile, "cpuprofile", "", "write CPU profile to this file")
	fs.BoolVar(&o.version, "version", false, "print apierrlint's version and exit")
	if err := fs.Parse(args); err != nil {
		if driver.IsHelp(err) {
			driver.PrintGroupedUsage(stdout, fs, usage+"\n\n"+driver.CommandList()+"\n"+exitCodes, flagGroups)
			return exitOK
		}
		io.WriteString(stderr, driver.UsageError(fs, err, driver.Name))
		return exitFlags
	}
	if o.version {
		fmt.Fprintf(stdout, "%s %s\n", driver.Name, version.Read())
		return exitOK
	}
	configFile, err := driver.Configure(fs, cfg, "")
	if err != nil {
		io.WriteString(stderr, driver.ErrorText(err.Error(), driver.Name))
		return exitFlags
	}
	if msg := testsConflict(fs, o, cfg, configFile); msg != "" {
		io.WriteString(stderr, driver.ErrorText(msg, driver.Name))
		return exitFlags
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "%s: no packages given\n%s\n", driver.Name, usage)
		return exitFlags
	}
	if o.cpuprofile != "" {
		f, err := os.Create(o.cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", driver.Name, err)
			return exitError
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", driver.Name, err)
			return exitError
		}
		defer pprof.StopCPUProfile()
	}
	r := &runner{a: a, o: o, helperModules: cfg.HelperModules, stdout: stdout, stderr: stderr}
	return r.run(fs.Args())
}

// testsConflict explains a contradiction between -tests (report findings
// in _test.go files, a setting) and -test=false (do not load them): the
// run would report nothing in test files while the user asked for them.
// It is an error, not a silent choice of one over the other; the message
// says which flag or file asked for what, and how to resolve it.
func testsConflict(fs *flag.FlagSet, o options, cfg *analyzer.Config, configFile string) string {
	if o.tests || !cfg.IncludeTests {
		return ""
	}
	if isSet(fs, "tests") {
		return "-tests reports findings in _test.go files, but -test=false leaves them out of the load; drop one of the two"
	}
	return fmt.Sprintf("tests: true in %s reports findings in _test.go files, but -test=false leaves them out of the load; drop -test=false, or add -tests=false for this run", driver.ShortPath(configFile))
}

func isSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

type runner struct {
	a             *analysis.Analyzer
	o             options
	helperModules []string
	stdout        io.Writer
	stderr        io.Writer
}

func (r *runner) errorf(format string, args ...any) {
	fmt.Fprintf(r.stderr, driver.Name+": "+format+"\n", args...)
}

func (r *runner) run(patterns []string) int {
	pkgs, requested, err := r.load(patterns)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	exit := exitOK
	if printLoadErrors(r.stderr, pkgs) > 0 {
		exit = exitError
	}

	// Analyze every package loaded from source, facts flowing up; report
	// the requested ones (the others were loaded for their facts).
	graph, err := checker.Analyze([]*analysis.Analyzer{r.a}, pkgs, nil)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	var roots []*checker.Action
	for act := range graph.All() {
		if act.IsRoot && !requested[act.Package.ID] {
			act.IsRoot = false
		}
		if act.Err != nil && len(act.Package.Errors) == 0 {
			// A failure of the analysis itself; a package that did not
			// load is not analyzed, and its errors are printed above.
			r.errorf("%s: %v", act.Package.ID, act.Err)
			exit = exitError
		}
		if act.IsRoot && act.Err == nil {
			roots = append(roots, act)
		}
	}
	if r.o.json {
		if err := graph.PrintJSON(r.stdout); err != nil {
			r.errorf("%v", err)
			return exitError
		}
		return exit
	}
	if r.o.fix || r.o.diff {
		return r.fix(roots, exit)
	}
	var list []driver.Finding
	for _, act := range roots {
		for _, d := range act.Diagnostics {
			list = append(list, driver.NewFinding(act.Package.Fset, d))
		}
	}
	list = driver.Sort(list)
	driver.Print(r.stderr, list, r.o.context, true)
	if len(list) > 0 {
		fmt.Fprintln(r.stderr, driver.Summary(list, analyzer.Rules))
		if exit == exitOK {
			exit = exitFindings
		}
	}
	return exit
}

// load loads the requested packages and the main modules' packages they
// depend on from source, everything else from export data. requested holds
// the IDs of the packages the patterns named (and their test variants).
func (r *runner) load(patterns []string) (pkgs []*packages.Package, requested map[string]bool, err error) {
	// 1. The import graph, without types: cheap (go list).
	meta, err := packages.Load(&packages.Config{
		Mode:  packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Tests: r.o.tests,
	}, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(meta) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(patterns, " "))
	}
	requested = map[string]bool{}
	for _, p := range meta {
		requested[p.ID] = true
	}

	// 2. What to load from source: the requested packages and the main
	// modules' packages they depend on. Packages are loaded by import
	// path; with Tests their test variants ("p [p.test]", "p_test
	// [p.test]") come along. A pattern that names no importable package
	// (a missing directory) is loaded as given, for its error.
	var paths []string
	seen := map[string]bool{}
	packages.Visit(meta, nil, func(p *packages.Package) {
		if !requested[p.ID] && (p.Module == nil || !(p.Module.Main || slices.Contains(r.helperModules, p.Module.Path))) {
			return
		}
		path := p.PkgPath
		if p.ID != p.PkgPath || strings.HasSuffix(p.ID, ".test") {
			if p.PkgPath != "" || len(p.Errors) == 0 {
				return
			}
			path = p.ID // an error-only package, such as a missing directory
		}
		if !seen[path] {
			seen[path] = true
			paths = append(paths, path)
		}
	})

	// 3. Load them with syntax and types; their dependencies come from
	// export data.
	pkgs, err = packages.Load(&packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Tests: r.o.tests,
	}, paths...)
	return pkgs, requested, err
}

// fix applies the fixes of the requested packages (or prints their diff),
// then prints the findings that remain and a summary. Exit code 3 when
// findings remain.
func (r *runner) fix(roots []*checker.Action, exit int) int {
	var fps []fixdriver.Package
	for _, act := range roots {
		fps = append(fps, fixdriver.Package{Fset: act.Package.Fset, Files: act.Package.Syntax, Types: act.Package.Types, Diags: act.Diagnostics})
	}
	res, err := fixdriver.Apply(fps, fixdriver.Options{Diff: r.o.diff, Stdout: r.stdout})
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	// A package and its test variant report the findings of their shared
	// files twice: a finding is fixed when either copy's fix was applied.
	type key struct {
		posn    string
		message string
	}
	fixed := map[key]bool{}
	var all []driver.Finding
	for i, act := range roots {
		for j, d := range act.Diagnostics {
			f := driver.NewFinding(act.Package.Fset, d)
			all = append(all, f)
			if res.Fixed[i][j] {
				fixed[key{f.Posn.String(), f.Message}] = true
			}
		}
	}
	all = driver.Sort(all)
	remain := slices.DeleteFunc(slices.Clone(all), func(f driver.Finding) bool { return fixed[key{f.Posn.String(), f.Message}] })
	var msg string
	if r.o.diff {
		msg = fmt.Sprintf("the diff fixes %s in %s (not applied)",
			driver.Plural(res.Applied, "finding", "findings"), driver.Plural(res.Files, "file", "files"))
	} else {
		driver.Print(r.stderr, remain, r.o.context, true)
		msg = fmt.Sprintf("applied %s to %s", driver.Plural(res.Applied, "fix", "fixes"), driver.Plural(res.Files, "file", "files"))
	}
	if res.Conflicts > 0 {
		msg += fmt.Sprintf(" (%d overlapping fixes skipped: run again to apply them)", res.Conflicts)
	}
	if s := driver.Summary(remain, analyzer.Rules); s != "" {
		verb := " remain:"
		if r.o.diff {
			verb = " would remain:"
		}
		msg += "; " + strings.Replace(s, ":", verb, 1)
	} else {
		msg += "; no findings remain"
	}
	fmt.Fprintln(r.stderr, msg)
	// The exit code says whether findings are left in the code on disk.
	if (len(remain) > 0 || (r.o.diff && len(all) > 0)) && exit == exitOK {
		exit = exitFindings
	}
	return exit
}
