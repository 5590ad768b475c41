package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// How default-error-response follows a product (an *echo.Echo, a
// *gin.Engine, ...) from its creation: through every variable and field it
// is stored in and every function it is handed to, as long as each use is
// one the analysis can see to the end. A slot (a variable or field that
// holds the product) is followed through all its uses in the package, so
// only slots whose uses are all in the package qualify: local variables,
// parameters, unexported package-level variables, and unexported,
// non-embedded fields of the package's own types. Anything else (returned,
// stored in an exported field or variable, a slice, a map, a channel, an
// interface variable, handed to a function value, to a function of another
// package without a DefaultFact) makes the verdict unknown, and the rule
// stays silent.

// keepPkgs are packages whose functions take a product without handing it
// on where a replacement could be made (http.ListenAndServe(addr, e),
// httptest.NewServer(r), http.Server{Handler: e}, log.Println(e)).
var keepPkgs = map[string]bool{"net/http": true, "net/http/httptest": true, "fmt": true, "log": true}

// flow is what following one product found.
type flow struct {
	unknown  bool                  // a use the analysis cannot follow
	replaced map[string]bool       // defaults replaced by functions it was handed to (their facts)
	sets     map[string][]ast.Expr // the product's fields set, by name: their values
	seen     map[types.Object]bool // slots followed already
}

func newFlow() *flow {
	return &flow{replaced: map[string]bool{}, sets: map[string][]ast.Expr{}, seen: map[types.Object]bool{}}
}

// follow follows the uses of e, an expression whose value is the product;
// path are its ancestors, innermost last.
func (d *defaultsPass) follow(e ast.Expr, path []ast.Node, fl *flow) {
	info := d.p.TypesInfo
	for len(path) > 0 && !fl.unknown {
		parent := path[len(path)-1]
		path = path[:len(path)-1]
		switch n := parent.(type) {
		case *ast.ParenExpr:
			e = n
			continue
		case *ast.UnaryExpr:
			if n.Op == token.AND { // &proxy: the same product
				e = n
				continue
			}
		case *ast.StarExpr:
			// *e copies the product: the copy is not followed.
		case *ast.SelectorExpr:
			if n.X == e {
				d.selected(n, path, fl)
				return
			}
		case *ast.CallExpr:
			if tv, ok := info.Types[n.Fun]; ok && tv.IsType() {
				e = n // a conversion: the same product
				continue
			}
			if i := slices.Index(n.Args, e); i >= 0 {
				d.argument(n, i, fl)
				return
			}
		case *ast.AssignStmt:
			if i := slices.Index(n.Rhs, e); i >= 0 && len(n.Lhs) == len(n.Rhs) && n.Tok != token.ADD_ASSIGN {
				d.store(n.Lhs[i], fl)
				return
			}
		case *ast.ValueSpec:
			if i := slices.Index(n.Values, e); i >= 0 && len(n.Names) == len(n.Values) {
				d.storeVar(info.Defs[n.Names[i]], fl)
				return
			}
		case *ast.KeyValueExpr:
			if n.Value == e && len(path) > 0 {
				if _, ok := path[len(path)-1].(*ast.CompositeLit); ok {
					if f, ok := info.Uses[keyIdent(n)].(*types.Var); ok && f.IsField() {
						d.storeField(f, fl)
						return
					}
				}
			}
		case *ast.BinaryExpr:
			if n.Op == token.EQL || n.Op == token.NEQ {
				return // a comparison
			}
		case *ast.ExprStmt:
			return // a value dropped
		}
		fl.unknown = true
	}
}

func keyIdent(kv *ast.KeyValueExpr) *ast.Ident {
	id, _ := kv.Key.(*ast.Ident)
	return id
}

// selected follows sel.X, the product, into a field or method selection.
// Reading or setting a field hands nothing on (what a set replaces is the
// package-wide rule's; its value is noted for a row's condition). A method
// called on the product keeps it, unless it is handed a function that gets
// the product (gin's With(opts...)); one that returns the product (gin's
// Delims) is followed on.
func (d *defaultsPass) selected(sel *ast.SelectorExpr, path []ast.Node, fl *flow) {
	info := d.p.TypesInfo
	s := info.Selections[sel]
	if s == nil {
		fl.unknown = true
		return
	}
	switch s.Kind() {
	case types.FieldVal:
		if len(path) > 0 {
			if as, ok := path[len(path)-1].(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				if i := slices.Index(as.Lhs, ast.Expr(sel)); i >= 0 {
					fl.sets[sel.Sel.Name] = append(fl.sets[sel.Sel.Name], as.Rhs[i])
				}
			}
		}
	case types.MethodVal:
		if len(path) == 0 {
			return
		}
		call, ok := path[len(path)-1].(*ast.CallExpr)
		if !ok || call.Fun != sel {
			return // a method value: it cannot hand the product on
		}
		product := info.TypeOf(sel.X)
		for _, arg := range call.Args {
			if handsProduct(info.TypeOf(arg), product) {
				fl.unknown = true
				return
			}
		}
		if t := info.TypeOf(call); t != nil && types.Identical(t, product) {
			d.follow(call, path[:len(path)-1], fl)
		}
	default:
		fl.unknown = true
	}
}

