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
//     branch for the errors it does not recognise (status-mismatch);
//   - what it reads from the error values it recognises (errors.As, a
//     type switch, a type assertion) is learned: for each type, where the
//     status, the code and Retry-After come from. The package exports it
//     as a RenderedTypesFact; errvalues.go checks the values built of
//     those types against it.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

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
// or of an interface other than error; nil for anything else.
func errorTypeName(t types.Type) *types.TypeName {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	return named.Origin().Obj()
}

// typePath names a type in facts: "path.Name".
func typePath(tn *types.TypeName) string { return tn.Pkg().Path() + "." + tn.Name() }

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
// only (if c.Request().Method == http.MethodHead { c.NoContent(code) }, as
// echo's default renderer does): a HEAD response has no body.
func (fc *funcCtx) headRequest() bool {
	isHead := func(e ast.Expr) bool {
		s, ok := fc.sc.eval(e).str()
		return ok && s == "HEAD"
	}
	for i, anc := range fc.stack {
		var next ast.Node
		if i+1 < len(fc.stack) {
			next = fc.stack[i+1]
		}
		switch anc := anc.(type) {
		case *ast.IfStmt:
			if b, ok := ast.Unparen(anc.Cond).(*ast.BinaryExpr); ok && b.Op == token.EQL && (isHead(b.X) || isHead(b.Y)) && next == anc.Body {
				return true
			}
		case *ast.CaseClause:
			for _, e := range anc.List {
				if isHead(e) {
					return true
				}
			}
		}
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
			p.report(ev.node, RuleRawHTTPError, "%s %s: everything a renderer writes is an error response; send a JSON error body %s", what, fc.renderedBy(), `{"code", "message", ...}`)
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
// (code := 500; if errors.As(err, &e) { code = e.Code }).
func (fc *funcCtx) fieldRefs(e ast.Expr, depth int) []fieldRef {
	rs := fc.rend
	info := fc.p.TypesInfo
	e = stripConversion(info, e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if tn := rs.recognizedType(info, x.X); tn != nil {
			if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
				return []fieldRef{{tn, x.Sel.Name}}
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 {
			if tn := rs.recognizedType(info, sel.X); tn != nil {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					return []fieldRef{{tn, sel.Sel.Name + "()"}}
				}
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || depth > 3 {
			return nil
		}
		var out []fieldRef
		for _, rhs := range rs.assigns[v] {
			out = append(out, fc.fieldRefs(rhs, depth+1)...)
		}
		return out
	}
	return nil
}

// fieldRef is a field ("Status") or method ("StatusCode()") of a type.
type fieldRef struct {
	typ  *types.TypeName
	name string
}

// recognizedType returns the type of a recognised value that e names.
func (rs *renderState) recognizedType(info *types.Info, e ast.Expr) *types.TypeName {
	e = ast.Unparen(e)
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return rs.recognized[v]
}

// valueOf returns the type of a recognised value that a body expression
// is (c.JSON(e.Status, e)), directly or through a local variable.
func (fc *funcCtx) valueOf(e ast.Expr) *types.TypeName {
	rs := fc.rend
	info := fc.p.TypesInfo
	for range 3 {
		if tn := rs.recognizedType(info, e); tn != nil {
			return tn
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.Uses[id].(*types.Var)
		if len(rs.assigns[v]) != 1 {
			return nil
		}
		e = rs.assigns[v][0]
	}
	return nil
}

// learnRows learns, for each type the renderer recognises, where the status,
// the code and Retry-After come from.
func (fc *funcCtx) learnRows() []RenderedType {
	rs := fc.rend
	status := map[*types.TypeName]map[string]bool{}
	code := map[*types.TypeName]map[string]bool{}
	retry := map[*types.TypeName]map[string]bool{}
	add := func(m map[*types.TypeName]map[string]bool, refs []fieldRef) {
		for _, ref := range refs {
			if m[ref.typ] == nil {
				m[ref.typ] = map[string]bool{}
			}
			m[ref.typ][ref.name] = true
		}
	}
	otherRetry := rs.handoff // Retry-After set some way that is not a field of a value
	for _, ev := range fc.events {
		switch ev.kind {
		case evStatus:
			if ev.statusExpr != nil {
				add(status, fc.fieldRefs(ev.statusExpr, 0))
			}
		case evBody:
			if e, ok := ev.codeNode.(ast.Expr); ok {
				add(code, fc.fieldRefs(e, 0))
			}
		case evRetryAfter:
			var refs []fieldRef
			if ev.value != nil {
				ast.Inspect(ev.value, func(n ast.Node) bool {
					if e, ok := n.(ast.Expr); ok {
						refs = append(refs, fc.fieldRefs(e, 0)...)
					}
					return true
				})
			}
			if len(refs) == 0 {
				otherRetry = true
			}
			add(retry, refs)
		}
		if ev.bodyExpr != nil {
			if tn := fc.valueOf(ev.bodyExpr); tn != nil {
				if f := jsonCodeField(tn.Type()); f != "" {
					add(code, []fieldRef{{tn, f}})
				}
			}
		}
	}
	for _, w := range rs.writes {
		if w.statusExpr != nil {
			add(status, fc.fieldRefs(w.statusExpr, 0))
		}
		if w.codeExpr != nil {
			add(code, fc.fieldRefs(w.codeExpr, 0))
		}
	}
	one := func(m map[string]bool) string {
		if len(m) != 1 {
			return ""
		}
		for k := range m {
			return k
		}
		return ""
	}
	var rows []RenderedType
	seen := map[*types.TypeName]bool{}
	for _, tn := range rs.recognized {
		if seen[tn] {
			continue
		}
		seen[tn] = true
		row := RenderedType{Type: typePath(tn), Status: one(status[tn]), Code: one(code[tn]), By: fc.p.qualifiedName(rs.r)}
		switch {
		case one(retry[tn]) != "":
			row.SetsRetryAfter, row.RetryAfter = RetryAfterFromField, one(retry[tn])
		case otherRetry:
			// (A Retry-After read from another type's field is set in
			// that type's branch.)
			row.SetsRetryAfter = RetryAfterMaybe
		default:
			row.SetsRetryAfter = RetryAfterNever
		}
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b RenderedType) int { return strings.Compare(a.Type, b.Type) })
	return rows
}

// jsonCodeField is the string field of a struct type whose JSON key is
// "code" ("" if none).
func jsonCodeField(t types.Type) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		if f := st.Field(i); strings.EqualFold(jsonName(st.Tag(i), f), "code") && isStringKind(f.Type()) {
			return f.Name()
		}
	}
	return ""
}

// fallback checks the renderer's branch for the errors it does not
// recognise: the app's must send a code documented with 500. It returns
// what the branch sends, for the RendererFact.
func (fc *funcCtx) fallback() RendererFact {
	f := RendererFact{Framework: fc.rend.r.fw.name}
	leaves, ok := fc.fallbackStmts()
	if !ok {
		return f
	}
	in := func(n ast.Node) bool {
		if fc.rend.noError(n) {
			return false
		}
		for _, l := range leaves {
			if l.Pos() <= n.Pos() && n.End() <= l.End() {
				return true
			}
		}
		return false
	}
	type site struct {
		node ast.Node
		v    value
	}
	var statuses, codes []site
	for _, ev := range fc.events {
		if !in(ev.node) {
			continue
		}
		switch ev.kind {
		case evStatus:
			if ev.statusExpr != nil {
				statuses = append(statuses, site{ev.statusExpr, ev.status})
			}
		case evBody:
			if ev.codeNode != nil {
				codes = append(codes, site{ev.codeNode, ev.code})
			}
		}
	}
	for _, w := range fc.rend.writes {
		if in(w.node) {
			if w.statusExpr != nil {
				statuses = append(statuses, site{w.statusExpr, w.status})
			}
			if w.codeExpr != nil {
				codes = append(codes, site{w.codeExpr, w.code})
			}
		}
	}
	p := fc.p
	distinct := func(sites []site, get func(value) (any, bool)) any {
		var out any
		for _, s := range sites {
			v, ok := get(s.v)
			if !ok || (out != nil && out != v) {
				return nil
			}
			out = v
		}
		return out
	}
	if s, ok := distinct(statuses, func(v value) (any, bool) { return v.int() }).(int); ok {
		f.FallbackStatus = s
	}
	if c, ok := distinct(codes, func(v value) (any, bool) { return v.str() }).(string); ok {
		f.FallbackCode = c
	}
	if !fc.rend.r.app {
		return f
	}
	wrongCode := false
	for _, s := range codes {
		c, ok := s.v.str()
		if !ok {
			continue
		}
		if doc, ok := p.s.cat.Status(c); ok && doc != 500 {
			wrongCode = true
			p.report(s.node, RuleStatusMismatch, "%s sends %s, documented with %d, to the errors it does not recognise; send %s", fc.rend.r.name, c, doc, p.internalCode())
		}
	}
	if wrongCode {
		return f
	}
	for _, s := range statuses {
		if st, ok := s.v.int(); ok && st != 500 {
			p.report(s.node, RuleStatusMismatch, "%s sends status %d to the errors it does not recognise; send 500 with %s", fc.rend.r.name, st, p.internalCode())
		}
	}
	return f
}

// internalCode describes the codes documented with 500: "a code documented
// with 500 (INTERNAL_ERROR or DATABASE_ERROR)".
func (p *pass) internalCode() string {
	codes := p.s.cat.CodesWithStatus(500)
	if len(codes) == 0 {
		return "a code documented with 500"
	}
	return "a code documented with 500 (" + strings.Join(codes, " or ") + ")"
}

// fallbackStmts returns the statements of the renderer's body that run for
// an error it does not recognise: the else branches of the tests that
// recognise an error (errors.As, errors.Is, a type assertion's ok, a
// comparison of the error), the default of a switch on it, and the
// statements around them. ok is false when a test mixes the error with
// other conditions (&&, ||): then nothing is known.
func (fc *funcCtx) fallbackStmts() (leaves []ast.Node, ok bool) {
	ok = true
	var seq func(list []ast.Stmt) bool // reports whether the list ends the path
	var stmt func(s ast.Stmt) bool
	stmt = func(s ast.Stmt) bool {
		switch s := s.(type) {
		case *ast.BlockStmt:
			return seq(s.List)
		case *ast.IfStmt:
			rec := fc.recognition(s.Cond)
			switch rec {
			case recMixed:
				ok = false
				return false
			case recYes: // the else branch is the fallback's
				if s.Else != nil {
					return stmt(s.Else)
				}
				return false
			case recNo: // the then branch is the fallback's
				return seq(s.Body.List)
			}
			t := seq(s.Body.List)
			e := false
			if s.Else != nil {
				e = stmt(s.Else)
			}
			return t && e
		case *ast.TypeSwitchStmt:
			return fc.switchFallback(s.Body, true, seq)
		case *ast.SwitchStmt:
			onErr := s.Tag != nil && fc.involvesError(s.Tag)
			if s.Tag == nil {
				for _, c := range s.Body.List {
					for _, e := range c.(*ast.CaseClause).List {
						if r := fc.recognition(e); r == recMixed || r == recNo {
							ok = false
							return false
						} else if r == recYes {
							onErr = true
						}
					}
				}
			}
			return fc.switchFallback(s.Body, onErr, seq)
		case *ast.ForStmt:
			seq(s.Body.List)
		case *ast.RangeStmt:
			seq(s.Body.List)
		case *ast.ReturnStmt:
			leaves = append(leaves, s)
			return true
		case *ast.ExprStmt:
			leaves = append(leaves, s)
			if call, ok := ast.Unparen(s.X).(*ast.CallExpr); ok && !fc.p.mayReturn(call) {
				return true
			}
		case *ast.LabeledStmt:
			return stmt(s.Stmt)
		default:
			leaves = append(leaves, s)
		}
		return false
	}
	seq = func(list []ast.Stmt) bool {
		for _, s := range list {
			if stmt(s) {
				return true
			}
			if !ok {
				return false
			}
		}
		return false
	}
	seq(fc.rend.r.body.List)
	return leaves, ok
}

// switchFallback handles a switch: on the error, its default clause is the
// fallback's (none: the statements after it); on anything else, every
// clause may run for an unrecognised error.
func (fc *funcCtx) switchFallback(body *ast.BlockStmt, onErr bool, seq func([]ast.Stmt) bool) bool {
	ends := true
	hasDefault := false
	for _, c := range body.List {
		cc := c.(*ast.CaseClause)
		if cc.List == nil {
			hasDefault = true
		} else if onErr {
			continue
		}
		ends = seq(cc.Body) && ends
	}
	return ends && hasDefault
}

// recognition is what a test on an error says when it holds.
type recognition int

const (
	recNone  recognition = iota // it does not involve the error
	recYes                      // the error is recognised (or there is none)
	recNo                       // the error is not recognised
	recMixed                    // the error and other conditions: unknown
)

// recognition classifies a condition of a renderer.
func (fc *funcCtx) recognition(cond ast.Expr) recognition {
	cond = ast.Unparen(cond)
	if !fc.involvesError(cond) {
		return recNone
	}
	switch c := cond.(type) {
	case *ast.UnaryExpr:
		if c.Op == token.NOT {
			switch r := fc.recognition(c.X); r {
			case recYes:
				return recNo
			case recNo:
				return recYes
			default:
				return r
			}
		}
	case *ast.BinaryExpr:
		switch c.Op {
		case token.LAND, token.LOR:
			return recMixed
		case token.EQL, token.NEQ:
			// err == nil: no error; e == nil for a recognised e: not
			// recognised; err == ErrX, e.Type == T, msg == "...": recognised.
			yes := token.EQL
			if fc.isNil(c.X) || fc.isNil(c.Y) {
				other := c.X
				if fc.isNil(c.X) {
					other = c.Y
				}
				if fc.rend.recognizedType(fc.p.TypesInfo, other) != nil {
					yes = token.NEQ
				}
			}
			if c.Op == yes {
				return recYes
			}
			return recNo
		}
		return recMixed
	}
	return recYes // errors.As(...), errors.Is(...), ok, isNotFound(err): a predicate on the error
}

func (fc *funcCtx) isNil(e ast.Expr) bool {
	tv, ok := fc.p.TypesInfo.Types[e]
	return ok && tv.IsNil()
}

// involvesError reports whether an expression reads an error: a value of an
// error type, a recognised value, or the result of a recognition.
func (fc *funcCtx) involvesError(e ast.Expr) bool {
	info := fc.p.TypesInfo
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		if found {
			return false
		}
		x, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		if id, ok := x.(*ast.Ident); ok {
			if v, ok := info.Uses[id].(*types.Var); ok && fc.fromError(v, 0) {
				found = true
			}
		}
		if t := info.TypeOf(x); t != nil && !fc.isNil(x) {
			if _, isSig := t.(*types.Signature); !isSig && (types.Identical(t, errorType) || implementsError(t)) {
				found = true
			}
		}
		return !found
	})
	return found
}

