package analyzer

import (
	"fmt"
	"go/types"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"golang.org/x/tools/go/packages"
)

// TestTables checks the framework tables (fw_*.go) against the frameworks'
// real APIs, and the analysistest stubs of those frameworks
// (testdata/src/github.com/...) against the same APIs, so that a fixture
// written against a stub means what it would mean against the framework.
//
// The real packages come from the module testdata/realapi, whose go.mod
// pins the versions the tables describe; they are loaded from export data
// (the first run downloads and builds them). The stubs are loaded in
// GOPATH mode, as analysistest loads them.

// tableStdPackages are the standard library packages the net/http table
// names.
var tableStdPackages = []string{"net/http", "io", "fmt", "maps", "encoding/json", "net/http/httputil"}

func TestTables(t *testing.T) {
	skipInMutationRun(t) // TestTableIndexes checks the rows against the stubs
	real := loadRealAPI(t)
	t.Run("real", func(t *testing.T) {
		for _, fw := range frameworks {
			checkTableAgainstAPI(t, fw, real, "the real API")
			checkDefaultsTable(t, fw, real, "the real API")
			checkRendererRows(t, fw, real, "the real API")
			checkErrVarStatuses(t, fw, real)
			checkRouteRows(t, fw, real, "the real API")
		}
	})
	t.Run("stubs", func(t *testing.T) {
		stubs, stubPaths := loadStubs(t)
		for _, path := range stubPaths {
			r, ok := real[path]
			if !ok {
				t.Errorf("stub package %s: no such package in testdata/realapi (add it to realapi.go and go.mod)", path)
				continue
			}
			checkStubPackage(t, stubs[path], r)
		}
		for _, fw := range frameworks {
			checkTableAgainstAPI(t, fw, stubs, "the stubs (testdata/src)")
			checkDefaultsTable(t, fw, stubs, "the stubs (testdata/src)")
			checkRendererRows(t, fw, stubs, "the stubs (testdata/src)")
			checkRouteRows(t, fw, stubs, "the stubs (testdata/src)")
		}
	})
}

// TestTableIndexes checks the rows against the stubs that the fixtures
// load (TestTables checks the stubs against the real API), without a load
// of its own.
func TestTableIndexes(t *testing.T) {
	set := pkgSet{}
	var roots []*packages.Package
	for _, res := range fixtures(t).results {
		roots = append(roots, res.Action.Package)
	}
	packages.Visit(roots, nil, func(p *packages.Package) {
		if _, ok := set[p.PkgPath]; !ok {
			set[p.PkgPath] = p
		}
	})
	for _, fw := range frameworks {
		checkTableAgainstAPI(t, fw, set, "the stubs (testdata/src)")
	}
}

// pkgSet is a package graph by package path.
type pkgSet map[string]*packages.Package

// loadRealAPI loads the framework packages through testdata/realapi.
func loadRealAPI(t *testing.T) pkgSet {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "realapi"))
	if err != nil {
		t.Fatal(err)
	}
	patterns := slices.Clone(tableStdPackages)
	for _, fw := range frameworks[1:] {
		patterns = append(patterns, fw.pkgs...)
	}
	// Packages that only the stubs stand for (fasthttp, chi).
	patterns = append(patterns, "github.com/valyala/fasthttp", "github.com/go-chi/chi/v5")
	// Packages that only the defaults name (fiber's limiter, echo's middleware).
	for _, path := range slices.Sorted(maps.Keys(fallbackPkgs)) {
		if !slices.Contains(patterns, path) {
			patterns = append(patterns, path)
		}
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports | packages.NeedModule | packages.NeedFiles,
		Dir:  dir,
		Env:  append(os.Environ(), "GOFLAGS=", "GOWORK=off"),
	}
	return loadPkgSet(t, cfg, patterns)
}

