package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
)

// The index of what one package does with the tables' products (for
// default-error-response, defaults.go): the tables' objects among its
// imports, its creations, the replacements it makes anywhere, and the
// variables and fields that may hold a product, with their uses.
// creation is a call of a constructor or a composite literal that makes a
// product of the tables.
type creation struct {
	node  ast.Expr // *ast.CallExpr or *ast.CompositeLit
	path  []ast.Node
	maker maker
	rows  []*fallback
}

// defaultsPass is what default-error-response knows of one package.
type defaultsPass struct {
	p       *pass
	checked map[*token.File]bool

	// The objects of the tables in this package's imports.
	makers    map[types.Object][]makerRow  // constructors and literal types
	repls     map[types.Object][]*fallback // replacement fields and methods
	slotTypes map[*types.TypeName]bool     // instance and config types
	products  map[*types.TypeName]bool     // instance types

	creations []creation
	replaced  map[string]bool // ids of defaults the package replaces anywhere

	// uses are the references to variables and fields of a slot type, in
	// the files analyzed (a test does not change what production sends);
	// defs the declarations of such variables; paths the ancestors of
	// each of those identifiers.
	uses  map[types.Object][]*ast.Ident
	defs  map[types.Object]*ast.Ident
	paths map[*ast.Ident][]ast.Node
}

type makerRow struct {
	maker maker
	row   *fallback
}

// newDefaultsPass indexes what the package does with the tables' products;
// nil when it imports none of their packages or mentions none of them.
func newDefaultsPass(p *pass, checked []*ast.File) *defaultsPass {
	if fallbackPkgs[p.Pkg.Path()] {
		return nil // the framework's own code: how it uses its products is not the app's choice
	}
	pkgs := map[string]*types.Package{}
	for _, imp := range p.Pkg.Imports() {
		if fallbackPkgs[imp.Path()] {
			pkgs[imp.Path()] = imp
		}
	}
	if len(pkgs) == 0 {
		return nil
	}
	d := &defaultsPass{
		p:         p,
		checked:   map[*token.File]bool{},
		makers:    map[types.Object][]makerRow{},
		repls:     map[types.Object][]*fallback{},
		slotTypes: map[*types.TypeName]bool{},
		products:  map[*types.TypeName]bool{},
		replaced:  map[string]bool{},
		uses:      map[types.Object][]*ast.Ident{},
		defs:      map[types.Object]*ast.Ident{},
		paths:     map[*ast.Ident][]ast.Node{},
	}
	d.resolve(pkgs)
	if len(d.makers) == 0 && len(d.repls) == 0 && len(d.slotTypes) == 0 {
		return nil
	}
	for _, f := range checked {
		d.checked[p.Fset.File(f.Pos())] = true
	}
	considered := map[*token.File]bool{}
	for _, f := range p.Files {
		if tf := p.Fset.File(f.Pos()); !strings.HasSuffix(tf.Name(), "_test.go") || p.s.tests {
			considered[tf] = true
		}
	}
	// The identifiers that matter, in the files analyzed.
	want := map[*ast.Ident]bool{}
	files := map[*token.File]bool{}
	note := func(id *ast.Ident) bool {
		tf := p.Fset.File(id.Pos())
		if !considered[tf] {
			return false
		}
		want[id] = true
		files[tf] = true
		return true
	}
	var configs bool
	for id, obj := range p.TypesInfo.Uses {
		if rows, ok := d.makers[obj]; ok {
			if note(id) && rows[0].maker.config != "" {
				configs = true
			}
		} else if _, ok := d.repls[obj]; ok {
			note(id)
		} else if v, ok := obj.(*types.Var); ok && len(d.slotTypes) > 0 && d.isSlotType(v.Type()) {
			if note(id) {
				d.uses[v] = append(d.uses[v], id)
			}
		}
	}
	if len(want) == 0 && !d.hasSlotParams() {
		return nil
	}
	if configs {
		// A config in a variable: its declaration says where it comes from.
		for id, obj := range p.TypesInfo.Defs {
			if v, ok := obj.(*types.Var); ok && !v.IsField() && d.isSlotType(v.Type()) && note(id) {
				d.defs[v] = id
			}
		}
	}
	for _, f := range p.Files {
		if !files[p.Fset.File(f.Pos())] {
			continue
		}
		ast.PreorderStack(f, nil, func(n ast.Node, stack []ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && want[id] {
				d.paths[id] = slices.Clone(stack)
			}
			return true
		})
	}
	for obj, ids := range d.uses {
		sort.Slice(ids, func(i, j int) bool { return ids[i].Pos() < ids[j].Pos() })
		d.uses[obj] = ids
	}
	for id := range want {
		obj := p.TypesInfo.Uses[id]
		if rows, ok := d.makers[obj]; ok {
			d.noteCreation(id, rows)
		} else if rows, ok := d.repls[obj]; ok && d.replaces(id, obj) {
			for _, fb := range rows {
				d.replaced[fb.id] = true
			}
		}
	}
	sort.Slice(d.creations, func(i, j int) bool { return d.creations[i].node.Pos() < d.creations[j].node.Pos() })
	return d
}

