package analyzer

// What a central error renderer does (see renderers.go for how renderers
// are found). Its body is analyzed like any function, and then:
//
//   - everything it writes is an error response, whatever its status, even
//     one known only at run time: a text or bodyless write is
//     raw-http-error, a body without the documented keys error-body-shape,
//     an unknown constant code unknown-code (a bodyless answer to a HEAD
//     request is fine);
//   - the app's renderer must send a code documented with 500 in its
//     branch for the errors it does not recognise (status-mismatch;
//     fallback.go);
//   - what it reads from the error values it recognises (errors.As, a
//     type switch, a type assertion) is learned: for each type, where the
//     status, the code and Retry-After come from (renderrows.go). The
//     package exports it as a RenderedTypesFact; errvalues.go checks the
//     values built of those types against it.

import (
	"go/ast"
	"go/token"
	"go/types"

	"golang.org/x/tools/go/types/typeutil"
)

// renderState is what the analysis of a renderer's body collects.
type renderState struct {
	r *renderer
	// recognized are the variables that hold an error value of a type the
	// renderer recognises, with that type (named, or an interface).
	recognized map[*types.Var]*types.TypeName
	assigns    map[*types.Var][]ast.Expr // every value assigned to a local variable
	okVars     map[*types.Var]bool       // results of a recognition: v, ok := err.(T); ok := errors.As(...)
	// writes are the status and code arguments of the helpers it calls
	// (framework writes are events).
	writes []rendWrite
	// handoff: it hands the response to a function whose effect on the
	// headers is unknown (another package's, without a fact).
	handoff bool
	// okRanges hold the statements that run only when the error is nil.
	okRanges []ast.Node
}

// rendWrite is a status and a code that a helper call writes.
type rendWrite struct {
	node                 ast.Node
	status, code         value
	statusExpr, codeExpr ast.Expr
}

// newRenderState prepares the analysis of a renderer's body.
func (p *pass) newRenderState(r *renderer) *renderState {
	rs := &renderState{r: r, recognized: map[*types.Var]*types.TypeName{}, assigns: map[*types.Var][]ast.Expr{}, okVars: map[*types.Var]bool{}}
	info := p.TypesInfo
	recognize := func(v *types.Var, t types.Type) {
		if v == nil || v.Name() == "_" {
			return
		}
		if tn := errorTypeName(t); tn != nil {
			rs.recognized[v] = tn
		}
	}
	varOf := func(e ast.Expr) *types.Var {
		if id, ok := ast.Unparen(e).(*ast.Ident); ok {
			v, _ := info.ObjectOf(id).(*types.Var)
			return v
		}
		return nil
	}
	// A writer's parameters of a concrete error type are values it renders
	// (writeAPIError(c, e *apierr.Error)).
	if r.ftype.Params != nil {
		for _, field := range r.ftype.Params.List {
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && implementsError(v.Type()) {
					recognize(v, v.Type())
				}
			}
		}
	}
	if len(r.errs) > 0 {
		rs.findOKRanges(info, r.body)
	}
	ast.Inspect(r.body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			// errors.As(err, &v)
			if fn, ok := typeutil.Callee(info, n).(*types.Func); ok && isPkgFunc(fn, "errors", "As") && len(n.Args) == 2 {
				if u, ok := ast.Unparen(n.Args[1]).(*ast.UnaryExpr); ok && u.Op == token.AND {
					if v := varOf(u.X); v != nil {
						recognize(v, v.Type())
					}
				}
			}
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					if v := varOf(lhs); v != nil {
						rs.assigns[v] = append(rs.assigns[v], n.Rhs[i])
					}
				}
			}
			if len(n.Rhs) != 1 {
				break
			}
			switch rhs := ast.Unparen(n.Rhs[0]).(type) {
			case *ast.TypeAssertExpr: // v, ok := err.(T)
				if rhs.Type != nil {
					recognize(varOf(n.Lhs[0]), info.TypeOf(rhs.Type))
				}
				if len(n.Lhs) == 2 {
					if v := varOf(n.Lhs[1]); v != nil {
						rs.okVars[v] = true
					}
				}
			case *ast.CallExpr: // ok := errors.As(err, &v)
				if fn, ok := typeutil.Callee(info, rhs).(*types.Func); ok && isPkgFunc(fn, "errors", "As", "Is") {
					if v := varOf(n.Lhs[0]); v != nil {
						rs.okVars[v] = true
					}
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				if v, ok := info.Defs[name].(*types.Var); ok && i < len(n.Values) {
					rs.assigns[v] = append(rs.assigns[v], n.Values[i])
				}
			}
		case *ast.CaseClause: // switch e := err.(type) { case *T: ... }
			if len(n.List) == 1 {
				if v, ok := info.Implicits[n].(*types.Var); ok {
					recognize(v, v.Type())
				}
			}
		}
		return true
	})
	return rs
}