// loadStubs loads every stub package under testdata/src/github.com in
// GOPATH mode, and the standard library packages the tables name. It
// returns the package set and the stubs' paths.
func loadStubs(t *testing.T) (pkgSet, []string) {
	t.Helper()
	gopath, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	cfg := &packages.Config{
		Mode: packages.NeedName | packages.NeedTypes | packages.NeedDeps | packages.NeedImports,
		Dir:  filepath.Join(gopath, "src"),
		Env:  append(os.Environ(), "GO111MODULE=off", "GOPATH="+gopath, "GOFLAGS=", "GOWORK=off"),
	}
	pkgs := loadPkgSet(t, cfg, append([]string{"./github.com/..."}, tableStdPackages...))
	var stubPaths []string
	for path := range pkgs {
		if strings.HasPrefix(path, "github.com/") {
			stubPaths = append(stubPaths, path)
		}
	}
	sort.Strings(stubPaths)
	if len(stubPaths) == 0 {
		t.Fatal("no stub packages under testdata/src/github.com")
	}
	return pkgs, stubPaths
}

func loadPkgSet(t *testing.T, cfg *packages.Config, patterns []string) pkgSet {
	t.Helper()
	roots, err := packages.Load(cfg, patterns...)
	if err != nil {
		t.Fatalf("loading %v in %s: %v", patterns, cfg.Dir, err)
	}
	set := pkgSet{}
	var errs []string
	packages.Visit(roots, nil, func(p *packages.Package) {
		set[p.PkgPath] = p
		for _, e := range p.Errors {
			errs = append(errs, e.Error())
		}
	})
	if len(errs) > 0 {
		t.Fatalf("loading %v in %s:\n%s", patterns, cfg.Dir, strings.Join(errs, "\n"))
	}
	return set
}

// version names a package's module version, for messages.
func (s pkgSet) version(path string) string {
	if p, ok := s[path]; ok && p.Module != nil {
		return " (" + p.Module.Path + " " + p.Module.Version + ")"
	}
	return ""
}

// apiQualifier prints a package by its path, so that a stub's types and
// the real ones print alike.
func apiQualifier(p *types.Package) string { return p.Path() }

func apiTypeString(t types.Type) string { return types.TypeString(t, apiQualifier) }

// apiSplitQualified splits "path/to/pkg.Name" at the dot after the last
// slash.
func apiSplitQualified(s string) (path, name string, ok bool) {
	slash := strings.LastIndex(s, "/")
	dot := strings.Index(s[slash+1:], ".")
	if dot < 0 {
		return "", "", false
	}
	return s[:slash+1+dot], s[slash+1+dot+1:], true
}

// lookupKey resolves a table key: "(pkg.T).M" or "(*pkg.T).M" to the
// method, "pkg.F" to the package-level function or variable. It returns
// the object and its signature, or an error that says what is missing.
func (s pkgSet) lookupKey(key string) (types.Object, *types.Signature, error) {
	if rest, ok := strings.CutPrefix(key, "("); ok {
		recv, method, ok := strings.Cut(rest, ").")
		if !ok {
			return nil, nil, fmt.Errorf("malformed method key")
		}
		ptr := strings.HasPrefix(recv, "*")
		tn, err := s.lookupType(strings.TrimPrefix(recv, "*"))
		if err != nil {
			return nil, nil, err
		}
		typ := tn.Type()
		if ptr {
			if types.IsInterface(typ) {
				return nil, nil, fmt.Errorf("%s is an interface: its methods are named (%s).%s", tn.Name(), strings.TrimPrefix(recv, "*"), method)
			}
			typ = types.NewPointer(typ)
		}
		obj, _, _ := types.LookupFieldOrMethod(typ, true, tn.Pkg(), method)
		fn, ok := obj.(*types.Func)
		if !ok {
			if obj != nil {
				return nil, nil, fmt.Errorf("%s is a %T, not a method", method, obj)
			}
			return nil, nil, fmt.Errorf("type %s has no method %s", apiTypeString(tn.Type()), method)
		}
		if got := fn.FullName(); got != key {
			return nil, nil, fmt.Errorf("the method's full name is %s (receiver %s)", got, apiTypeString(fn.Signature().Recv().Type()))
		}
		return fn, fn.Signature(), nil
	}
	path, name, ok := apiSplitQualified(key)
	if !ok {
		return nil, nil, fmt.Errorf("malformed key")
	}
	p, ok := s[path]
	if !ok || p.Types == nil {
		return nil, nil, fmt.Errorf("package %s is not loaded", path)
	}
	obj := p.Types.Scope().Lookup(name)
	switch obj := obj.(type) {
	case nil:
		return nil, nil, fmt.Errorf("package %s has no %s", path, name)
	case *types.Func:
		if got := obj.FullName(); got != key {
			return nil, nil, fmt.Errorf("the function's full name is %s", got)
		}
		return obj, obj.Signature(), nil
	case *types.Var:
		sig, ok := obj.Type().Underlying().(*types.Signature)
		if !ok {
			return nil, nil, fmt.Errorf("%s is a variable of type %s, not of a func type", key, apiTypeString(obj.Type()))
		}
		return obj, sig, nil
	default:
		return nil, nil, fmt.Errorf("%s is a %T, not a function or a variable", key, obj)
	}
}

