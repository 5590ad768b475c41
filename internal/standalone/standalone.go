// Package standalone is apierrlint's standalone driver: `apierrlint
// [flags] packages|files`, in the formats of -format (or go vet's -json),
// -fix / -diff, through a baseline (-baseline, -write-baseline) and only on
// changed lines (-new-from-rev, -new-from-patch).
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
	"path/filepath"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/baseline"
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
	{Title: "What is reported", Names: []string{"config", "catalog", "shape", "disable", "retry-after", "tests", "generated"}},
	{Title: "What is loaded", Names: []string{"test", "helper-modules"}},
	{Title: "Output", Names: []string{"format", "json", "c", "baseline", "write-baseline", "new-from-rev", "new-from-patch"}},
	{Title: "Fixes", Names: []string{"fix", "diff", "retry-after-value", "error-writer", "default-codes"}},
	{Title: "Other", Names: []string{"version", "cpuprofile"}},
}

// options are the driver's own flags.
type options struct {
	json          bool
	format        string
	context       int
	tests         bool
	fix           bool
	diff          bool
	cpuprofile    string
	writeBaseline string
	newFromRev    string
	newFromPatch  string
	config        string
	version       bool
}

// Main runs the standalone driver with the command-line arguments and
// returns the exit code: 0 clean, 3 findings (0 with -json), 1 packages
// that failed to load or analyze, 2 bad flags.
func Main(args []string, stdout, stderr io.Writer) int {
	a, cfg := analyzer.NewWithFlags()
	fs := driver.FlagSet(a)
	var o options
	fs.BoolVar(&o.json, "json", false, "emit go vet's JSON output (exit code 0 with findings; see -format=json)")
	fs.StringVar(&o.format, "format", "text", "how findings are printed on stdout: "+strings.Join(formats, ", ")+" (docs/output-formats.md); the summary goes to stderr")
	fs.StringVar(&o.config, "config", "", "the .apierrlint.yml `file` to use (default: the one found from the working directory upwards)")
	fs.StringVar(&o.writeBaseline, "write-baseline", "", "record the current findings in this baseline `file` and exit 0 (docs/baseline.md)")
	fs.StringVar(&o.newFromRev, "new-from-rev", "", "report only the findings on lines changed since this git `revision` (uncommitted changes and untracked files included)")
	fs.StringVar(&o.newFromPatch, "new-from-patch", "", "report only the findings on lines that this unified diff `file` adds (paths relative to the working directory)")
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
	if err := o.check(); err != nil {
		io.WriteString(stderr, driver.ErrorText(err.Error(), driver.Name))
		return exitFlags
	}
	configFile, err := driver.ConfigureFile(fs, cfg, "", o.config)
	if err != nil {
		io.WriteString(stderr, driver.ErrorText(err.Error(), driver.Name))
		return exitFlags
	}
	if msg := testsConflict(fs, o, cfg, configFile); msg != "" {
		io.WriteString(stderr, driver.ErrorText(msg, driver.Name))
		return exitFlags
	}
	if o.writeBaseline != "" {
		// Every finding goes into the new baseline, those of the old one
		// too.
		cfg.Baseline, cfg.BaselinePath = nil, ""
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "%s: no packages given\n%s\n", driver.Name, usage)
		return exitFlags
	}
	wd, err := os.Getwd()
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", driver.Name, err)
		return exitError
	}
	var changed *changedLines
	if o.newFromRev != "" || o.newFromPatch != "" {
		if changed, err = newChangedLines(o.newFromRev, o.newFromPatch, wd); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", driver.Name, err)
			return exitFlags
		}
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
	r := &runner{a: a, o: o, cfg: cfg, helperModules: cfg.HelperModules, stdout: stdout, stderr: stderr, wd: wd, changed: changed}
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

