package analyzer

// Functional options: an error value built by a constructor that applies
// options to it (apierr.New(apierr.CodeNotFound, "gone",
// apierr.WithStatus(410))) is a write of its own, like a literal of its
// type: the fields that the constructor sets, overridden by those its
// options set, are the value's status, code and Retry-After.
//
//   - inferOptions (a phase, before the functions are analyzed) finds the
//     package's option constructors (a function whose result is a
//     func(*T), or a named type over one, returned as a function literal
//     that only assigns fields of its parameter) and the constructors that
//     apply their variadic options to the value they build (for _, o :=
//     range opts { o(e) }), and exports them as OptionFacts;
//   - optionCall (at each call) combines the constructor's fields with its
//     options', in order, and checks them like a literal of T: the status
//     and code pair, and Retry-After where the type (or its renderer) takes
//     it from a field. An option the analysis cannot read (a variable, a
//     spread opts..., an option that sets a field on some paths) makes the
//     value unknown: only a constant code passed to the constructor is
//     checked.

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// OptionFact is exported on a functional option constructor: the fields of
// the value it is applied to that it sets (func WithStatus(s int) Option {
// return func(e *Error) { e.Status = s } }); and on a constructor that
// applies its variadic options to the value it builds (Applies >= 0): the
// fields that it sets itself, before the options.
type OptionFact struct {
	Type    string     // "path.Name" of the struct type the options apply to
	Applies int        // the variadic parameter of options applied to the value built; -1 for an option
	Sets    []FieldSet // sorted by Field
}

// FieldSet is a field set to a parameter (Param >= 0), to a constant
// (Const: its exact text, "410" or `"NOT_FOUND"`), or to a value known
// only at run time (neither).
type FieldSet struct {
	Field string
	Param int
	Const string
}

// AFact marks OptionFact as an analysis fact.
func (*OptionFact) AFact() {}

func (f *OptionFact) String() string {
	parts := []string{f.Type}
	if f.Applies >= 0 {
		parts = append(parts, fmt.Sprintf("opts=%d", f.Applies))
	}
	for _, s := range f.Sets {
		switch {
		case s.Param >= 0:
			parts = append(parts, fmt.Sprintf("%s=param%d", s.Field, s.Param))
		case s.Const != "":
			parts = append(parts, s.Field+"="+s.Const)
		default:
			parts = append(parts, s.Field+"=?")
		}
	}
	kind := "option"
	if f.Applies >= 0 {
		kind = "applies"
	}
	return kind + "(" + strings.Join(parts, " ") + ")"
}

// constValue decodes Const.
func (s FieldSet) constValue() constant.Value {
	if s.Const == "" {
		return nil
	}
	if s.Const[0] == '"' {
		if str, err := strconv.Unquote(s.Const); err == nil {
			return constant.MakeString(str)
		}
		return nil
	}
	if v := constant.MakeFromLiteral(s.Const, token.INT, 0); v.Kind() == constant.Int {
		return v
	}
	return nil
}

// fieldSet describes a field assigned e, in the scope of the function
// that sets it.
func fieldSet(sc *scope, field string, e ast.Expr) FieldSet {
	fs := FieldSet{Field: field, Param: -1}
	v := sc.eval(e)
	switch {
	case v.param >= 0:
		fs.Param = v.param
	case v.c != nil && (v.c.Kind() == constant.Int || v.c.Kind() == constant.String):
		fs.Const = v.c.ExactString()
	}
	return fs
}

// optionTarget returns T when t is func(*T) (or a named type over one),
// T a named struct type.
func optionTarget(t types.Type) *types.TypeName {
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 1 || sig.Results().Len() != 0 || sig.Variadic() {
		return nil
	}
	ptr, ok := types.Unalias(sig.Params().At(0).Type()).(*types.Pointer)
	if !ok {
		return nil
	}
	tn := errorTypeName(ptr)
	if tn == nil {
		return nil
	}
	if _, ok := tn.Type().Underlying().(*types.Struct); !ok {
		return nil
	}
	return tn
}

