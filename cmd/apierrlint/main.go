// Command apierrlint checks HTTP handlers against a documented API error
// convention. It is a go/analysis singlechecker, so it also runs as
//
//	go vet -vettool=$(command -v apierrlint) ./...
//
// Run `apierrlint help` for the flags.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/lsp"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "lsp" {
		os.Exit(lsp.Main(os.Args[2:]))
	}
	a, cfg := analyzer.NewWithFlags()
	if fl, cfgFile, ok := parseVet(a, os.Args[1:]); ok {
		os.Exit(runVet(a, cfgFile, fl, cfg.HelperModules))
	}
	if fc, ok := parseFast(a, os.Args[1:]); ok {
		fc.helperModules = cfg.HelperModules
		os.Exit(runFast(a, fc))
	}
	singlechecker.Main(a)
}