// errorTypeName is the named type of an error value (a pointer's element),
// inRenderer reports whether a status that is not a constant, written at
// node, counts as an error status: in a renderer every response is an
// error response (a helper's parameter is its callers' business), except
// on the path where its error is nil.
func (fc *funcCtx) inRenderer(node ast.Node, status value) bool {
	if fc.rend == nil || status.param >= 0 || fc.rend.noError(node) {
		return false
	}
	_, known := status.int()
	return !known
}

// noError reports whether node is on the path where the renderer's error is
// nil (if err == nil { ... }, after if err != nil { return ... }): a
// func(c, err) may write a success there.
func (rs *renderState) noError(node ast.Node) bool {
	for _, r := range rs.okRanges {
		if r.Pos() <= node.Pos() && node.End() <= r.End() {
			return true
		}
	}
	return false
}

// findOKRanges finds the statements of a body that run only when one of
// the error parameters is nil.
func (rs *renderState) findOKRanges(info *types.Info, body *ast.BlockStmt) {
	isErrParam := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		v, _ := info.Uses[id].(*types.Var)
		return ok && rs.r.errs[v]
	}
	// nilTest returns op for err == nil / err != nil (token.ILLEGAL otherwise).
	nilTest := func(cond ast.Expr) token.Token {
		b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		if !ok || (b.Op != token.EQL && b.Op != token.NEQ) {
			return token.ILLEGAL
		}
		isNil := func(e ast.Expr) bool { tv, ok := info.Types[e]; return ok && tv.IsNil() }
		if (isErrParam(b.X) && isNil(b.Y)) || (isErrParam(b.Y) && isNil(b.X)) {
			return b.Op
		}
		return token.ILLEGAL
	}
	var visit func(list []ast.Stmt)
	visit = func(list []ast.Stmt) {
		for i, s := range list {
			ifs, ok := s.(*ast.IfStmt)
			if !ok {
				if b, ok := s.(*ast.BlockStmt); ok {
					visit(b.List)
				}
				continue
			}
			switch nilTest(ifs.Cond) {
			case token.EQL: // if err == nil { ok } else { error }
				rs.okRanges = append(rs.okRanges, ifs.Body)
			case token.NEQ: // if err != nil { error; return } ok...
				if ifs.Else != nil {
					rs.okRanges = append(rs.okRanges, ifs.Else)
				} else if n := len(ifs.Body.List); n > 0 && i+1 < len(list) {
					if _, ret := ifs.Body.List[n-1].(*ast.ReturnStmt); ret {
						rs.okRanges = append(rs.okRanges, &ast.BlockStmt{Lbrace: list[i+1].Pos(), List: list[i+1:], Rbrace: list[len(list)-1].End()})
					}
				}
			}
			visit(ifs.Body.List)
		}
	}
	visit(body.List)
}

// renderedBy names the renderer in messages: "in the error renderer
// ErrorHandler".
func (fc *funcCtx) renderedBy() string {
	return "in the error renderer " + fc.rend.r.name
}

