// Command apierrlint checks HTTP handlers against a documented API error
// convention. It runs standalone (apierrlint ./...), as a vet tool
//
//	go vet -vettool=$(command -v apierrlint) ./...
//	go fix -fixtool=$(command -v apierrlint) ./...
//
// and as a language server (apierrlint lsp). `apierrlint gen` writes the Go
// code of the catalog (internal/gen), `apierrlint catalog` prints the
// embedded catalog or checks one, `apierrlint version` says which apierrlint
// this is (internal/version), `apierrlint routes` prints the routes the
// code implements (internal/routescmd). Each driver is a package of its own:
// internal/standalone (plain runs, -json, -fix, -diff), internal/vetdriver
// (go vet's and go fix's protocol) with internal/fixdriver (applying
// fixes), and internal/lsp. This file only dispatches.
//
// Run `apierrlint help` for the rules and `apierrlint -h` for the commands,
// the exit codes and the flags.
package main

import (
	"os"

	"golang.org/x/tools/go/analysis/singlechecker"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/gen"
	"github.com/apierrlint/apierrlint/internal/lsp"
	"github.com/apierrlint/apierrlint/internal/routescmd"
	"github.com/apierrlint/apierrlint/internal/standalone"
	"github.com/apierrlint/apierrlint/internal/vetdriver"
)

func main() {
	os.Exit(dispatch(os.Args[1:]))
}

func dispatch(args []string) int {
	switch {
	case len(args) > 0 && args[0] == "lsp":
		return lsp.Main(args[1:])
	case len(args) > 0 && args[0] == "gen":
		return gen.Main(args[1:], os.Stdout, os.Stderr)
	case len(args) > 0 && args[0] == "help":
		return help(args[1:], os.Stdout, os.Stderr)
	case len(args) > 0 && args[0] == "catalog":
		return catalogCmd(args[1:], os.Stdout, os.Stderr)
	case len(args) > 0 && args[0] == "routes":
		return routescmd.Main(args[1:], os.Stdout, os.Stderr)
	case len(args) > 0 && args[0] == "version":
		return versionCmd(args[1:], os.Stdout, os.Stderr)
	case len(args) == 1 && args[0] == "-V=full":
		return vetdriver.Version() // salted by APIERRLINT_DRIVER
	case os.Getenv("APIERRLINT_DRIVER") == "singlechecker":
		// For debugging and comparison: x/tools' own drivers
		// (singlechecker, and unitchecker under go vet).
		a, _ := analyzer.NewWithFlags()
		singlechecker.Main(a)
		return 0
	case len(args) == 1 && args[0] == "-flags":
		// go vet asks which flags the tool takes.
		return vetdriver.Flags(os.Stdout)
	case vetdriver.IsVet(args):
		return vetdriver.Main(args)
	}
	return standalone.Main(args, os.Stdout, os.Stderr)
}
