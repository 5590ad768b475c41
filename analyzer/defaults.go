package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"sort"
	"strings"
)

// default-error-response: a framework or net/http answers some errors with
// its own body unless the app replaces that answer (fiber's plain-text
// ErrorHandler, echo's {"message"}, gin's "404 page not found", a
// ReverseProxy's bodyless 502). What each one is and what replaces it are
// rows of the framework tables (the defaults lists of fw_*.go); this file
// finds the creations and reports those whose default provably stays.
//
// A default counts as replaced when the package replaces it anywhere (a
// field set, a method called, on any value of the type: the package-wide
// rule), or when the instance is handed to a function that replaces it
// (DefaultFact, across packages). It is reported only where the analysis
// follows every use of the instance (defaults_flow.go): an instance that
// escapes where it cannot follow (returned, stored where other packages
// reach it, handed to a function without a fact) stays silent.

// fallback is one default error answer: a row of a framework table.
type fallback struct {
	// id names the default in DefaultFact ("gin.NoRoute").
	id string
	// makers create the product whose default this is.
	makers []maker
	// instance is the product's type when the product must be followed
	// after its creation: its answer can be replaced on it later
	// (e.HTTPErrorHandler = h, r.NoRoute(h)), or another instance can
	// answer for it (fiber's Mount). Zero: a handler whose answer is fixed
	// when it is made (a middleware).
	instance typeName
	// replacedBy: any of these, anywhere in the package, replaces the
	// default.
	replacedBy []replacement
	// when names a field (of the maker's config, or else of the instance)
	// that must be set to a non-zero constant for the default to answer at
	// all (gin's HandleMethodNotAllowed); "": it always answers.
	when string
	// body names what the default sends as its body: a string parameter
	// of the maker, or a field of its config. A constant JSON object there
	// is an error body (as for other text writers); a value the analysis
	// cannot read keeps the rule silent. "": the body is the framework's.
	body string
	// message says what is wrong and the fix; %s is the maker
	// ("fiber.New").
	message string
}

// maker creates a product: a constructor, or a composite literal of a
// struct type.
type maker struct {
	fn     string   // types.Func.FullName of a package-level constructor
	lit    typeName // or the struct type of a composite literal
	config string   // the constructor's config parameter (a struct, maybe variadic), by name; "": none
}

// replacement replaces a default: a field of a type set (an assignment or a
// composite literal key), or a method of it called.
type replacement struct {
	on     typeName
	field  string
	method string
}

func makeFn(fn string) maker { return maker{fn: fn} }

func makeFnConfig(fn, config string) maker { return maker{fn: fn, config: config} }

func makeLit(pkg, name string) maker { return maker{lit: typeName{pkg, name}} }

func setField(pkg, typ, field string) replacement {
	return replacement{on: typeName{pkg, typ}, field: field}
}

func callMethod(pkg, typ, method string) replacement {
	return replacement{on: typeName{pkg, typ}, method: method}
}

// pkgPath is the package of the maker.
func (m maker) pkgPath() string {
	if m.fn != "" {
		return tablePackage(m.fn)
	}
	return m.lit.pkg
}

// name is the maker as messages name it: "fiber.New", "httputil.ReverseProxy".
func (m maker) name() string {
	path, name := m.lit.pkg, m.lit.name
	if m.fn != "" {
		path = tablePackage(m.fn)
		name = m.fn[len(path)+1:]
	}
	elems := strings.Split(path, "/")
	last := elems[len(elems)-1]
	if len(elems) > 1 && len(last) > 1 && last[0] == 'v' && strings.Trim(last[1:], "0123456789") == "" {
		last = elems[len(elems)-2] // a major version suffix: fiber/v2 is package fiber
	}
	return last + "." + name
}

// fallbacks are the defaults of every table.
var fallbacks = func() []*fallback {
	var list []*fallback
	for _, fw := range frameworks {
		for i := range fw.defaults {
			list = append(list, &fw.defaults[i])
		}
	}
	return list
}()

// fallbackPkgs are the packages that the defaults' rows name: a package
// that imports one may create or configure a product (the cheap test).
var fallbackPkgs = func() map[string]bool {
	m := map[string]bool{}
	for _, fb := range fallbacks {
		for _, mk := range fb.makers {
			m[mk.pkgPath()] = true
		}
		if fb.instance.pkg != "" {
			m[fb.instance.pkg] = true
		}
		for _, r := range fb.replacedBy {
			m[r.on.pkg] = true
		}
	}
	return m
}()

// DefaultFact is exported on an exported function some of whose parameters
// take a product whose default error answer the app may replace (an
// *echo.Echo, a *gin.Engine, a *fiber.App, a *httputil.ReverseProxy): per
// parameter, whether the function keeps the product (every use followed,
// nothing handed on where the analysis cannot see) and which defaults it
// replaces (its package replaces them, or it hands the product to a function
// that does). A caller that hands over its product follows it through.
type DefaultFact struct {
	Params []DefaultParam
}

// DefaultParam is one parameter of a DefaultFact.
type DefaultParam struct {
	Index    int      // the parameter, from 0, the receiver excluded
	Kept     bool     // every use is followed
	Replaced []string // ids of the defaults replaced (fallback.id), sorted
}

// AFact marks DefaultFact as an analysis fact.
func (*DefaultFact) AFact() {}

func (f *DefaultFact) String() string {
	var parts []string
	for _, pa := range f.Params {
		var what []string
		if pa.Kept {
			what = append(what, "kept")
		}
		if len(pa.Replaced) > 0 {
			what = append(what, "replaces "+strings.Join(pa.Replaced, ","))
		}
		parts = append(parts, fmt.Sprintf("%d: %s", pa.Index, strings.Join(what, ", ")))
	}
	return "defaults(" + strings.Join(parts, "; ") + ")"
}

