package analyzer

// The branch of a central error renderer for the errors it does not
// recognise (see rendered.go): the app's must send a code documented with
// 500. The branch is found in the body's syntax: the else of each test that
// recognises an error (errors.As, errors.Is, a type assertion's ok, a
// comparison of the error or of a value read from it), the default of a
// switch on the error, and the statements around them. A renderer of
// another package that the package installs as the app's is checked where
// it is installed, through its RendererFact.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"
)

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

// with 500 (INTERNAL_ERROR or DATABASE_ERROR)".
func (p *pass) internalCode() string {
	codes := p.s.cat.CodesWithStatus(500)
	if len(codes) == 0 {
		return "a code documented with 500"
	}
	return "a code documented with 500 (" + strings.Join(codes, " or ") + ")"
}

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
