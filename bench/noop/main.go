// Command noop is the floor for benchmarks: a singlechecker whose analyzer
// does nothing and declares no facts, so the driver loads only the root
// packages from source and everything else from export data.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

var Analyzer = &analysis.Analyzer{
	Name: "noop",
	Doc:  "does nothing (benchmark floor)",
	Run:  func(*analysis.Pass) (any, error) { return nil, nil },
}

func main() { singlechecker.Main(Analyzer) }
