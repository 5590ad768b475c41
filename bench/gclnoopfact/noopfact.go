//go:build ignore

// This file is not built in this module: bench/compare.sh copies it (without
// the build constraint above) into a copy of gcl/ to build
// bench/out/bin/custom-gcl-noopfact, golangci-lint with one more module
// plugin, "noopfact": an analyzer that does nothing but declare a fact type.
// Enabled next to govet, it measures what golangci-lint charges any analyzer
// that declares facts (dependencies analyzed, facts cached per package),
// the floor of apierrlint's cost there.
package main

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"
)

type noopFact struct{}

func (*noopFact) AFact() {}

type noopFactPlugin struct{}

func (noopFactPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return []*analysis.Analyzer{{
		Name:      "noopfact",
		Doc:       "does nothing but declares a fact type (benchmark)",
		Run:       func(*analysis.Pass) (any, error) { return nil, nil },
		FactTypes: []analysis.Fact{new(noopFact)},
	}}, nil
}

func (noopFactPlugin) GetLoadMode() string { return register.LoadModeTypesInfo }

func init() {
	register.Plugin("noopfact", func(any) (register.LinterPlugin, error) { return noopFactPlugin{}, nil })
}
