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
)

func main() {
	a := analyzer.NewWithFlags()
	if cfg, ok := parseFast(a, os.Args[1:]); ok {
		os.Exit(runFast(a, cfg))
	}
	singlechecker.Main(a)
}
