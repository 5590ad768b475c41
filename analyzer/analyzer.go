// Package analyzer implements apierrlint, a go/analysis analyzer that holds
// HTTP handlers to a documented API error convention. See doc.go.
package analyzer

import (
	"flag"
	"reflect"
	"sync"

	"golang.org/x/tools/go/analysis"
)

// Name is the analyzer's name, also the name under which the golangci-lint
// plugin registers it (so that //nolint:apierrlint works).
const Name = "apierrlint"

// URL is the documentation of the rules; drivers link URL#<rule-id>.
const URL = "https://github.com/apierrlint/apierrlint/blob/main/docs/rules/README.md"

// New returns an analyzer configured by cfg. It fails when cfg is invalid.
// Each call returns an independent analyzer: there is no shared state.
func New(cfg Config) (*analysis.Analyzer, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := cfg.settings()
	return newAnalyzer(func() (*settings, error) { return s, nil }), nil
}

// NewWithFlags returns an analyzer whose configuration comes from its Flags
// (-catalog, -retry-after, -disable, -tests, -generated, ...), for
// singlechecker and go vet, and the Config that the flags fill in (drivers
// read the options meant for them there). The flags are read when the first
// package is analyzed. Drivers call [Config.LoadCatalog] after parsing the
// flags, to report a broken catalog before anything is loaded; otherwise
// the first analysis loads it, and fails if it is broken.
func NewWithFlags() (*analysis.Analyzer, *Config) {
	cfg := new(Config)
	get := sync.OnceValues(func() (*settings, error) {
		if err := cfg.LoadCatalog(""); err != nil {
			return nil, err
		}
		if err := cfg.LoadBaseline(""); err != nil {
			return nil, err
		}
		return cfg.settings(), nil
	})
	a := newAnalyzer(get)
	a.Flags = *flag.NewFlagSet(Name, flag.ExitOnError)
	flagConfig{cfg}.register(&a.Flags)
	return a, cfg
}

func newAnalyzer(get func() (*settings, error)) *analysis.Analyzer {
	return &analysis.Analyzer{
		Name: Name,
		Doc:  Doc,
		URL:  URL,
		Run: func(pass *analysis.Pass) (any, error) {
			s, err := get()
			if err != nil {
				return nil, err
			}
			return run(pass, s)
		},
		FactTypes:  []analysis.Fact{new(HelperFact), new(ErrorTypeFact), new(PackageFact), new(DefaultFact), new(RendererFact), new(RenderedTypesFact), new(OptionFact), new(StatusesFact), new(RoutesFact)},
		ResultType: reflect.TypeFor[*Result](),
	}
}