var errorType = types.Universe.Lookup("error").Type()

// fromError reports whether a variable holds the error, a value recognised
// in it, the result of a recognition, or a value assigned from one of those
// (code := 500; if errors.As(err, &e) { code = e.Code }: code).
func (fc *funcCtx) fromError(v *types.Var, depth int) bool {
	rs := fc.rend
	if rs.okVars[v] || rs.recognized[v] != nil || rs.r.errs[v] {
		return true
	}
	if depth > 2 {
		return false
	}
	for _, rhs := range rs.assigns[v] {
		if len(fc.fieldRefs(rhs, 0)) > 0 {
			return true
		}
		if id, ok := ast.Unparen(rhs).(*ast.Ident); ok {
			if w, ok := fc.p.TypesInfo.Uses[id].(*types.Var); ok && w != v && fc.fromError(w, depth+1) {
				return true
			}
		}
	}
	return false
}

// rowsChanged reports whether what the package's renderers read from
// error values changed since it was last asked (the rows judge the values
// built everywhere in the package, so it is analyzed again).
func (p *pass) rowsChanged() bool {
	if len(p.renderers) == 0 {
		return false
	}
	rows := p.mergedRows()
	changed := !slices.Equal(rows, p.localRows)
	p.localRows = rows
	if changed {
		clear(p.bodyTypes) // a type's fields may be known now
		p.views = nil
	}
	return changed
}