// inferOptions finds the package's option constructors and the
// constructors that apply options (see OptionFact).
func (p *pass) inferOptions(decls []*ast.FuncDecl) {
	for _, fd := range decls {
		fn := p.funcObj(fd)
		if fn == nil {
			continue
		}
		f := p.optionDecl(fd, fn)
		if f == nil {
			f = p.applierDecl(fd, fn)
		}
		if f != nil {
			slices.SortFunc(f.Sets, func(a, b FieldSet) int { return strings.Compare(a.Field, b.Field) })
			if p.options == nil {
				p.options = map[*types.Func]*OptionFact{}
			}
			p.options[fn] = f
		}
	}
}

// optionDecl reads an option constructor: one statement, returning a
// function literal over *T whose statements all assign fields of its
// parameter. A literal that does anything else (sets a field on some
// paths, calls a function) is not read.
func (p *pass) optionDecl(fd *ast.FuncDecl, fn *types.Func) *OptionFact {
	res := fn.Signature().Results()
	if res.Len() != 1 || len(fd.Body.List) != 1 {
		return nil
	}
	tn := optionTarget(res.At(0).Type())
	if tn == nil {
		return nil
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	lit, ok := stripConversion(p.TypesInfo, ret.Results[0]).(*ast.FuncLit)
	if !ok || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
		return nil
	}
	param, _ := p.TypesInfo.Defs[lit.Type.Params.List[0].Names[0]].(*types.Var)
	if param == nil {
		return nil
	}
	sc := newScope(p.TypesInfo, fd.Type, fd.Body)
	f := &OptionFact{Type: typePath(tn), Applies: -1}
	for _, stmt := range lit.Body.List {
		as, ok := stmt.(*ast.AssignStmt)
		if !ok || as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
			return nil
		}
		for i, lhs := range as.Lhs {
			field := p.fieldOfVar(lhs, param)
			if field == "" {
				return nil
			}
			f.Sets = slices.DeleteFunc(f.Sets, func(s FieldSet) bool { return s.Field == field })
			f.Sets = append(f.Sets, fieldSet(sc, field, as.Rhs[i]))
		}
	}
	if len(f.Sets) == 0 {
		return nil
	}
	return f
}

// fieldOfVar returns the name of the field that e selects directly on the
// variable v (e.Status), or "".
func (p *pass) fieldOfVar(e ast.Expr, v *types.Var) string {
	sel, ok := ast.Unparen(e).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	id, ok := ast.Unparen(sel.X).(*ast.Ident)
	if !ok || p.TypesInfo.Uses[id] != v {
		return ""
	}
	if s := p.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.FieldVal || len(s.Index()) != 1 {
		return ""
	}
	return sel.Sel.Name
}

// applierDecl reads a constructor that applies its options: its last
// parameter is ...O with O an option type over *T; it builds a T literal
// in a variable, ranges over the options calling each with the variable,
// and returns the variable; the variable has no other use (a field set
// after the options would override them).
func (p *pass) applierDecl(fd *ast.FuncDecl, fn *types.Func) *OptionFact {
	sig := fn.Signature()
	if !sig.Variadic() {
		return nil
	}
	n := sig.Params().Len()
	optsVar := sig.Params().At(n - 1)
	tn := optionTarget(optsVar.Type().(*types.Slice).Elem())
	if tn == nil || sig.Results().Len() == 0 || errorTypeName(sig.Results().At(0).Type()) != tn {
		return nil
	}
	sc := newScope(p.TypesInfo, fd.Type, fd.Body)
	var built *types.Var // the variable the options are applied to
	var loop *ast.RangeStmt
	for _, stmt := range fd.Body.List {
		r, ok := stmt.(*ast.RangeStmt)
		if !ok || loop != nil {
			continue
		}
		if id, ok := ast.Unparen(r.X).(*ast.Ident); !ok || p.TypesInfo.Uses[id] != optsVar {
			continue
		}
		if v := p.appliedTo(r); v != nil {
			built, loop = v, r
		}
	}
	if built == nil {
		return nil
	}
	// The scope does not follow a variable whose address is taken (o(&v));
	// here every use of it is checked below, so its definition is the
	// value built.
	def := sc.defs[built]
	if def == nil {
		def = definition(p.TypesInfo, fd.Body, built)
	}
	lit, ok := sc.resolve(def).(*ast.CompositeLit)
	if def == nil || !ok || errorTypeName(p.TypesInfo.TypeOf(lit)) != tn {
		return nil
	}
	// Every use of the variable: its definition, the options' call, the
	// results returned.
	uses, returned := 0, 0
	clean := true
	ast.PreorderStack(fd.Body, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			// A closure that captures the variable may set its fields
			// after the options.
			ast.Inspect(n, func(m ast.Node) bool {
				if id, ok := m.(*ast.Ident); ok && p.TypesInfo.Uses[id] == built {
					clean = false
				}
				return clean
			})
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 0 || !p.isVarOperand(n.Results[0], built) {
				clean = false
			} else {
				returned++
			}
		case *ast.Ident:
			if p.TypesInfo.Uses[n] == built {
				uses++
			}
		}
		return clean
	})
	// One use in the options' call, one in each return.
	if !clean || returned == 0 || uses != returned+1 {
		return nil
	}
	f := &OptionFact{Type: typePath(tn), Applies: n - 1}
	for name, e := range litFields(lit, tn.Type().Underlying().(*types.Struct)) {
		f.Sets = append(f.Sets, fieldSet(sc, name, e))
	}
	return f
}