// headRequest reports whether the node being walked answers a HEAD request
// only, as echo's default renderer does: a HEAD response has no body. The
// node is in the branch of a HEAD test (if m == http.MethodHead { ... },
// if m != http.MethodHead { ... } else { ... }, case http.MethodHead:), or
// after an if m != http.MethodHead { ...; return } in its block.
func (fc *funcCtx) headRequest() bool {
	isHead := func(e ast.Expr) bool {
		s, ok := fc.sc.eval(e).str()
		return ok && s == "HEAD"
	}
	// headTest reports whether cond compares with "HEAD" by op.
	headTest := func(cond ast.Expr, op token.Token) bool {
		b, ok := ast.Unparen(cond).(*ast.BinaryExpr)
		return ok && b.Op == op && (isHead(b.X) || isHead(b.Y))
	}
	for i, anc := range fc.stack {
		var next ast.Node
		if i+1 < len(fc.stack) {
			next = fc.stack[i+1]
		}
		switch anc := anc.(type) {
		case *ast.IfStmt:
			if headTest(anc.Cond, token.EQL) && next == anc.Body || headTest(anc.Cond, token.NEQ) && next == anc.Else && next != nil {
				return true
			}
		case *ast.CaseClause:
			for _, e := range anc.List {
				if isHead(e) {
					return true
				}
			}
		case *ast.BlockStmt:
			for _, st := range anc.List {
				if st == next {
					break
				}
				if ifs, ok := st.(*ast.IfStmt); ok && ifs.Else == nil && headTest(ifs.Cond, token.NEQ) && fc.leaves(ifs.Body) {
					return true
				}
			}
		}
	}
	return false
}

// leaves reports whether a block ends by leaving the function: its last
// statement is a return or a call of panic.
func (fc *funcCtx) leaves(b *ast.BlockStmt) bool {
	if len(b.List) == 0 {
		return false
	}
	switch st := b.List[len(b.List)-1].(type) {
	case *ast.ReturnStmt:
		return true
	case *ast.ExprStmt:
		call, ok := ast.Unparen(st.X).(*ast.CallExpr)
		if !ok {
			return false
		}
		id, ok := ast.Unparen(call.Fun).(*ast.Ident)
		_, builtin := fc.p.TypesInfo.Uses[id].(*types.Builtin)
		return ok && builtin && id.Name == "panic"
	}
	return false
}

// renderedWrites reports what a renderer writes, once its events are known:
// plain text whatever the status, bodies of the wrong shape, unknown codes.
func (fc *funcCtx) renderedWrites() {
	p := fc.p
	for _, ev := range fc.events {
		if fc.rend.noError(ev.node) {
			continue
		}
		switch {
		case ev.kind == evPlain:
			what := "a plain-text body is written"
			if ev.what != "" {
				what = ev.what + " sends a non-JSON body"
			}
			p.report(ev.node, RuleRawHTTPError, "%s %s: everything a renderer writes is an error response; send a JSON error body %s", what, fc.renderedBy(), p.s.shape.brief)
		case ev.bodyExpr != nil && ev.write:
			fc.checkShape(ev.bodyExpr, ev.node)
		}
		if ev.kind == evBody && ev.codeNode != nil && !ev.errBody {
			p.checkCode(ev.codeNode, ev.code)
		}
	}
}

// renderer runs the renderer-specific analysis of a body whose events are
// known.
func (fc *funcCtx) renderer() {
	fc.renderedWrites()
	r := fc.rend.r
	if r.writer && len(fc.rend.recognized) == 0 {
		return
	}
	r.rows = fc.learnRows()
	if !r.writer {
		r.fallback = fc.fallback()
	}
}

// fieldRefs returns the fields and methods of recognised values that e
// reads: e.Status, e.StatusCode(), through conversions and local variables
// valueOf returns the type of a recognised value that a body expression
// learnRows learns, for each type the renderer recognises, where the status,
// jsonCodeField is the string field of a struct type whose JSON key is
// fallback checks the renderer's branch for the errors it does not
// recognise: the app's must send a code documented with 500. It returns
// internalCode describes the codes documented with 500: "a code documented
// fallbackStmts returns the statements of the renderer's body that run for
// an error it does not recognise: the else branches of the tests that
// recognise an error (errors.As, errors.Is, a type assertion's ok, a
// comparison of the error), the default of a switch on it, and the
// statements around them. ok is false when a test mixes the error with
// switchFallback handles a switch: on the error, its default clause is the
// fallback's (none: the statements after it); on anything else, every
// involvesError reports whether an expression reads an error: a value of an
// fromError reports whether a variable holds the error, a value recognised
// in it, the result of a recognition, or a value assigned from one of those
// rowsChanged reports whether what the package's renderers read from
// error values changed since it was last asked (the rows judge the values
// mergedRows merges the rows of the package's renderers, one per type:
// what they agree on, a Retry-After field that one reads, Retry-After
// exportRenderers exports the RendererFacts of the package's renderers and
// checkRegistered checks the renderers of other packages that the package
// installs as the app's: their branch for unrecognised errors must send