// check rejects flags that do not go together.
func (o *options) check() error {
	switch {
	case !slices.Contains(formats, o.format):
		return fmt.Errorf("-format=%s: want one of %s", o.format, strings.Join(formats, ", "))
	case o.json && o.format != "text":
		return fmt.Errorf("-json is go vet's JSON; -format=%s is another output: give one of them", o.format)
	case (o.fix || o.diff) && (o.json || o.format != "text"):
		return fmt.Errorf("-fix and -diff print text: they take no -json or -format")
	case o.newFromRev != "" && o.newFromPatch != "":
		return fmt.Errorf("-new-from-rev and -new-from-patch both name a diff: give one")
	case o.writeBaseline != "" && (o.newFromRev != "" || o.newFromPatch != ""):
		return fmt.Errorf("-write-baseline records every finding: it takes no -new-from-rev or -new-from-patch")
	case o.writeBaseline != "" && (o.fix || o.diff || o.json):
		return fmt.Errorf("-write-baseline writes a file: it takes no -fix, -diff or -json")
	}
	return nil
}

type runner struct {
	a             *analysis.Analyzer
	o             options
	cfg           *analyzer.Config
	helperModules []string
	stdout        io.Writer
	stderr        io.Writer
	wd            string
	changed       *changedLines // -new-from-rev, -new-from-patch
	args          []string      // the packages and files as given
	analyzed      bool          // the analysis ran (and read cfg) once
}

func (r *runner) errorf(format string, args ...any) {
	fmt.Fprintf(r.stderr, driver.Name+": "+format+"\n", args...)
}

func (r *runner) run(args []string) int {
	r.args = args
	groups, err := resolveTargets(r.wd, args)
	if err != nil {
		r.errorf("%v", err)
		return exitError
	}
	r.warnNested(groups)
	exit := exitOK
	var roots []*checker.Action
	var graphs []*checker.Graph
	var files []map[string]bool // of each root: the files named, or nil
	for _, g := range groups {
		graph, requested, failed, err := r.analyze(g)
		if err != nil {
			r.errorf("%v", err)
			return exitError
		}
		if failed {
			exit = exitError
		}
		if graph == nil {
			continue
		}
		graphs = append(graphs, graph)
		for act := range graph.All() {
			if act.IsRoot && !requested[act.Package.ID] {
				act.IsRoot = false
			}
			if act.IsRoot && act.Err == nil {
				roots = append(roots, act)
				files = append(files, g.files)
			}
		}
	}
	if r.o.json {
		for _, graph := range graphs {
			if err := graph.PrintJSON(r.stdout); err != nil {
				r.errorf("%v", err)
				return exitError
			}
		}
		return exit
	}
	if r.o.fix || r.o.diff {
		return r.fix(roots, files, exit)
	}
	var list []driver.Finding
	var tally baseline.Tally
	for i, act := range roots {
		res, _ := act.Result.(*analyzer.Result)
		if res != nil {
			tally.Add(res.Baseline)
		}
		for j, d := range act.Diagnostics {
			f := driver.NewFinding(act.Package.Fset, d)
			if res != nil && j < len(res.IDs) {
				f.ID = res.IDs[j]
			}
			if files[i] == nil || files[i][f.Posn.Filename] {
				list = append(list, f)
			}
		}
	}
	list = driver.Sort(list)
	if r.o.writeBaseline != "" {
		return r.writeBaseline(list, exit)
	}
	var summary []string
	if r.changed != nil {
		all := len(list)
		list = slices.DeleteFunc(list, func(f driver.Finding) bool { return !r.changed.isNew(f.Posn.Filename, f.Posn.Line) })
		if n := all - len(list); n > 0 {
			summary = append(summary, fmt.Sprintf("%s on lines the diff did not change not shown", driver.Plural(n, "finding", "findings")))
		}
	}
	if b := r.cfg.Baseline; b != nil {
		hidden, stale := tally.Counts(b)
		s := fmt.Sprintf("the baseline %s hid %s", driver.ShortPath(b.Path), driver.Plural(hidden, "finding", "findings"))
		if stale > 0 {
			verb := "no longer occur"
			if stale == 1 {
				verb = "no longer occurs"
			}
			s += fmt.Sprintf("; %d of its findings %s (apierrlint -write-baseline=%s drops them)", stale, verb, driver.ShortPath(b.Path))
		}
		summary = append(summary, s)
	}
	out := &output{findings: list, wd: r.wd, root: srcRoot(r.wd), context: r.o.context}
	if err := out.write(r.stdout, r.o.format); err != nil {
		r.errorf("%v", err)
		return exitError
	}
	if len(list) > 0 {
		summary = append([]string{driver.Summary(list, analyzer.Rules)}, summary...)
		if exit == exitOK {
			exit = exitFindings
		}
	} else if len(summary) > 0 {
		summary = append([]string{"no findings"}, summary...)
	}
	if len(summary) > 0 {
		fmt.Fprintln(r.stderr, strings.Join(summary, "; "))
	}
	return exit
}