// handsProduct reports whether a value of type t (a function, or a slice
// of them) may be called with the product.
func handsProduct(t, product types.Type) bool {
	if t == nil {
		return false
	}
	if s, ok := t.Underlying().(*types.Slice); ok {
		t = s.Elem()
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok {
		return false
	}
	for i := range sig.Params().Len() {
		if types.Identical(sig.Params().At(i).Type(), product) {
			return true
		}
	}
	return false
}

// argument follows the product into argument i of call: a function of the
// standard library that keeps it, a function of the package (its
// parameter is followed), a function of another package with a
// DefaultFact.
func (d *defaultsPass) argument(call *ast.CallExpr, i int, fl *flow) {
	fn, ok := typeutil.Callee(d.p.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		fl.unknown = true // a function value, a builtin (append)
		return
	}
	if keepPkgs[fn.Pkg().Path()] {
		return
	}
	fn = fn.Origin()
	sig := fn.Signature()
	if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
		fl.unknown = true // a method of an interface: its implementations are not known
		return
	}
	if call.Ellipsis.IsValid() || (sig.Variadic() && i >= sig.Params().Len()-1) || i >= sig.Params().Len() {
		fl.unknown = true
		return
	}
	if fn.Pkg() == d.p.Pkg {
		param := sig.Params().At(i)
		if !d.isProduct(param.Type()) {
			fl.unknown = true // an interface or type parameter: not followed
			return
		}
		d.flowSlot(param, fl)
		return
	}
	var f DefaultFact
	if !d.p.ImportObjectFact(fn, &f) {
		fl.unknown = true
		return
	}
	for _, pa := range f.Params {
		if pa.Index == i {
			for _, id := range pa.Replaced {
				fl.replaced[id] = true
			}
			if !pa.Kept {
				fl.unknown = true
			}
			return
		}
	}
	fl.unknown = true
}

// store follows the product into the left side of an assignment.
func (d *defaultsPass) store(lhs ast.Expr, fl *flow) {
	info := d.p.TypesInfo
	switch l := ast.Unparen(lhs).(type) {
	case *ast.Ident:
		if l.Name == "_" {
			return
		}
		d.storeVar(info.ObjectOf(l), fl)
		return
	case *ast.SelectorExpr:
		if s := info.Selections[l]; s != nil && s.Kind() == types.FieldVal {
			d.storeField(s.Obj().(*types.Var), fl)
			return
		}
	}
	fl.unknown = true // another package's variable, a map, a slice, *p
}

// storeVar follows the product into a variable: a local one, or an
// unexported one of the package, of the product's own type.
func (d *defaultsPass) storeVar(obj types.Object, fl *flow) {
	v, ok := obj.(*types.Var)
	switch {
	case !ok || !d.isProduct(v.Type()):
		fl.unknown = true // an interface variable, say
	case v.Pkg() == d.p.Pkg && (v.Parent() != d.p.Pkg.Scope() || !v.Exported()):
		d.flowSlot(v, fl)
	default:
		fl.unknown = true
	}
}

// storeField follows the product into a struct field: one of the standard
// library's (http.Server's Handler) keeps it; an unexported, non-embedded
// field of the package's own type is followed; any other escapes.
func (d *defaultsPass) storeField(f *types.Var, fl *flow) {
	switch {
	case f.Pkg() != nil && keepPkgs[f.Pkg().Path()]:
	case f.Pkg() == d.p.Pkg && !f.Exported() && !f.Embedded() && d.isProduct(f.Type()):
		d.flowSlot(f, fl)
	default:
		fl.unknown = true
	}
}

// flowSlot follows every use of a slot (a variable, a parameter, a field)
// that holds the product. Its stores are not uses: what else is stored in
// it does not matter.
func (d *defaultsPass) flowSlot(obj types.Object, fl *flow) {
	if fl.seen[obj] {
		return
	}
	fl.seen[obj] = true
	for _, id := range d.uses[obj] {
		if fl.unknown {
			return
		}
		path := d.paths[id]
		var e ast.Expr = id
		if len(path) > 0 {
			if sel, ok := path[len(path)-1].(*ast.SelectorExpr); ok && sel.Sel == id {
				e, path = sel, path[:len(path)-1] // x.field
			} else if kv, ok := path[len(path)-1].(*ast.KeyValueExpr); ok && kv.Key == id {
				continue // T{field: v}: a store
			}
		}
		if len(path) > 0 && isStore(e, path[len(path)-1]) {
			continue
		}
		d.follow(e, path, fl)
	}
}

