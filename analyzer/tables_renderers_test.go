package analyzer

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"testing"
)

// checkRendererRows checks a table's rows about error renderers and error
// values (renderers, registrations, errorMiddleware, errVars, and the
// errValue and errArg of primitives) against a package set: the real API,
// or the stubs that fixtures use.
func checkRendererRows(t *testing.T, fw *framework, set pkgSet, where string) {
	errType := types.Universe.Lookup("error").Type()
	isHandle := func(typ types.Type) bool {
		return slices.ContainsFunc(fw.handles, func(h typeName) bool { return h.is(typ) })
	}
	var rendererTypes []types.Type
	for _, rt := range fw.renderers {
		tn, err := set.lookupType(rt.typ.pkg + "." + rt.typ.name)
		if err != nil {
			t.Errorf("%s: renderer type %s.%s: not in %s: %v", fw.name, rt.typ.pkg, rt.typ.name, where, err)
			continue
		}
		rendererTypes = append(rendererTypes, tn.Type())
		sig, ok := tn.Type().Underlying().(*types.Signature)
		if !ok {
			t.Errorf("%s: renderer type %s is %s in %s, not a func type", fw.name, tn.Name(), apiTypeString(tn.Type().Underlying()), where)
			continue
		}
		if rt.handle >= sig.Params().Len() || !isHandle(sig.Params().At(rt.handle).Type()) {
			t.Errorf("%s: renderer type %s (%s): parameter %d is not a response of the table", fw.name, tn.Name(), apiTypeString(sig), rt.handle)
		}
		if rt.err >= sig.Params().Len() || !types.Identical(sig.Params().At(rt.err).Type(), errType) {
			t.Errorf("%s: renderer type %s (%s): parameter %d is not an error", fw.name, tn.Name(), apiTypeString(sig), rt.err)
		}
	}
	for _, reg := range fw.registrations {
		tn, err := set.lookupType(reg.typ.pkg + "." + reg.typ.name)
		if err != nil {
			t.Errorf("%s: registration %s.%s: not in %s: %v", fw.name, reg.typ.name, reg.field, where, err)
			continue
		}
		f := structField(tn.Type(), reg.field)
		if f == nil {
			t.Errorf("%s: registration: %s has no field %s in %s", fw.name, tn.Name(), reg.field, where)
			continue
		}
		if !slices.ContainsFunc(rendererTypes, func(rt types.Type) bool { return types.Identical(rt, f.Type()) }) {
			t.Errorf("%s: registration %s.%s is of type %s in %s, not a renderer type of the table", fw.name, tn.Name(), reg.field, apiTypeString(f.Type()), where)
		}
	}
	if mw := fw.errorMiddleware; mw != nil {
		if _, _, err := set.lookupKey(mw.next); err != nil {
			t.Errorf("%s: errorMiddleware next %s: not in %s: %v", fw.name, mw.next, where, err)
		}
		tn, err := set.lookupType(mw.errors.typ.pkg + "." + mw.errors.typ.name)
		if err != nil || structField(tn.Type(), mw.errors.field) == nil {
			t.Errorf("%s: errorMiddleware errors %s.%s: not in %s", fw.name, mw.errors.typ.name, mw.errors.field, where)
		}
	}
	for _, key := range sortedKeys(fw.errVars) {
		ev := fw.errVars[key]
		path, name, _ := apiSplitQualified(key)
		p, ok := set[path]
		if !ok {
			continue // a package the stubs leave out
		}
		obj, ok := p.Types.Scope().Lookup(name).(*types.Var)
		if !ok {
			if where == "the real API" {
				t.Errorf("%s: errVars %s: no such variable in %s%s", fw.name, key, where, set.version(path))
			}
			continue // the stubs declare a few
		}
		if !ev.typ.is(obj.Type()) {
			t.Errorf("%s: errVars %s is of type %s in %s, not %s.%s", fw.name, key, apiTypeString(obj.Type()), where, ev.typ.pkg, ev.typ.name)
		}
	}
	for _, key := range tableKeys(fw) {
		pr := fw.prims[key]
		if pr.errValue.name == "" && pr.errArg < 0 {
			continue
		}
		_, sig, err := set.lookupKey(key)
		if err != nil {
			continue // reported by the other checks
		}
		if pr.errValue.name != "" {
			if sig.Results().Len() != 1 || !pr.errValue.is(sig.Results().At(0).Type()) {
				t.Errorf("%s: row %q builds %s.%s, but returns %s in %s", fw.name, key, pr.errValue.pkg, pr.errValue.name, apiTypeString(sig.Results()), where)
			}
		}
		if pr.errArg >= 0 && (pr.errArg >= sig.Params().Len() || !types.Identical(sig.Params().At(pr.errArg).Type(), errType)) {
			t.Errorf("%s: row %q: errArg %d is not an error parameter in %s", fw.name, key, pr.errArg, where)
		}
	}
}

func structField(t types.Type, name string) *types.Var {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return st.Field(i)
		}
	}
	return nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// checkErrVarStatuses reads the initializer of each predeclared error
// value of the table in the real package's source (NewHTTPError(http.StatusX),
// NewError(StatusX), &httpError{http.StatusX}) and checks the row's status.
func checkErrVarStatuses(t *testing.T, fw *framework, real pkgSet) {
	inits := map[string]ast.Expr{} // "path.Name" -> the status expression
	for _, path := range fw.pkgs {
		p, ok := real[path]
		if !ok {
			continue
		}
		fset := token.NewFileSet()
		for _, name := range p.GoFiles {
			f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
			if err != nil {
				t.Fatal(err)
			}
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, n := range vs.Names {
						if i >= len(vs.Values) {
							continue
						}
						switch v := ast.Unparen(vs.Values[i]).(type) {
						case *ast.CallExpr: // NewError(StatusX)
							if len(v.Args) > 0 {
								inits[path+"."+n.Name] = v.Args[0]
							}
						case *ast.UnaryExpr: // &httpError{http.StatusX}
							if lit, ok := v.X.(*ast.CompositeLit); ok && len(lit.Elts) == 1 {
								inits[path+"."+n.Name] = lit.Elts[0]
							}
						}
					}
				}
			}
		}
	}
	for _, key := range sortedKeys(fw.errVars) {
		ev := fw.errVars[key]
		path, _, _ := apiSplitQualified(key)
		e, ok := inits[key]
		if !ok {
			t.Errorf("%s: errVars %s: no initializer with a status in the real source%s", fw.name, key, real.version(path))
			continue
		}
		var c *types.Const
		switch e := e.(type) {
		case *ast.Ident:
			c, _ = real[path].Types.Scope().Lookup(e.Name).(*types.Const)
		case *ast.SelectorExpr:
			if x, ok := e.X.(*ast.Ident); ok && x.Name == "http" {
				c, _ = real["net/http"].Types.Scope().Lookup(e.Sel.Name).(*types.Const)
			}
		}
		if c == nil {
			t.Errorf("%s: errVars %s: its status %s is not a constant the test can read", fw.name, key, types.ExprString(e))
			continue
		}
		if v, ok := constant.Int64Val(c.Val()); !ok || int(v) != ev.status {
			t.Errorf("%s: errVars %s: status %d in the table, %s = %s in the real source", fw.name, key, ev.status, types.ExprString(e), c.Val())
		}
	}
}