// apiKeyPackage returns the package path of a table key.
func apiKeyPackage(key string) string {
	if rest, ok := strings.CutPrefix(key, "("); ok {
		recv, _, _ := strings.Cut(rest, ").")
		key = strings.TrimPrefix(recv, "*")
	}
	path, _, _ := apiSplitQualified(key)
	return path
}

// lookupType resolves "path/to/pkg.Name" to a type name.
func (s pkgSet) lookupType(qualified string) (*types.TypeName, error) {
	path, name, ok := apiSplitQualified(qualified)
	if !ok {
		return nil, fmt.Errorf("malformed type name %q", qualified)
	}
	p, ok := s[path]
	if !ok || p.Types == nil {
		return nil, fmt.Errorf("package %s is not loaded", path)
	}
	obj := p.Types.Scope().Lookup(name)
	tn, ok := obj.(*types.TypeName)
	if !ok {
		if obj == nil {
			return nil, fmt.Errorf("package %s has no type %s", path, name)
		}
		return nil, fmt.Errorf("%s is a %T, not a type", qualified, obj)
	}
	return tn, nil
}

// tableKeys returns a table's keys in order.
func tableKeys(fw *framework) []string {
	keys := make([]string, 0, len(fw.prims))
	for k := range fw.prims {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// tableTypeLists are a framework's type-name lists, by the field's name.
func tableTypeLists(fw *framework) []struct {
	field string
	names []typeName
} {
	return []struct {
		field string
		names []typeName
	}{{"handles", fw.handles}, {"headerTypes", fw.headerTypes}, {"mapBodies", fw.mapBodies}}
}

// checkTableAgainstAPI checks each row of a table and its types against
// an API (what names it): the function or method exists with the row's
// full name, and the row's argument indexes are parameters of the right
// types.
func checkTableAgainstAPI(t *testing.T, fw *framework, real pkgSet, what string) {
	for _, path := range fw.pkgs {
		if _, ok := real[path]; !ok {
			t.Errorf("%s: package %s is not loaded", fw.name, path)
		}
	}
	httpPkg := real["net/http"].Types
	responseWriter := httpPkg.Scope().Lookup("ResponseWriter").Type()
	for _, key := range tableKeys(fw) {
		pr := fw.prims[key]
		obj, sig, err := real.lookupKey(key)
		if err != nil {
			t.Errorf("%s: row %q does not match %s%s: %v", fw.name, key, what, real.version(apiKeyPackage(key)), err)
			continue
		}
		where := fmt.Sprintf("%s: row %q (%s: %s%s)", fw.name, key, what, apiTypeString(sig), real.version(obj.Pkg().Path()))
		params := sig.Params()
		for _, ix := range []struct {
			name string
			i    int
		}{{"status", pr.status}, {"body", pr.body}, {"ctype", pr.ctype}, {"key", pr.key}, {"handle", pr.handle}} {
			if ix.i < -1 {
				t.Errorf("%s: %s index %d: -1 is the only negative index", where, ix.name, ix.i)
			}
			if ix.i >= params.Len() {
				t.Errorf("%s: %s index %d: the function has %d parameters", where, ix.name, ix.i, params.Len())
			}
		}
		param := func(i int) *types.Var {
			if i < 0 || i >= params.Len() {
				return nil
			}
			return params.At(i)
		}
		if v := param(pr.status); v != nil && !types.Identical(v.Type(), types.Typ[types.Int]) {
			t.Errorf("%s: status index %d is parameter %s of type %s, not int", where, pr.status, v.Name(), apiTypeString(v.Type()))
		}
		for _, ix := range []struct {
			name string
			i    int
		}{{"key", pr.key}, {"ctype", pr.ctype}} {
			if v := param(ix.i); v != nil && !types.Identical(v.Type(), types.Typ[types.String]) {
				t.Errorf("%s: %s index %d is parameter %s of type %s, not string", where, ix.name, ix.i, v.Name(), apiTypeString(v.Type()))
			}
		}
		if sig.Recv() != nil && pr.handle >= 0 {
			t.Errorf("%s: a method with handle index %d: a method's response is its receiver (-1)", where, pr.handle)
		}
		if v := param(pr.handle); v != nil && !apiAcceptsResponse(pr.role, v.Type(), responseWriter) {
			t.Errorf("%s: handle index %d is parameter %s of type %s, which is not net/http.ResponseWriter", where, pr.handle, v.Name(), apiTypeString(v.Type()))
		}
	}
	for _, list := range tableTypeLists(fw) {
		for _, tn := range list.names {
			obj, err := real.lookupType(tn.pkg + "." + tn.name)
			if err != nil {
				t.Errorf("%s: %s entry %s.%s: not in %s%s: %v", fw.name, list.field, tn.pkg, tn.name, what, real.version(tn.pkg), err)
				continue
			}
			if list.field == "mapBodies" {
				m, ok := obj.Type().Underlying().(*types.Map)
				if !ok || !types.Identical(m.Key(), types.Typ[types.String]) {
					t.Errorf("%s: mapBodies entry %s.%s: its type is %s, not a map with string keys", fw.name, tn.pkg, tn.name, apiTypeString(obj.Type().Underlying()))
				}
			}
		}
	}
}

// apiAcceptsResponse reports whether a handle parameter of type typ takes the
// response: it is net/http.ResponseWriter, or an interface that a
// ResponseWriter implements (io.Writer: io.WriteString, fmt.Fprint), or, for
// a header copy (maps.Copy), a type parameter constrained to maps, which a
// response's http.Header instantiates.
func apiAcceptsResponse(r role, typ, responseWriter types.Type) bool {
	if types.Identical(typ, responseWriter) {
		return true
	}
	if types.IsInterface(typ) && !apiIsTypeParam(typ) {
		return types.AssignableTo(responseWriter, typ)
	}
	if tp, ok := typ.(*types.TypeParam); ok && r == roleHeaderCopy {
		iface, ok := tp.Constraint().Underlying().(*types.Interface)
		if !ok {
			return false
		}
		for i := 0; i < iface.NumEmbeddeds(); i++ {
			switch e := iface.EmbeddedType(i).(type) {
			case *types.Union:
				for j := 0; j < e.Len(); j++ {
					if _, ok := e.Term(j).Type().Underlying().(*types.Map); ok && e.Term(j).Tilde() {
						return true
					}
				}
			}
		}
	}
	return false
}

func apiIsTypeParam(t types.Type) bool {
	_, ok := t.(*types.TypeParam)
	return ok
}

// checkStubPackage checks that every declaration of a stub package is the
// real package's: same kind, same signature or type.
func checkStubPackage(t *testing.T, stub, real *packages.Package) {
	scope := stub.Types.Scope()
	for _, name := range scope.Names() {
		obj := scope.Lookup(name)
		where := fmt.Sprintf("stub %s.%s", stub.PkgPath, name)
		robj := real.Types.Scope().Lookup(name)
		if robj == nil {
			t.Errorf("%s: not in the real package%s", where, pkgSet{real.PkgPath: real}.version(real.PkgPath))
			continue
		}
		if fmt.Sprintf("%T", obj) != fmt.Sprintf("%T", robj) {
			t.Errorf("%s: a %s in the stub, a %s in the real package", where, apiObjKind(obj), apiObjKind(robj))
			continue
		}
		switch obj := obj.(type) {
		case *types.Func:
			compareAPIFuncs(t, where, obj, robj.(*types.Func))
		case *types.Var:
			if s, r := apiTypeString(obj.Type()), apiTypeString(robj.Type()); s != r {
				t.Errorf("%s: variable of type\n\t%s\nreal:\n\t%s", where, s, r)
			}
		case *types.Const:
			rc := robj.(*types.Const)
			if s, r := apiTypeString(obj.Type()), apiTypeString(rc.Type()); s != r {
				t.Errorf("%s: constant of type %s, real: %s", where, s, r)
			}
			if s, r := obj.Val().ExactString(), rc.Val().ExactString(); s != r {
				t.Errorf("%s: constant %s, real: %s", where, s, r)
			}
		case *types.TypeName:
			compareAPITypes(t, where, obj, robj.(*types.TypeName))
		}
	}
}

func apiObjKind(obj types.Object) string {
	switch obj := obj.(type) {
	case *types.Func:
		return "function"
	case *types.Var:
		return "variable"
	case *types.Const:
		return "constant"
	case *types.TypeName:
		if obj.IsAlias() {
			return "type alias"
		}
		return "type"
	}
	return fmt.Sprintf("%T", obj)
}

// compareAPIFuncs compares two functions or methods: receiver, parameter
// names and types, results, type parameters.
func compareAPIFuncs(t *testing.T, where string, stub, real *types.Func) {
	if s, r := stub.FullName(), real.FullName(); s != r {
		t.Errorf("%s: full name %s, real: %s", where, s, r)
	}
	if s, r := apiSigString(stub.Signature()), apiSigString(real.Signature()); s != r {
		t.Errorf("%s: signature\n\t%s\nreal:\n\t%s", where, s, r)
	}
}

// apiSigString prints a signature with its type parameters, parameter and
// result names and types.
func apiSigString(sig *types.Signature) string {
	s := apiTypeString(sig)
	if tps := sig.TypeParams(); tps != nil && tps.Len() > 0 {
		var b []string
		for i := 0; i < tps.Len(); i++ {
			b = append(b, tps.At(i).Obj().Name()+" "+apiTypeString(tps.At(i).Constraint()))
		}
		s = "[" + strings.Join(b, ", ") + "]" + s
	}
	return s
}

// compareAPITypes compares a stub's type with the real one: an alias's target,
// or a defined type's underlying kind; a struct's fields and an
// interface's methods must each be the real type's (a stub may leave some
// out); a defined type's methods must each be the real type's.
func compareAPITypes(t *testing.T, where string, stub, real *types.TypeName) {
	if stub.IsAlias() != real.IsAlias() {
		t.Errorf("%s: a %s in the stub, a %s in the real package", where, apiObjKind(stub), apiObjKind(real))
		return
	}
	if stub.IsAlias() {
		if s, r := apiTypeString(types.Unalias(stub.Type())), apiTypeString(types.Unalias(real.Type())); s != r {
			t.Errorf("%s: alias of\n\t%s\nreal:\n\t%s", where, s, r)
		}
		return
	}
	su, ru := stub.Type().Underlying(), real.Type().Underlying()
	switch su := su.(type) {
	case *types.Struct:
		rs, ok := ru.(*types.Struct)
		if !ok {
			t.Errorf("%s: a struct, real: %s", where, apiTypeString(ru))
			break
		}
		for i := 0; i < su.NumFields(); i++ {
			f := su.Field(i)
			j := slices.IndexFunc(apiStructFields(rs), func(g *types.Var) bool { return g.Name() == f.Name() })
			if j < 0 {
				t.Errorf("%s: field %s: the real struct has no such field", where, f.Name())
				continue
			}
			g := rs.Field(j)
			if s, r := apiFieldString(f, su.Tag(i)), apiFieldString(g, rs.Tag(j)); s != r {
				t.Errorf("%s: field %s, real: %s", where, s, r)
			}
		}
	case *types.Interface:
		ri, ok := ru.(*types.Interface)
		if !ok {
			t.Errorf("%s: an interface, real: %s", where, apiTypeString(ru))
			break
		}
		for i := 0; i < su.NumMethods(); i++ {
			m := su.Method(i)
			rm := apiInterfaceMethod(ri, m.Name())
			if rm == nil {
				t.Errorf("%s: method %s: the real interface has no such method", where, m.Name())
				continue
			}
			if s, r := apiSigString(m.Signature()), apiSigString(rm.Signature()); s != r {
				t.Errorf("%s: method %s\n\t%s\nreal:\n\t%s", where, m.Name(), s, r)
			}
		}
	default:
		if s, r := apiTypeString(su), apiTypeString(ru); s != r {
			t.Errorf("%s: type %s, real: %s", where, s, r)
		}
	}
	sn, ok := stub.Type().(*types.Named)
	if !ok {
		return
	}
	rn := real.Type().(*types.Named)
	for i := 0; i < sn.NumMethods(); i++ {
		m := sn.Method(i)
		var rm *types.Func
		for j := 0; j < rn.NumMethods(); j++ {
			if rn.Method(j).Name() == m.Name() {
				rm = rn.Method(j)
			}
		}
		if rm == nil {
			t.Errorf("%s: method %s: the real type declares no such method", where, m.Name())
			continue
		}
		compareAPIFuncs(t, where+"."+m.Name(), m, rm)
	}
}

func apiStructFields(s *types.Struct) []*types.Var {
	fields := make([]*types.Var, s.NumFields())
	for i := range fields {
		fields[i] = s.Field(i)
	}
	return fields
}

func apiFieldString(f *types.Var, tag string) string {
	s := f.Name() + " " + apiTypeString(f.Type())
	if f.Embedded() {
		s = "embedded " + apiTypeString(f.Type())
	}
	if tag != "" {
		s += " `" + tag + "`"
	}
	return s
}

func apiInterfaceMethod(iface *types.Interface, name string) *types.Func {
	for i := 0; i < iface.NumMethods(); i++ {
		if iface.Method(i).Name() == name {
			return iface.Method(i)
		}
	}
	return nil
}

// checkRouteRows checks the routing rows (routerows.go) against an API:
// the method or function exists with the row's full name, its path and
// method arguments are strings, its handler, function or router argument
// is a parameter (the last one for lastArg), and a routeSub's function
// takes one router.
func checkRouteRows(t *testing.T, fw *framework, api pkgSet, what string) {
	for _, key := range slices.Sorted(maps.Keys(fw.routes)) {
		row := fw.routes[key]
		obj, sig, err := api.lookupKey(key)
		if err != nil {
			t.Errorf("%s: route row %q does not match %s%s: %v", fw.name, key, what, api.version(apiKeyPackage(key)), err)
			continue
		}
		where := fmt.Sprintf("%s: route row %q (%s: %s%s)", fw.name, key, what, apiTypeString(sig), api.version(obj.Pkg().Path()))
		params := sig.Params()
		param := func(i int) *types.Var {
			if i == lastArg && sig.Variadic() {
				return params.At(params.Len() - 1)
			}
			if i < 0 || i >= params.Len() {
				return nil
			}
			return params.At(i)
		}
		isString := func(v *types.Var) bool {
			if v == nil {
				return false
			}
			if s, ok := v.Type().(*types.Slice); ok && v == params.At(params.Len()-1) && sig.Variadic() {
				return types.Identical(s.Elem(), types.Typ[types.String])
			}
			return types.Identical(v.Type().Underlying(), types.Typ[types.String])
		}
		if row.path >= 0 && !isString(param(row.path)) {
			t.Errorf("%s: path index %d is not a string parameter", where, row.path)
		}
		if row.methodArg >= 0 && !isString(param(row.methodArg)) {
			t.Errorf("%s: method index %d is not a string parameter", where, row.methodArg)
		}
		if row.kind != routeGroup && param(row.arg) == nil {
			t.Errorf("%s: argument index %d is not a parameter", where, row.arg)
		}
		if row.kind == routeGroup && sig.Results().Len() != 1 {
			t.Errorf("%s: a group row returns one router", where)
		}
		if row.kind == routeSub {
			fn, ok := param(row.arg).Type().Underlying().(*types.Signature)
			if !ok || fn.Params().Len() != 1 {
				t.Errorf("%s: argument %d is not a function of one router", where, row.arg)
			}
		}
	}
}