// definition returns the expression that v := e (or var v = e) in body
// gives v, or nil.
func definition(info *types.Info, body *ast.BlockStmt, v *types.Var) ast.Expr {
	var def ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			if n.Tok == token.DEFINE && len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if id, ok := lhs.(*ast.Ident); ok && info.Defs[id] == v {
						def = n.Rhs[i]
					}
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, id := range n.Names {
					if info.Defs[id] == v {
						def = n.Values[i]
					}
				}
			}
		}
		return def == nil
	})
	return def
}

// appliedTo returns the variable v of a loop `for _, o := range opts {
// o(v) }` (or o(&v)), or nil.
func (p *pass) appliedTo(r *ast.RangeStmt) *types.Var {
	if r.Value == nil || len(r.Body.List) != 1 {
		return nil
	}
	// (With a value, the key is there too: _ or a name.)
	if k, ok := r.Key.(*ast.Ident); !ok || k.Name != "_" {
		return nil
	}
	vid, ok := r.Value.(*ast.Ident)
	if !ok || r.Tok != token.DEFINE {
		return nil
	}
	o, _ := p.TypesInfo.Defs[vid].(*types.Var)
	es, ok := r.Body.List[0].(*ast.ExprStmt)
	if !ok || o == nil {
		return nil
	}
	call, ok := es.X.(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return nil
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); !ok || p.TypesInfo.Uses[id] != o {
		return nil
	}
	arg := ast.Unparen(call.Args[0])
	if u, ok := arg.(*ast.UnaryExpr); ok && u.Op == token.AND {
		arg = ast.Unparen(u.X)
	}
	id, ok := arg.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := p.TypesInfo.Uses[id].(*types.Var)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return nil // a package-level variable
	}
	return v
}

// isVarOperand reports whether e is v or &v.
func (p *pass) isVarOperand(e ast.Expr, v *types.Var) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	return ok && p.TypesInfo.Uses[id] == v
}

// optionFact returns the OptionFact of a function, inferred here or
// imported.
func (p *pass) optionFact(fn *types.Func) *OptionFact {
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		return p.options[fn]
	}
	f := new(OptionFact)
	if p.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// fieldValue is what a call says of one field of the value it builds.
type fieldValue struct {
	v    value
	expr ast.Expr // the argument it comes from (nil: the callee's constant)
}