// mergedRows merges the rows of the package's renderers, one per type:
// what they agree on, a Retry-After field that one reads, Retry-After
// never set when none sets it.
func (p *pass) mergedRows() []RenderedType {
	byType := map[string]*RenderedType{}
	var order []string
	for _, r := range p.renderers {
		for _, row := range r.rows {
			old := byType[row.Type]
			if old == nil {
				row := row
				byType[row.Type] = &row
				order = append(order, row.Type)
				continue
			}
			*old = mergeRow(*old, row)
		}
	}
	slices.Sort(order)
	var out []RenderedType
	for _, t := range order {
		out = append(out, *byType[t])
	}
	return out
}

// mergeRow merges two renderers' rows of one type.
func mergeRow(a, b RenderedType) RenderedType {
	if a.Status != b.Status {
		a.Status = ""
	}
	if a.Code != b.Code {
		a.Code = ""
	}
	if a.By > b.By {
		a.By = b.By // deterministic, whatever the order of the renderers
	}
	switch {
	case a.SetsRetryAfter == RetryAfterFromField && b.SetsRetryAfter == RetryAfterFromField:
		if a.RetryAfter != b.RetryAfter {
			a.SetsRetryAfter, a.RetryAfter = RetryAfterMaybe, ""
		}
	case b.SetsRetryAfter == RetryAfterFromField:
		a.SetsRetryAfter, a.RetryAfter = b.SetsRetryAfter, b.RetryAfter
	case a.SetsRetryAfter == RetryAfterFromField:
	case a.SetsRetryAfter == RetryAfterMaybe || b.SetsRetryAfter == RetryAfterMaybe:
		a.SetsRetryAfter = RetryAfterMaybe
	}
	return a
}