// checkDefaults is the entry point of default-error-response: it exports
// the package's DefaultFacts and returns its findings, in a unit of their
// own, for the report of run. checked are the files whose findings are
// reported.
func (p *pass) checkDefaults(checked []*ast.File) *unit {
	u := &unit{}
	if p.s.disabled[RuleDefaultErrorResponse] {
		return u
	}
	d := newDefaultsPass(p, checked)
	if d == nil {
		return u
	}
	d.exportFacts()
	p.diags, p.callees, p.owner = &u.diags, nil, nil
	for _, c := range d.creations {
		if d.checked[p.Fset.File(c.node.Pos())] {
			d.check(c)
		}
	}
	return u
}

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

// exportFacts exports the DefaultFacts of the package's exported functions.
func (d *defaultsPass) exportFacts() {
	facts := map[*types.Func]*DefaultFact{}
	var order []*types.Func
	d.eachProductParam(func(fn *types.Func, i int, v *types.Var) {
		fl := newFlow()
		d.flowSlot(v, fl)
		pa := DefaultParam{Index: i, Kept: !fl.unknown}
		for _, fb := range fallbacks {
			if fb.instance.is(v.Type()) && (fl.replaced[fb.id] || d.replaced[fb.id]) {
				pa.Replaced = append(pa.Replaced, fb.id)
			}
		}
		if !pa.Kept && len(pa.Replaced) == 0 {
			return
		}
		slices.Sort(pa.Replaced)
		f := facts[fn]
		if f == nil {
			f = &DefaultFact{}
			facts[fn] = f
			order = append(order, fn)
		}
		f.Params = append(f.Params, pa)
	})
	for _, fn := range order {
		d.p.ExportObjectFact(fn, facts[fn])
	}
}

// check reports a creation whose defaults stay.
func (d *defaultsPass) check(c creation) {
	var fl *flow
	var fields map[string][]ast.Expr
	configOK := true
	if c.maker.config != "" {
		fields, configOK = d.configFields(c)
	}
	var msgs []string
	for _, fb := range c.rows {
		if d.replaced[fb.id] {
			continue
		}
		if fb.instance.pkg != "" {
			if fl == nil {
				fl = d.followCreation(c)
			}
			if fl.unknown || fl.replaced[fb.id] {
				continue
			}
		}
		if c.maker.config != "" && !configOK {
			continue
		}
		if fb.when != "" {
			values := fields[fb.when]
			if c.maker.config == "" && fl != nil {
				values = fl.sets[fb.when]
			}
			if on, ok := d.nonZero(values); !ok || !on {
				continue
			}
		}
		if fb.body != "" && !d.defaultBody(c, fb, fields) {
			continue
		}
		msgs = append(msgs, fmt.Sprintf(fb.message, c.maker.name()))
	}
	if len(msgs) > 0 {
		d.p.report(c.node, RuleDefaultErrorResponse, "%s", strings.Join(msgs, "; "))
	}
}

// followCreation follows a product from its creation. Options handed to
// the constructor (gin.New(opts...)) may replace its default themselves.
func (d *defaultsPass) followCreation(c creation) *flow {
	fl := newFlow()
	if call, ok := c.node.(*ast.CallExpr); ok {
		product := d.p.TypesInfo.TypeOf(call)
		for _, arg := range call.Args {
			if handsProduct(d.p.TypesInfo.TypeOf(arg), product) {
				fl.unknown = true
				return fl
			}
		}
	}
	d.follow(c.node, c.path, fl)
	return fl
}

// nonZero reports whether every value set is a non-zero constant (true, a
// non-zero number); ok is false when one is not a constant or the values
// disagree. No value: the zero value.
func (d *defaultsPass) nonZero(values []ast.Expr) (on, ok bool) {
	var zeros, others int
	for _, v := range values {
		c := d.p.TypesInfo.Types[v].Value
		switch {
		case c == nil:
			return false, false
		case c.Kind() == constant.Bool && !constant.BoolVal(c), c.Kind() == constant.Int && constant.Sign(c) == 0:
			zeros++
		default:
			others++
		}
	}
	if zeros > 0 && others > 0 {
		return false, false
	}
	return others > 0, true
}

// defaultBody reports whether what the default sends as its body is
// provably not a JSON object: absent (the framework's own text) or a
// constant that is not one.
func (d *defaultsPass) defaultBody(c creation, fb *fallback, fields map[string][]ast.Expr) bool {
	values := fields[fb.body]
	if c.maker.config == "" {
		call, ok := c.node.(*ast.CallExpr)
		fn, _ := d.p.TypesInfo.Uses[calleeIdent(call)].(*types.Func)
		if !ok || fn == nil {
			return false
		}
		if i := paramIndex(fn, fb.body); i >= 0 && i < len(call.Args) {
			values = []ast.Expr{call.Args[i]}
		}
	}
	for _, v := range values {
		cv := d.p.TypesInfo.Types[v].Value
		if cv == nil || cv.Kind() != constant.String {
			return false
		}
		if s := strings.TrimSpace(constant.StringVal(cv)); strings.HasPrefix(s, "{") {
			return false // a JSON error body (its shape is the other rules' business)
		}
	}
	return true
}

// calleeIdent returns the identifier that names a call's function.
func calleeIdent(call *ast.CallExpr) *ast.Ident {
	if call == nil {
		return nil
	}
	switch f := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		return f
	case *ast.SelectorExpr:
		return f.Sel
	}
	return nil
}
