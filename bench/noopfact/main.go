// Command noopfact is a singlechecker whose analyzer does nothing but
// declares one fact type: the driver then loads the whole import graph from
// source. It measures what declaring facts costs by itself.
package main

import (
	"flag"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type fact struct{}

func (*fact) AFact() {}

var Analyzer = &analysis.Analyzer{
	Name:      "noopfact",
	Flags:     flags(),
	Doc:       "does nothing but declares a fact type (benchmark)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(fact)},
}

// flags has one flag that does nothing: changing its value makes go vet
// re-run the tool (a re-analysis with the compiled code cached).
func flags() flag.FlagSet {
	fs := flag.NewFlagSet("noopfact", flag.ExitOnError)
	fs.String("bust", "", "does nothing; a new value makes go vet re-run the analysis")
	return *fs
}

func main() { singlechecker.Main(Analyzer) }
