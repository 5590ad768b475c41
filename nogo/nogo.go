// Package nogo exports apierrlint as Analyzer, the form rules_go's nogo
// (Bazel) expects of an analyzer:
//
//	go_library(
//	    name = "apierrlint",
//	    srcs = [],
//	    embed = ["@com_github_apierrlint_apierrlint//nogo"],
//	    importpath = "github.com/apierrlint/apierrlint/nogo",
//	)
//
// It is configured by its flags, which nogo's configuration file passes as
// analyzer_flags: the command's flags (-catalog, -disable, ...), and
// -config, the path of an .apierrlint.yml (relative to the execution root),
// whose settings apply where no flag is given. See docs/bazel.md.
package nogo

import (
	"flag"
	"sync"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/config"
)

// Analyzer is apierrlint, for nogo. nogo sets its flags before the first
// package is analyzed; nothing else changes it.
var Analyzer = newAnalyzer()

func newAnalyzer() *analysis.Analyzer {
	a, cfg := analyzer.NewWithFlags()
	var configPath string
	a.Flags.StringVar(&configPath, "config", "", "an .apierrlint.yml whose settings apply where no flag is given")
	configure := sync.OnceValue(func() error {
		if configPath == "" {
			return nil
		}
		f, err := config.Load(configPath)
		if err != nil {
			return err
		}
		set := map[string]bool{}
		a.Flags.Visit(func(fl *flag.Flag) { set[fl.Name] = true })
		f.Apply(cfg, func(name string) bool { return set[name] })
		return nil
	})
	run := a.Run
	a.Run = func(pass *analysis.Pass) (any, error) {
		if err := configure(); err != nil {
			return nil, err
		}
		return run(pass)
	}
	return a
}
