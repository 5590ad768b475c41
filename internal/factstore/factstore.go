// Package factstore keeps the analysis facts that one pass sees, for the
// drivers that build their passes themselves: the go vet driver and the
// language server. (The go/analysis checker has its own.)
package factstore

import (
	"fmt"
	"go/types"
	"reflect"

	"golang.org/x/tools/go/analysis"
)

// Store holds the facts of a pass over one package: those of its
// dependencies, added by the driver, and those the pass exports.
type Store struct {
	pkg      *types.Package
	filter   map[reflect.Type]bool
	objects  map[types.Object][]analysis.Fact
	order    []types.Object // objects in the order their first fact came
	packages map[*types.Package][]analysis.Fact
	pkgOrder []*types.Package
}

// New returns an empty store for a pass of a over pkg.
func New(a *analysis.Analyzer, pkg *types.Package) *Store {
	s := &Store{
		pkg:      pkg,
		filter:   map[reflect.Type]bool{},
		objects:  map[types.Object][]analysis.Fact{},
		packages: map[*types.Package][]analysis.Fact{},
	}
	for _, f := range a.FactTypes {
		s.filter[reflect.TypeOf(f)] = true
	}
	return s
}

// AddObject records a fact about obj, replacing one of the same type.
func (s *Store) AddObject(obj types.Object, f analysis.Fact) {
	list := s.objects[obj]
	if len(list) == 0 {
		s.order = append(s.order, obj)
	}
	s.objects[obj] = setFact(list, f)
}

// AddPackage records a fact about pkg, replacing one of the same type.
func (s *Store) AddPackage(pkg *types.Package, f analysis.Fact) {
	list := s.packages[pkg]
	if len(list) == 0 {
		s.pkgOrder = append(s.pkgOrder, pkg)
	}
	s.packages[pkg] = setFact(list, f)
}

// Bind makes the store serve the pass's fact functions.
func (s *Store) Bind(pass *analysis.Pass) {
	pass.ImportObjectFact = func(obj types.Object, ptr analysis.Fact) bool {
		return obj != nil && getFact(s.objects[obj], ptr)
	}
	pass.ExportObjectFact = func(obj types.Object, f analysis.Fact) {
		if obj.Pkg() != s.pkg {
			panic(fmt.Sprintf("ExportObjectFact(%s, %T): object not in package %s", obj, f, s.pkg.Path()))
		}
		s.AddObject(obj, f)
	}
	pass.ImportPackageFact = func(pkg *types.Package, ptr analysis.Fact) bool {
		return pkg != nil && getFact(s.packages[pkg], ptr)
	}
	pass.ExportPackageFact = func(f analysis.Fact) { s.AddPackage(s.pkg, f) }
	pass.AllObjectFacts = func() []analysis.ObjectFact {
		var out []analysis.ObjectFact
		for _, obj := range s.order {
			for _, f := range s.objects[obj] {
				if s.filter[reflect.TypeOf(f)] {
					out = append(out, analysis.ObjectFact{Object: obj, Fact: f})
				}
			}
		}
		return out
	}
	pass.AllPackageFacts = func() []analysis.PackageFact {
		var out []analysis.PackageFact
		for _, pkg := range s.pkgOrder {
			for _, f := range s.packages[pkg] {
				if s.filter[reflect.TypeOf(f)] {
					out = append(out, analysis.PackageFact{Package: pkg, Fact: f})
				}
			}
		}
		return out
	}
}

// Own returns the facts about the store's package and its objects, in the
// order they were first recorded.
func (s *Store) Own() (objs []analysis.ObjectFact, pkg []analysis.Fact) {
	for _, obj := range s.order {
		if obj.Pkg() == s.pkg {
			for _, f := range s.objects[obj] {
				objs = append(objs, analysis.ObjectFact{Object: obj, Fact: f})
			}
		}
	}
	return objs, s.packages[s.pkg]
}

// setFact replaces the fact of f's type in list, or appends it.
func setFact(list []analysis.Fact, f analysis.Fact) []analysis.Fact {
	for i, g := range list {
		if reflect.TypeOf(g) == reflect.TypeOf(f) {
			list[i] = f
			return list
		}
	}
	return append(list, f)
}

// getFact copies the fact of ptr's type in list into *ptr.
func getFact(list []analysis.Fact, ptr analysis.Fact) bool {
	for _, g := range list {
		if reflect.TypeOf(g) == reflect.TypeOf(ptr) {
			reflect.ValueOf(ptr).Elem().Set(reflect.ValueOf(g).Elem())
			return true
		}
	}
	return false
}
