package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

// Functional options of error values: New(code, msg, WithRetryAfter(d)),
// where func WithRetryAfter(d) Option { return func(e *Error) {
// e.RetryAfter = ... } }. A constructor whose own literal leaves a field
// unset (HelperFact.UnsetRetryAfter) may get it from an option its caller
// hands it; what each option function sets is learned where it is
// declared (OptionFact) and read at the constructor's call sites.

// OptionFact is exported on a function that returns a functional option of
// a struct type (a func(*T), named or not): the fields of T that the
// option sets. A function that returns anything else than a function
// literal (a variable, another call) gets no fact: what its option does is
// not known.
type OptionFact struct {
	Sets []string // the fields set, sorted
}

// AFact marks OptionFact as an analysis fact.
func (*OptionFact) AFact() {}

func (f *OptionFact) String() string { return "option(sets " + strings.Join(f.Sets, ",") + ")" }

// inferOptions is the entry point: it finds the package's option functions
// and exports their facts (before the functions are analyzed, so that the
// package's own constructor calls see them).
func (p *pass) inferOptions(decls []*ast.FuncDecl) {
	for _, fd := range decls {
		fn := p.funcObj(fd)
		if fn == nil || optionTarget(fn.Signature()) == nil {
			continue
		}
		if sets, ok := p.optionSets(fd); ok {
			f := &OptionFact{Sets: sets}
			if p.options == nil {
				p.options = map[*types.Func]*OptionFact{}
			}
			p.options[fn] = f
			p.ExportObjectFact(fn, f)
		}
	}
}

// optionTarget returns the struct type that a function's one result, a
// func(*T), is an option of; nil when it returns something else.
func optionTarget(sig *types.Signature) *types.Named {
	if sig.Results().Len() != 1 {
		return nil
	}
	opt, ok := sig.Results().At(0).Type().Underlying().(*types.Signature)
	if !ok || opt.Params().Len() != 1 || opt.Results().Len() != 0 {
		return nil
	}
	ptr, ok := opt.Params().At(0).Type().(*types.Pointer)
	if !ok {
		return nil
	}
	named, ok := types.Unalias(ptr.Elem()).(*types.Named)
	if !ok {
		return nil
	}
	if _, ok := named.Underlying().(*types.Struct); !ok {
		return nil
	}
	return named
}

// optionSets returns the fields that the options an option function
// returns set: every return statement returns a function literal, whose
// assignments to its parameter's fields (e.F = v, e.F[k] = v) are the
// fields set. ok is false when a return is something else, or the literal
// hands its parameter on (to a function, another variable): then it may
// set anything.
func (p *pass) optionSets(fd *ast.FuncDecl) (sets []string, ok bool) {
	ok = true
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		if !ok {
			return false
		}
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // a literal's own returns are not the function's
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				ok = false
				return false
			}
			lit, isLit := ast.Unparen(n.Results[0]).(*ast.FuncLit)
			if !isLit || len(lit.Type.Params.List) != 1 || len(lit.Type.Params.List[0].Names) != 1 {
				ok = false
				return false
			}
			param := p.TypesInfo.Defs[lit.Type.Params.List[0].Names[0]]
			fields, known := p.fieldsSetOn(lit.Body, param)
			if !known {
				ok = false
				return false
			}
			sets = append(sets, fields...)
		}
		return true
	})
	slices.Sort(sets)
	return slices.Compact(sets), ok
}

// fieldsSetOn returns the fields of param (a pointer to a struct) that
// body assigns; known is false when body uses param otherwise than to
// read or set its fields.
func (p *pass) fieldsSetOn(body *ast.BlockStmt, param types.Object) (fields []string, known bool) {
	known = param != nil
	ast.PreorderStack(body, nil, func(n ast.Node, stack []ast.Node) bool {
		id, isID := n.(*ast.Ident)
		if !known || !isID || p.TypesInfo.Uses[id] != param {
			return known
		}
		sel, isSel := last(stack).(*ast.SelectorExpr)
		if !isSel || sel.X != id {
			known = false // param handed on, copied, compared: anything may happen to it
			return false
		}
		if s := p.TypesInfo.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
			known = false // a method: it may set anything
			return false
		}
		// e.F = v, e.F[k] = v, e.F++: the field is set.
		var target ast.Expr = sel
		i := len(stack) - 2
		if i >= 0 {
			if ix, ok := stack[i].(*ast.IndexExpr); ok && ix.X == sel {
				target, i = ix, i-1
			}
		}
		if i >= 0 {
			switch st := stack[i].(type) {
			case *ast.AssignStmt:
				if slices.Contains(st.Lhs, target) {
					fields = append(fields, sel.Sel.Name)
				}
			case *ast.IncDecStmt:
				fields = append(fields, sel.Sel.Name)
			case *ast.UnaryExpr:
				if st.Op == token.AND {
					known = false // &e.F: set through a pointer
				}
			}
		}
		return true
	})
	return fields, known
}

// optionFact returns the OptionFact of a static callee, inferred here or
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

// optionsMaySet reports whether the options among a constructor call's
// arguments may set the field of the value it builds: an argument of a
// function type that is not a call of an option function whose fact says
// it does not (a function value, a literal, opts...).
func (p *pass) optionsMaySet(call *ast.CallExpr, field string) bool {
	for _, arg := range call.Args {
		t := p.TypesInfo.TypeOf(arg)
		if t == nil {
			continue
		}
		if s, ok := t.Underlying().(*types.Slice); ok && call.Ellipsis.IsValid() {
			t = s.Elem()
		}
		if _, ok := t.Underlying().(*types.Signature); !ok {
			continue
		}
		c, ok := ast.Unparen(arg).(*ast.CallExpr)
		if !ok {
			return true
		}
		fn, ok := calleeFunc(p.TypesInfo, c)
		if !ok {
			return true
		}
		f := p.optionFact(fn)
		if f == nil || slices.Contains(f.Sets, field) {
			return true
		}
	}
	return false
}
