// Package plugin registers apierrlint as a golangci-lint v2 module plugin.
//
// A golangci-lint binary that imports this package (see the gcl directory of
// the repository, or .custom-gcl.yml for `golangci-lint custom`) knows the
// linter "apierrlint". Enable it in .golangci.yml:
//
//	version: "2"
//	linters:
//	  enable: [apierrlint]
//	  settings:
//	    custom:
//	      apierrlint:
//	        type: module
//	        settings:
//	          catalog: docs/errors.md
//
// The settings are described by [Settings]. They are turned into the same
// [analyzer.Config] that the apierrlint command fills from its flags, and
// the analyzer is built by [analyzer.New]: the plugin and the command share
// no state.
package plugin

import (
	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
)

func init() {
	register.Plugin(analyzer.Name, New)
}

// New is the golangci-lint plugin constructor. conf holds the linter's
// settings from the golangci-lint configuration (nil when there are none).
// Every problem with them is reported here, before any package is loaded,
// as an error that starts with "apierrlint: settings: " and names the
// setting.
func New(conf any) (register.LinterPlugin, error) {
	s, err := DecodeSettings(conf)
	if err != nil {
		return nil, err
	}
	cfg, err := s.Config()
	if err != nil {
		return nil, err
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		return nil, settingsError("%v", err)
	}
	return &linterPlugin{analyzers: []*analysis.Analyzer{a}}, nil
}

// linterPlugin implements register.LinterPlugin. Its analyzer is built once,
// in New.
type linterPlugin struct {
	analyzers []*analysis.Analyzer
}

// BuildAnalyzers returns the apierrlint analyzer.
func (p *linterPlugin) BuildAnalyzers() ([]*analysis.Analyzer, error) {
	return p.analyzers, nil
}

// GetLoadMode asks golangci-lint for type information, which the analyzer needs.
func (p *linterPlugin) GetLoadMode() string {
	return register.LoadModeTypesInfo
}