// analyze loads a group's packages and analyzes every package loaded
// from source, facts flowing up; the requested ones are reported (the
// others were loaded for their facts). failed: packages failed to load or
// to analyze (their errors are printed). graph is nil when the group has
// no package.
func (r *runner) analyze(g *group) (graph *checker.Graph, requested map[string]bool, failed bool, err error) {
	pkgs, requested, err := r.load(g)
	if err != nil || len(pkgs) == 0 {
		return nil, nil, false, err
	}
	failed = printLoadErrors(r.stderr, pkgs) > 0
	if (r.o.fix || r.o.diff) && r.cfg.ErrorWriter == "" && !r.analyzed {
		// Read by the analysis when it first runs, below.
		r.cfg.ErrorWriter = genWriter(pkgs)
	}
	r.analyzed = true
	graph, err = checker.Analyze([]*analysis.Analyzer{r.a}, pkgs, nil)
	if err != nil {
		return nil, nil, failed, err
	}
	for act := range graph.All() {
		if act.Err != nil && len(act.Package.Errors) == 0 {
			// A failure of the analysis itself; a package that did not
			// load is not analyzed, and its errors are printed above.
			r.errorf("%s: %v", act.Package.ID, act.Err)
			failed = true
		}
	}
	return graph, requested, failed, nil
}

// writeBaseline writes the findings to the -write-baseline file; the exit
// code is 0 unless packages failed to load.
func (r *runner) writeBaseline(list []driver.Finding, exit int) int {
	ids := make([]baseline.ID, len(list))
	for i, f := range list {
		ids[i] = f.ID
	}
	b := baseline.New(ids)
	if err := b.Write(r.o.writeBaseline); err != nil {
		r.errorf("%v", err)
		return exitError
	}
	fmt.Fprintf(r.stderr, "wrote %s to the baseline %s\n", driver.Plural(b.Len(), "finding", "findings"), r.o.writeBaseline)
	return exit
}

// warnNested says, in one line, which modules below a ./... pattern the
// run skips because each has a go.mod of its own, and how to include them.
func (r *runner) warnNested(groups []*group) {
	var dirs []string
	loaded := map[string]bool{}
	for _, g := range groups {
		base := r.wd
		if g.dir != "" {
			base = g.dir
			loaded[g.dir] = true
		}
		for _, p := range g.patterns {
			if d, rest, ok := pathPattern(p); ok && rest == "..." {
				dirs = append(dirs, filepath.Join(base, d))
			}
		}
	}
	if len(dirs) == 0 {
		return
	}
	var work map[string]bool
	nested := nestedModules(r.wd, dirs, func(mod string) bool {
		if loaded[mod] {
			return true
		}
		if work == nil {
			work = workspaceModules(r.wd)
		}
		return work[mod]
	})
	if len(nested) == 0 {
		return
	}
	var names, uses, pats []string
	for _, m := range nested {
		n := rel(r.wd, m)
		names = append(names, n)
		uses = append(uses, "./"+n)
		pats = append(pats, "./"+n+"/...")
	}
	how := "go work init " + strings.Join(uses, " ")
	if goWork(r.wd) != "" {
		how = "go work use " + strings.Join(uses, " ")
	} else if driver.ModuleRoot(r.wd) == r.wd {
		how = "go work init . " + strings.Join(uses, " ")
	}
	r.errorf("./... skips the nested %s %s (each has a go.mod of its own): include them with a go.work (%s), or name them: apierrlint %s %s",
		plural(len(nested), "module", "modules"), strings.Join(names, ", "), how, strings.Join(r.args, " "), strings.Join(pats, " "))
}

