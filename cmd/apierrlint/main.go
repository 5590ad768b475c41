// Command apierrlint checks HTTP handlers against a documented API error
// convention. It runs standalone (apierrlint ./...), as a vet tool
//
//	go vet -vettool=$(command -v apierrlint) ./...
//	go fix -fixtool=$(command -v apierrlint) ./...
//
// and as a language server (apierrlint lsp). Three drivers share one
// analyzer: the standalone one (fast.go), the go vet one (vet.go), and
// singlechecker for everything else (-fix, -diff, help, -flags, -V).
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
	if len(os.Args) == 2 && os.Args[1] == "-V=full" {
		os.Exit(printVersion())
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
