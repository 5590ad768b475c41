// Command noopfact is a singlechecker whose analyzer does nothing but
// declares one fact type: the driver then loads the whole import graph from
// source. It measures what declaring facts costs by itself.
package main

import (
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/singlechecker"
)

type fact struct{}

func (*fact) AFact() {}

var Analyzer = &analysis.Analyzer{
	Name:      "noopfact",
	Doc:       "does nothing but declares a fact type (benchmark)",
	Run:       func(*analysis.Pass) (any, error) { return nil, nil },
	FactTypes: []analysis.Fact{new(fact)},
}

func main() { singlechecker.Main(Analyzer) }
