package main

import (
	"flag"
	"io"
	"log"
	"os"
	"runtime/pprof"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// The fast driver. singlechecker loads the whole import graph from source as
// soon as an analyzer declares facts, standard library and third-party
// modules included, although no error helper can live there. This driver
// loads from source only the packages named on the command line and the
// packages of the main module(s) that they import (where the project's
// helpers live); everything else comes from export data, as for an analyzer
// without facts. The facts then flow between the packages loaded from
// source, in dependency order, through the same go/analysis checker.
//
// It handles the plain runs (text or -json output); go vet's protocol (one
// .cfg file) goes to the go vet driver (vet.go), and everything else (-fix,
// -diff, help, -flags, -V, -debug) to singlechecker.Main unchanged.

type fastConfig struct {
	helperModules []string
	json          bool
	context       int
	tests         bool
	cpuprofile    string
	patterns      []string
}

// parseFast parses args for the fast driver; ok is false when singlechecker
// must handle them.
func parseFast(a *analysis.Analyzer, args []string) (cfg fastConfig, ok bool) {
	fs := driverFlags(a)
	if fs == nil {
		return cfg, false
	}
	fs.BoolVar(&cfg.json, "json", false, "")
	fs.IntVar(&cfg.context, "c", -1, "")
	fs.BoolVar(&cfg.tests, "test", true, "")
	fs.StringVar(&cfg.cpuprofile, "cpuprofile", "", "")
	if err := fs.Parse(args); err != nil {
		return cfg, false
	}
	cfg.patterns = fs.Args()
	if len(cfg.patterns) == 0 || cfg.patterns[0] == "help" ||
		(len(cfg.patterns) == 1 && strings.HasSuffix(cfg.patterns[0], ".cfg")) {
		return cfg, false
	}
	return cfg, true
}

// driverFlags returns a flag set with the analyzer's flags, silent on
// errors, for the fast and go vet drivers; nil when singlechecker must
// handle every invocation (APIERRLINT_DRIVER=singlechecker, for debugging).
func driverFlags(a *analysis.Analyzer) *flag.FlagSet {
	if os.Getenv("APIERRLINT_DRIVER") == "singlechecker" {
		return nil
	}
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	return fs
}

// runFast loads, analyzes and prints like singlechecker, and returns the
// exit code: 1 for load or analysis errors, 3 for findings (0 with -json).
func runFast(a *analysis.Analyzer, cfg fastConfig) int {
	log.SetFlags(0)
	log.SetPrefix(a.Name + ": ")
	if cfg.cpuprofile != "" {
		f, err := os.Create(cfg.cpuprofile)
		if err != nil {
			log.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			log.Fatal(err)
		}
		defer pprof.StopCPUProfile()
	}

	// 1. The import graph, without types: cheap (go list).
	meta, err := packages.Load(&packages.Config{
		Mode:  packages.NeedName | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
		Tests: cfg.tests,
	}, cfg.patterns...)
	if err != nil {
		log.Print(err)
		return 1
	}
	if len(meta) == 0 {
		log.Printf("%s matched no packages", strings.Join(cfg.patterns, " "))
		return 1
	}
	requested := map[string]bool{}
	for _, p := range meta {
		requested[p.ID] = true
	}

	// 2. What to load from source: the requested packages and the main
	// modules' packages they depend on.
	var paths []string
	seen := map[string]bool{}
	add := func(p *packages.Package) {
		// Load packages by import path; with Tests their test variants
		// ("p [p.test]", "p_test [p.test]") come along.
		if p.ID != p.PkgPath || strings.HasSuffix(p.ID, ".test") {
			return
		}
		if !seen[p.PkgPath] {
			seen[p.PkgPath] = true
			paths = append(paths, p.PkgPath)
		}
	}
	packages.Visit(meta, nil, func(p *packages.Package) {
		if requested[p.ID] || (p.Module != nil && (p.Module.Main || slices.Contains(cfg.helperModules, p.Module.Path))) {
			add(p)
		}
	})

	// 3. Load them with syntax and types; their dependencies come from
	// export data.
	pkgs, err := packages.Load(&packages.Config{
		Mode:  packages.LoadSyntax | packages.NeedModule,
		Tests: cfg.tests,
	}, paths...)
	if err != nil {
		log.Print(err)
		return 1
	}
	exit := 0
	if packages.PrintErrors(pkgs) > 0 {
		exit = 1
	}

	// 4. Analyze every package loaded from source, facts flowing up; report
	// the requested ones.
	graph, err := checker.Analyze([]*analysis.Analyzer{a}, pkgs, nil)
	if err != nil {
		log.Print(err)
		return 1
	}
	// Only the requested packages are reported: the others were loaded for
	// their facts.
	diags := 0
	for act := range graph.All() {
		if act.Err != nil {
			exit = 1
		}
		if act.IsRoot && !requested[act.Package.ID] {
			act.IsRoot = false
		}
		if act.IsRoot && act.Err == nil {
			diags += len(act.Diagnostics)
		}
	}
	if cfg.json {
		if err := graph.PrintJSON(os.Stdout); err != nil {
			log.Print(err)
			return 1
		}
		return exit
	}
	if err := graph.PrintText(os.Stderr, cfg.context); err != nil {
		log.Print(err)
		return 1
	}
	if exit == 0 && diags > 0 {
		exit = 3
	}
	return exit
}
