package standalone

import (
	"io"
	"os"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/driver"
)

// Results runs the analyzer a, configured by cfg (both from
// [analyzer.NewWithFlags]), over the packages that args name, loaded as a
// plain run loads them but without test files, and returns the Result of
// every package analyzed from source: the requested packages and the
// main modules' (and -helper-modules') packages they import. A command
// that needs the whole program (`apierrlint routes`) reads them; the
// findings are not printed. exit is 1 when packages failed to load or to
// analyze (the errors are printed on stderr), else 0.
func Results(a *analysis.Analyzer, cfg *analyzer.Config, args []string, stderr io.Writer) (results []*analyzer.Result, exit int) {
	wd, err := os.Getwd()
	if err != nil {
		io.WriteString(stderr, driver.Name+": "+err.Error()+"\n")
		return nil, exitError
	}
	r := &runner{a: a, o: options{tests: false}, cfg: cfg, helperModules: cfg.HelperModules, stderr: stderr, wd: wd, args: args}
	groups, err := resolveTargets(wd, args)
	if err != nil {
		r.errorf("%v", err)
		return nil, exitError
	}
	for _, g := range groups {
		graph, _, failed, err := r.analyze(g)
		if err != nil {
			r.errorf("%v", err)
			return nil, exitError
		}
		if failed {
			exit = exitError
		}
		if graph == nil {
			continue
		}
		for act := range graph.All() {
			if res, ok := act.Result.(*analyzer.Result); ok && act.Err == nil && res != nil {
				results = append(results, res)
			}
		}
	}
	return results, exit
}