// optionCall checks a call that passes options to a constructor's
// variadic parameter of options over *T (the constructor returns a T): it
// reports whether it handled the call. A call that passes no options is
// left to helperCall, whose fact holds the constructor's own fields.
func (fc *funcCtx) optionCall(call *ast.CallExpr, fn *types.Func) bool {
	p := fc.p
	sig := fn.Signature()
	if !sig.Variadic() {
		return false
	}
	n := sig.Params().Len()
	tn := optionTarget(sig.Params().At(n - 1).Type().(*types.Slice).Elem())
	if tn == nil || len(call.Args) < n || sig.Results().Len() == 0 || errorTypeName(sig.Results().At(0).Type()) != tn {
		return false
	}
	ctor := p.optionFact(fn)
	path := typePath(tn)
	// An option the analysis cannot read makes the value unknown.
	opaque := ctor == nil || ctor.Applies != n-1 || ctor.Type != path || call.Ellipsis.IsValid()
	// A value kept in a variable that is then used otherwise than returned
	// (e.Status = 404, e.With(...)) may have its fields changed.
	opaque = opaque || fc.assignedTo(call) != nil && fc.escapes(call)
	fields := map[string]fieldValue{}
	set := func(sets []FieldSet, args []ast.Expr, fixed int) {
		for _, s := range sets {
			fv := fieldValue{v: unknown}
			switch {
			case s.Param >= 0 && s.Param < fixed && s.Param < len(args):
				fv = fieldValue{fc.sc.eval(args[s.Param]), args[s.Param]}
			case s.Const != "":
				fv.v.c = s.constValue()
			}
			fields[s.Field] = fv
		}
	}
	if ctor != nil {
		set(ctor.Sets, call.Args, n-1)
	}
	for _, a := range call.Args[n-1:] {
		oc, ok := ast.Unparen(a).(*ast.CallExpr)
		if !ok {
			opaque = true
			continue
		}
		ofn, ok := calleeFunc(p.TypesInfo, oc)
		var of *OptionFact
		if ok {
			of = p.optionFact(ofn)
		}
		if of == nil || of.Type != path { // (a constructor that applies options returns no option: of.Applies < 0)
			opaque = true
			continue
		}
		fixed := ofn.Signature().Params().Len()
		if ofn.Signature().Variadic() {
			fixed--
		}
		set(of.Sets, oc.Args, fixed)
	}

	t := tn.Type()
	v := p.viewOf(tn)
	statusName, codeName := p.valueFields(t, v)
	status, code := unknown, unknown
	var statusExpr, codeExpr ast.Expr
	if fv, ok := fields[statusName]; ok && statusName != "" {
		status, statusExpr = fv.v, fv.expr
	}
	if fv, ok := fields[codeName]; ok && codeName != "" {
		code, codeExpr = fv.v, fv.expr
	}
	if opaque {
		// Only the code passed to the constructor itself, which a use
		// of an unknown code is wherever it goes; and its parameter.
		if ctor == nil || codeExpr == nil {
			return true
		}
		fc.flows(unknown, code)
		p.checkCode(codeExpr, code)
		return true
	}
	fc.flows(status, code)
	// A value of a type that is an error body itself is checked here; one
	// that only a renderer makes a body of is checked as a value the
	// renderer reads (fc.flows; errvalues.go), wherever it goes.
	if bt := p.structBody(t); bt != nil && bt.isError {
		if codeExpr != nil {
			p.checkCode(codeExpr, code)
		} else {
			p.checkCode(call, code)
		}
		p.checkPair(call, statusExpr, status, code)
	}
	if v == nil {
		return true
	}
	_, raSet := fields[v.retryAfter]
	if status.param >= 0 || code.param >= 0 {
		// A helper over the constructor: its callers supply the status
		// or the code.
		if v.way == RetryAfterFromField && !raSet {
			fc.fact.UnsetRetryAfter = path + "." + v.retryAfter
		}
		return true
	}
	what, need := p.errorNeedsRetryAfter(status, code)
	if !need {
		return true
	}
	switch v.way {
	case RetryAfterFromField:
		if raSet || fc.escapes(call) {
			return true
		}
		p.report(call, RuleMissingRetryAfter, "%s builds a %s without its %s field, %s; pass an option that sets %s", fn.Name(), what, v.retryAfter, v.retryAfterSource(), v.retryAfter)
	case RetryAfterNever:
		fc.unrenderedRetryAfter(call, what, v.by)
	}
	return true
}
