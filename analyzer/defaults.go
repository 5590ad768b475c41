package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/types"
	"slices"
	"strings"
)

// default-error-response: a framework or net/http answers some errors with
// its own body unless the app replaces that answer (fiber's plain-text
// ErrorHandler, echo's {"message"}, gin's "404 page not found", a
// ReverseProxy's bodyless 502). What each one is and what replaces it are
// rows of the framework tables (the defaults lists of fw_*.go). This file
// holds the rows' types, the fact and the entry point, which reports the
// creations whose default provably stays; defaults_index.go indexes what a
// package does with the products, defaults_flow.go follows each product.
//
// An instance's default counts as replaced when the package replaces it
// anywhere (a field set, a method called, on any value of the type: the
// package-wide rule), or when the instance is handed to a function that
// replaces it (DefaultFact, across packages). A middleware's default is
// fixed when it is made: only its own config replaces it. It is reported only where the analysis
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
	// default of an instance; a middleware's (no instance) is replaced
	// only by its own config.
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
	// fix is how the fix replaces the default with what apierrlint gen
	// wrote (fix_defaults.go); zero: no fix.
	fix genFix
}

// genFix replaces a default with a function that apierrlint gen writes
// into the generated package (fn): set as a field of the maker's config
// (fiber.Config{ErrorHandler: apierr.ErrorHandler}), assigned to a field
// of the instance (e.HTTPErrorHandler = apierr.HTTPErrorHandler) or handed
// to a method of it (r.NoRoute(apierr.NoRoute)) by a statement after the
// one that makes it.
type genFix struct {
	kind genFixKind
	name string // the field or method
	fn   string // gen's function
}

type genFixKind int

const (
	genFixNone genFixKind = iota
	genFixConfig
	genFixAssign
	genFixCall
)

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
	var reported []*fallback
	for _, fb := range c.rows {
		if fb.instance.pkg == "" {
			// A middleware's answer is fixed when it is made: only its own
			// config replaces it, not another limiter's elsewhere in the
			// package (a config from elsewhere keeps the rule silent below).
			if configOK && d.configReplaces(fb, fields) {
				continue
			}
		} else if d.replaced[fb.id] {
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
		reported = append(reported, fb)
	}
	if len(msgs) > 0 {
		d.p.reportFix(c.node, RuleDefaultErrorResponse, d.fix(c, reported), "%s", strings.Join(msgs, "; "))
	}
}

// configReplaces reports whether a creation's config sets a field that
// replaces the default (to anything but nil).
func (d *defaultsPass) configReplaces(fb *fallback, fields map[string][]ast.Expr) bool {
	for _, r := range fb.replacedBy {
		for _, v := range fields[r.field] {
			if !d.p.TypesInfo.Types[v].IsNil() {
				return true
			}
		}
	}
	return false
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