// isStore reports whether e is assigned to in parent.
func isStore(e ast.Expr, parent ast.Node) bool {
	switch n := parent.(type) {
	case *ast.AssignStmt:
		return slices.Contains(n.Lhs, e)
	case *ast.RangeStmt:
		return n.Key == e || n.Value == e
	}
	return false
}

// configFields returns the fields set on the config that a creation gets,
// by name, with the values they are set to: a composite literal, or a
// variable of the package initialized with one and only changed field by
// field. ok is false when the config comes from elsewhere (a call, a
// parameter, a variable whose address is taken).
func (d *defaultsPass) configFields(c creation) (map[string][]ast.Expr, bool) {
	call, ok := c.node.(*ast.CallExpr)
	if !ok {
		return nil, false
	}
	fn, _ := d.p.TypesInfo.Uses[calleeIdent(call)].(*types.Func)
	if fn == nil || call.Ellipsis.IsValid() {
		return nil, false
	}
	fields := map[string][]ast.Expr{}
	i := paramIndex(fn, c.maker.config)
	if i < 0 || i >= len(call.Args) {
		return fields, i >= 0 // the default config
	}
	if fn.Signature().Variadic() && i == fn.Signature().Params().Len()-1 && len(call.Args) > i+1 {
		return nil, false // several configs
	}
	switch arg := ast.Unparen(call.Args[i]).(type) {
	case *ast.CompositeLit:
		return fields, addLitFields(arg, fields)
	case *ast.Ident:
		v, ok := d.p.TypesInfo.Uses[arg].(*types.Var)
		if !ok || v.Pkg() != d.p.Pkg || (v.Parent() == d.p.Pkg.Scope() && v.Exported()) {
			return nil, false
		}
		return fields, d.configVar(v, fields)
	}
	return nil, false
}

// addLitFields adds the keyed fields of a struct literal.
func addLitFields(lit *ast.CompositeLit, fields map[string][]ast.Expr) bool {
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false // positional
		}
		if id := keyIdent(kv); id != nil {
			fields[id.Name] = append(fields[id.Name], kv.Value)
		}
	}
	return true
}

// configVar adds what a config variable is set to: its initial literal,
// the literals assigned to it, its fields set. Copies of it do not change
// it; its address, a pointer method or a value from elsewhere do.
func (d *defaultsPass) configVar(v *types.Var, fields map[string][]ast.Expr) bool {
	fromLit := func(e ast.Expr) bool {
		if e == nil {
			return true // var cfg T
		}
		lit, ok := ast.Unparen(e).(*ast.CompositeLit)
		return ok && addLitFields(lit, fields)
	}
	def := d.defs[v]
	if def == nil {
		return false
	}
	switch n := last(d.paths[def]).(type) {
	case *ast.AssignStmt:
		i := slices.Index(n.Lhs, ast.Expr(def))
		if len(n.Lhs) != len(n.Rhs) || !fromLit(n.Rhs[i]) {
			return false
		}
	case *ast.ValueSpec:
		var init ast.Expr
		if len(n.Values) > 0 {
			if len(n.Values) != len(n.Names) {
				return false
			}
			init = n.Values[slices.Index(n.Names, def)]
		}
		if !fromLit(init) {
			return false
		}
	default:
		return false // a parameter, a range variable
	}
	for _, id := range d.uses[v] {
		path := d.paths[id]
		switch n := last(path).(type) {
		case *ast.AssignStmt:
			if i := slices.Index(n.Lhs, ast.Expr(id)); i >= 0 {
				if len(n.Lhs) != len(n.Rhs) || n.Tok != token.ASSIGN || !fromLit(n.Rhs[i]) {
					return false
				}
			}
		case *ast.SelectorExpr:
			s := d.p.TypesInfo.Selections[n]
			if s == nil {
				return false
			}
			if s.Kind() == types.MethodVal {
				if _, ptr := s.Obj().(*types.Func).Signature().Recv().Type().(*types.Pointer); ptr {
					return false
				}
			} else if as, ok := last(path[:len(path)-1]).(*ast.AssignStmt); ok && len(as.Lhs) == len(as.Rhs) {
				if i := slices.Index(as.Lhs, ast.Expr(n)); i >= 0 {
					fields[n.Sel.Name] = append(fields[n.Sel.Name], as.Rhs[i])
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				return false
			}
		}
	}
	return true
}

// last returns the innermost node of a path, or nil.
func last(path []ast.Node) ast.Node {
	if len(path) == 0 {
		return nil
	}
	return path[len(path)-1]
}