// exportRenderers exports the RendererFacts of the package's renderers and
// its RenderedTypesFact. It reports whether there was any.
func (p *pass) exportRenderers() bool {
	found := false
	for _, r := range p.renderers {
		if r.holder != nil && !r.writer && r.holder.Pkg() == p.Pkg {
			f := r.fallback
			if f.Framework == "" {
				f.Framework = r.fw.name
			}
			p.ExportObjectFact(r.holder, &f)
			found = true
		}
	}
	if rows := p.mergedRows(); len(rows) > 0 {
		p.ExportPackageFact(&RenderedTypesFact{Types: rows})
		found = true
	}
	return found
}

// checkRegistered checks the renderers of other packages that the package
// installs as the app's: their branch for unrecognised errors must send
// 500. The findings go to a unit of their own.
func (p *pass) checkRegistered(checked []*ast.File) *unit {
	u := &unit{}
	p.diags, p.owner = &u.diags, nil
	for _, reg := range p.registered {
		if !slices.ContainsFunc(checked, func(f *ast.File) bool { return f.FileStart <= reg.node.Pos() && reg.node.Pos() < f.FileEnd }) {
			continue
		}
		f := reg.fact
		name := reg.fn.Pkg().Name() + "." + reg.fn.Name()
		if doc, ok := p.s.cat.Status(f.FallbackCode); ok && doc != 500 {
			p.report(reg.node, RuleStatusMismatch, "%s, installed as the app's error renderer, sends %s, documented with %d, to the errors it does not recognise; send %s", name, f.FallbackCode, doc, p.internalCode())
		} else if f.FallbackStatus != 0 && f.FallbackStatus != 500 && f.FallbackCode == "" {
			p.report(reg.node, RuleStatusMismatch, "%s, installed as the app's error renderer, sends status %d to the errors it does not recognise; send 500 with %s", name, f.FallbackStatus, p.internalCode())
		}
	}
	p.diags = nil
	return u
}
