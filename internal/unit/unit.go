// Package unit type-checks one package from source, against types of its
// dependencies that the caller provides, and runs an analyzer on it. It is
// the one place where the drivers that build their own passes (the go vet
// driver, whose dependencies come from the compiler's export data, and the
// language server, whose dependencies are cached) make an analysis.Pass:
// its ReadFile policy, its ResultOf (the required analyzers, run first, as
// x/tools' checker does) and its facts.
package unit

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"slices"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/internal/factstore"
)

// Input describes one package to check.
type Input struct {
	Fset    *token.FileSet
	Path    string   // the package path
	GoFiles []string // absolute names
	// OtherFiles, IgnoredFiles and EmbedFiles may be read by the analyzer
	// (Pass.ReadFile), from disk.
	OtherFiles, IgnoredFiles, EmbedFiles []string
	// Source returns the content of a Go file: an editor's unsaved text,
	// or the file on disk. Nil means os.ReadFile.
	Source func(name string) ([]byte, error)
	// Import returns the types of a dependency, by the import path written
	// in the source.
	Import      func(path string) (*types.Package, error)
	GoVersion   string // "go1.26"; "" for the type checker's default
	Sizes       types.Sizes
	Module      *analysis.Module
	FakeImportC bool // type-check cgo packages with import "C" faked (no cgo run)
}

// Checked is a package parsed and type-checked.
type Checked struct {
	In     *Input
	Files  []*ast.File
	Pkg    *types.Package
	Info   *types.Info
	Errors []error // parse and type errors, at most maxErrors
	// Hard counts the errors other than soft type errors (a variable or an
	// import not used, common while typing): with none, the types are
	// complete and the package can be analyzed.
	Hard int
}

const maxErrors = 100

// Check parses and type-checks a package. Errors do not stop it: they are
// in the result, and files that fail to parse are checked as far as they
// parsed.
func Check(in *Input) *Checked {
	c := &Checked{In: in}
	source := in.Source
	if source == nil {
		source = os.ReadFile
	}
	addErr := func(err error) {
		if len(c.Errors) < maxErrors {
			c.Errors = append(c.Errors, err)
		}
	}
	for _, name := range in.GoFiles {
		src, err := source(name)
		if err != nil {
			addErr(err)
			c.Hard++
			continue
		}
		f, err := parser.ParseFile(in.Fset, name, src, parser.ParseComments|parser.SkipObjectResolution)
		if f != nil {
			c.Files = append(c.Files, f)
		}
		if err != nil {
			addErr(err)
			c.Hard++
		}
	}
	conf := &types.Config{
		Importer:    importerFunc(in.Import),
		Sizes:       in.Sizes,
		GoVersion:   in.GoVersion,
		FakeImportC: in.FakeImportC,
		Error: func(err error) {
			if terr, ok := err.(types.Error); !ok || !terr.Soft {
				c.Hard++
			}
			addErr(err)
		},
	}
	c.Info = NewInfo()
	name := ""
	if len(c.Files) > 0 {
		name = c.Files[0].Name.Name
	}
	c.Pkg = types.NewPackage(in.Path, name)
	types.NewChecker(conf, in.Fset, c.Pkg, c.Info).Files(c.Files)
	return c
}

type importerFunc func(path string) (*types.Package, error)

func (f importerFunc) Import(path string) (*types.Package, error) {
	if path == "unsafe" {
		return types.Unsafe, nil
	}
	return f(path)
}

// NewInfo returns a types.Info with every map an analyzer may read, as the
// go/analysis drivers fill it.
func NewInfo() *types.Info {
	return &types.Info{
		Types:        map[ast.Expr]types.TypeAndValue{},
		Defs:         map[*ast.Ident]types.Object{},
		Uses:         map[*ast.Ident]types.Object{},
		Implicits:    map[ast.Node]types.Object{},
		Instances:    map[*ast.Ident]types.Instance{},
		Scopes:       map[ast.Node]*types.Scope{},
		Selections:   map[*ast.SelectorExpr]*types.Selection{},
		FileVersions: map[*ast.File]string{},
	}
}

// Analyze runs a on a checked package, after the analyzers it requires
// (their results in Pass.ResultOf, as x/tools' checker provides them). Its
// facts are read from and exported to facts; required analyzers must not
// declare facts of their own. A panic of the analyzer is returned as an
// error.
func Analyze(a *analysis.Analyzer, c *Checked, facts *factstore.Store) (diags []analysis.Diagnostic, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis of %s panicked: %v", c.In.Path, r)
		}
	}()
	results := map[*analysis.Analyzer]any{}
	var exec func(a *analysis.Analyzer, report func(analysis.Diagnostic)) (any, error)
	exec = func(a *analysis.Analyzer, report func(analysis.Diagnostic)) (any, error) {
		if r, ok := results[a]; ok {
			return r, nil
		}
		resultOf := map[*analysis.Analyzer]any{}
		for _, req := range a.Requires {
			if len(req.FactTypes) > 0 {
				return nil, fmt.Errorf("%s requires %s, which declares facts: not supported by this driver", a.Name, req.Name)
			}
			r, err := exec(req, func(analysis.Diagnostic) {})
			if err != nil {
				return nil, err
			}
			resultOf[req] = r
		}
		pass := c.pass(a, resultOf, report)
		if len(a.FactTypes) > 0 {
			facts.Bind(pass)
		}
		r, err := a.Run(pass)
		if err != nil {
			return nil, err
		}
		results[a] = r
		return r, nil
	}
	_, err = exec(a, func(d analysis.Diagnostic) { diags = append(diags, d) })
	return diags, err
}

// pass builds the pass of one analyzer over the package.
func (c *Checked) pass(a *analysis.Analyzer, resultOf map[*analysis.Analyzer]any, report func(analysis.Diagnostic)) *analysis.Pass {
	in := c.In
	source := in.Source
	if source == nil {
		source = os.ReadFile
	}
	return &analysis.Pass{
		Analyzer:     a,
		Fset:         in.Fset,
		Files:        c.Files,
		OtherFiles:   in.OtherFiles,
		IgnoredFiles: in.IgnoredFiles,
		Pkg:          c.Pkg,
		TypesInfo:    c.Info,
		TypesSizes:   in.Sizes,
		TypeErrors:   nil,
		Module:       in.Module,
		ResultOf:     resultOf,
		Report:       report,
		// Facts are bound by Analyze; an analyzer without fact types
		// gets functions that fail loudly, as in x/tools' checker.
		ImportObjectFact:  func(types.Object, analysis.Fact) bool { panic("ImportObjectFact: " + a.Name + " declares no facts") },
		ExportObjectFact:  func(types.Object, analysis.Fact) { panic("ExportObjectFact: " + a.Name + " declares no facts") },
		ImportPackageFact: func(*types.Package, analysis.Fact) bool { panic("ImportPackageFact: " + a.Name + " declares no facts") },
		ExportPackageFact: func(analysis.Fact) { panic("ExportPackageFact: " + a.Name + " declares no facts") },
		AllObjectFacts:    func() []analysis.ObjectFact { return nil },
		AllPackageFacts:   func() []analysis.PackageFact { return nil },
		ReadFile: func(name string) ([]byte, error) {
			switch {
			case slices.Contains(in.GoFiles, name):
				return source(name)
			case slices.Contains(in.OtherFiles, name), slices.Contains(in.IgnoredFiles, name), slices.Contains(in.EmbedFiles, name):
				return os.ReadFile(name)
			}
			return nil, fmt.Errorf("Pass.ReadFile: %s is not among the package's files", name)
		},
	}
}