// argsOf returns the patterns of the run as given (those of other
// modules' groups relative to the working directory).
func (r *runner) argsOf(groups []*group) []string {
	var args []string
	for _, g := range groups {
		for _, p := range g.patterns {
			switch {
			case strings.HasPrefix(p, "file="):
				args = append(args, rel(r.wd, strings.TrimPrefix(p, "file=")))
			case g.dir != "":
				args = append(args, "./"+rel(r.wd, filepath.Join(g.dir, p)))
			default:
				args = append(args, p)
			}
		}
	}
	return args
}

func plural(n int, singular, plural string) string {
	if n == 1 {
		return singular
	}
	return plural
}

// load loads the requested packages and the main modules' packages they
// depend on from source, everything else from export data. requested holds
// the IDs of the packages the patterns named (and their test variants).
func (r *runner) load(g *group) (pkgs []*packages.Package, requested map[string]bool, err error) {
	patterns := g.patterns
	// 1. The import graph, without types: cheap (go list). A file= query
	// matches a package by its files.
	mode := packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule
	if g.files != nil {
		mode |= packages.NeedFiles
	}
	meta, err := packages.Load(&packages.Config{
		Mode:  mode,
		Tests: r.o.tests,
		Dir:   g.dir,
	}, patterns...)
	if err != nil {
		return nil, nil, err
	}
	if len(meta) == 0 && g.files != nil {
		// Files that no package of this build holds (build
		// constraints: //go:build ignore): nothing to check.
		return nil, nil, nil
	}
	if len(meta) == 0 {
		return nil, nil, fmt.Errorf("%s matched no packages", strings.Join(r.argsOf([]*group{g}), " "))
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
		Dir:   g.dir,
	}, paths...)
	return pkgs, requested, err
}

// fix applies the fixes of the requested packages (or prints their diff),
// then prints the findings that remain and a summary. Exit code 3 when
// findings remain.
func (r *runner) fix(roots []*checker.Action, files []map[string]bool, exit int) int {
	// Only the findings of the files named, when files were named.
	diags := make([][]analysis.Diagnostic, len(roots))
	var fps []fixdriver.Package
	for i, act := range roots {
		for _, d := range act.Diagnostics {
			if files[i] == nil || files[i][act.Package.Fset.Position(d.Pos).Filename] {
				diags[i] = append(diags[i], d)
			}
		}
		fps = append(fps, fixdriver.Package{Fset: act.Package.Fset, Files: act.Package.Syntax, Types: act.Package.Types, Diags: diags[i]})
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
		for j, d := range diags[i] {
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
		driver.Print(r.stdout, remain, r.o.context, true)
		msg = fmt.Sprintf("applied %s to %s", driver.Plural(res.Applied, "fix", "fixes"), driver.Plural(res.Files, "file", "files"))
	}
	if res.Conflicts > 0 {
		msg += fmt.Sprintf(" (%d overlapping fixes skipped: run again to apply them)", res.Conflicts)
	}
	if s := driver.Summary(remain, analyzer.Rules); s != "" {
		verb := " remain:"
		switch {
		case r.o.diff:
			verb = " would remain:"
		case len(remain) == 1:
			verb = " remains:"
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