// resolve finds the tables' objects in the packages at hand.
func (d *defaultsPass) resolve(pkgs map[string]*types.Package) {
	lookupType := func(t typeName) *types.TypeName {
		if pkg := pkgs[t.pkg]; pkg != nil {
			tn, _ := pkg.Scope().Lookup(t.name).(*types.TypeName)
			return tn
		}
		return nil
	}
	for _, fb := range fallbacks {
		for _, mk := range fb.makers {
			pkg := pkgs[mk.pkgPath()]
			if pkg == nil {
				continue
			}
			var obj types.Object
			if mk.fn != "" {
				if fn, ok := pkg.Scope().Lookup(mk.fn[len(pkg.Path())+1:]).(*types.Func); ok && fn.FullName() == mk.fn {
					obj = fn
				}
			} else if tn := lookupType(mk.lit); tn != nil {
				obj = tn
			}
			if obj == nil {
				continue
			}
			d.makers[obj] = append(d.makers[obj], makerRow{mk, fb})
			if mk.config != "" {
				if cfg := configParam(obj, mk.config); cfg != nil {
					if tn := namedOf(cfg.Type()); tn != nil {
						d.slotTypes[tn] = true
					}
				}
			}
		}
		if tn := lookupType(fb.instance); tn != nil {
			d.slotTypes[tn] = true
			d.products[tn] = true
		}
		for _, r := range fb.replacedBy {
			tn := lookupType(r.on)
			if tn == nil {
				continue
			}
			name := r.field + r.method
			obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(tn.Type()), true, tn.Pkg(), name)
			if obj != nil {
				d.repls[obj] = append(d.repls[obj], fb)
			}
		}
	}
}

// configParam returns a constructor's config parameter, the element type
// of a variadic one.
func configParam(obj types.Object, name string) *types.Var {
	fn, ok := obj.(*types.Func)
	if !ok {
		return nil
	}
	params := fn.Signature().Params()
	for i := range params.Len() {
		if v := params.At(i); v.Name() == name {
			if fn.Signature().Variadic() && i == params.Len()-1 {
				if s, ok := v.Type().(*types.Slice); ok {
					return types.NewParam(v.Pos(), v.Pkg(), v.Name(), s.Elem())
				}
			}
			return v
		}
	}
	return nil
}

// paramIndex returns the index of a function's parameter by name, or -1.
func paramIndex(fn *types.Func, name string) int {
	params := fn.Signature().Params()
	for i := range params.Len() {
		if params.At(i).Name() == name {
			return i
		}
	}
	return -1
}

// namedOf returns the type name of T or *T.
func namedOf(t types.Type) *types.TypeName {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if n, ok := types.Unalias(t).(*types.Named); ok {
		return n.Origin().Obj()
	}
	return nil
}

// isSlotType reports whether values of t are products or configs of the
// tables: variables and fields of such a type are followed.
func (d *defaultsPass) isSlotType(t types.Type) bool {
	tn := namedOf(t)
	return tn != nil && d.slotTypes[tn]
}

// hasSlotParams reports whether an exported function of the package takes
// a product (and may need a DefaultFact).
func (d *defaultsPass) hasSlotParams() bool {
	found := false
	d.eachProductParam(func(*types.Func, int, *types.Var) { found = true })
	return found
}

// eachProductParam calls f for each parameter of an exported function
// declared in the files analyzed whose type is a product that the tables
// follow.
func (d *defaultsPass) eachProductParam(f func(fn *types.Func, i int, v *types.Var)) {
	p := d.p
	if len(d.products) == 0 {
		return
	}
	for _, file := range p.Files {
		name := p.Fset.File(file.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") && !p.s.tests {
			continue
		}
		for _, decl := range file.Decls {
			fd, ok := decl.(*ast.FuncDecl)
			if !ok || fd.Body == nil || !fd.Name.IsExported() {
				continue
			}
			fn, ok := p.TypesInfo.Defs[fd.Name].(*types.Func)
			if !ok {
				continue
			}
			params := fn.Signature().Params()
			for i := range params.Len() {
				if v := params.At(i); d.isProduct(v.Type()) {
					f(fn, i, v)
				}
			}
		}
	}
}

// isProduct reports whether t is the type of a product that is followed (a
// row's instance).
func (d *defaultsPass) isProduct(t types.Type) bool {
	tn := namedOf(t)
	return tn != nil && d.products[tn]
}

// noteCreation records the call or composite literal that a maker's
// identifier is part of.
func (d *defaultsPass) noteCreation(id *ast.Ident, rows []makerRow) {
	path := d.paths[id]
	var node ast.Node = id
	i := len(path) - 1
	if i >= 0 {
		if sel, ok := path[i].(*ast.SelectorExpr); ok && sel.Sel == id {
			node = sel
			i--
		}
	}
	if i < 0 {
		return
	}
	var e ast.Expr
	switch n := path[i].(type) {
	case *ast.CallExpr:
		if n.Fun == node && rows[0].maker.fn != "" {
			e = n
		}
	case *ast.CompositeLit:
		if n.Type == node && rows[0].maker.fn == "" {
			e = n
		}
	}
	if e == nil {
		return // a constructor used as a value, a type in a declaration
	}
	c := creation{node: e, path: path[:i], maker: rows[0].maker}
	for _, r := range rows {
		c.rows = append(c.rows, r.row)
	}
	d.creations = append(d.creations, c)
}

// replaces reports whether a reference to a replacement field or method
// replaces a default: the field is set (an assignment to it, a composite
// literal key), the method called or taken as a value. Reading the field
// (calling the default handler from one's own) replaces nothing.
func (d *defaultsPass) replaces(id *ast.Ident, obj types.Object) bool {
	path := d.paths[id]
	if len(path) == 0 {
		return false
	}
	switch n := path[len(path)-1].(type) {
	case *ast.KeyValueExpr:
		return n.Key == id
	case *ast.SelectorExpr:
		if _, ok := obj.(*types.Func); ok {
			return true
		}
		return len(path) >= 2 && isAssigned(n, path[len(path)-2])
	}
	return false
}

// isAssigned reports whether e is on the left of parent, an assignment.
func isAssigned(e ast.Expr, parent ast.Node) bool {
	as, ok := parent.(*ast.AssignStmt)
	return ok && slices.Contains(as.Lhs, e)
}
