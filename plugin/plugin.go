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
	"reflect"
	"strings"

	"github.com/golangci/plugin-module-register/register"
	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/config"
	"github.com/apierrlint/apierrlint/internal/settings"
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
	type pathSetting struct{ setting, path string }
	var checks []pathSetting
	for _, c := range s.Catalog {
		checks = append(checks, pathSetting{"catalog", c})
	}
	for _, p := range append(checks, pathSetting{"config", s.ConfigFile}) {
		if strings.Contains(p.path, "${") {
			// golangci-lint v2 substitutes ${base-path} and ${config-path}
			// in the settings of depguard, gocritic and goheader only; a
			// module plugin gets the text as written.
			return nil, settings.Errorf("%s: %q: golangci-lint substitutes ${base-path} and ${config-path} in its own linters' settings only, not in a plugin's; write the path without it: a relative path is looked up in the directory golangci-lint runs in, then in each parent", p.setting, p.path)
		}
	}
	var cfg analyzer.Config
	if s.ConfigFile != "" {
		// The settings of an .apierrlint.yml, shared with the command.
		if !reflect.DeepEqual(s, Settings{ConfigFile: s.ConfigFile}) {
			return nil, settings.Errorf("config: with config, the settings come from that file: give no other setting")
		}
		path, err := catalog.Find(s.ConfigFile, "")
		if err != nil {
			return nil, settings.Errorf("config: %v", err)
		}
		f, err := config.Load(path)
		if err != nil {
			return nil, settings.Errorf("config: %v", err)
		}
		cfg = f.Config
	} else if cfg, err = s.Config(); err != nil {
		return nil, err
	}
	a, err := analyzer.New(cfg)
	if err != nil {
		return nil, settings.Errorf("%v", err)
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
