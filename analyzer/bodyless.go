package analyzer

// Bodyless error responses: a status written (w.WriteHeader(404)) or set
// for the end of the handler (gin's and fiber's c.Status(410)) and followed,
// on some path to the return, by no body and by nothing that is handed the
// response. A helper's caller may write the body after the helper returns,
// so it is reported only in handlers (functions with a handler's signature
// that no function of their package calls, or literals with one); a helper
// that always leaves the body of its status parameter to its caller says so
// in its fact, and its call sites with a constant error status are judged
// the same way. (A helper that writes a constant status alone is silent,
// there and at its call sites.)

import (
	"go/ast"
	"go/types"

	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

// handoff records a call that hands the response to code that may write
// it: a function without a fact, a helper that writes, a closure, a method
// of the response that the tables do not list (c.Redirect, c.Error), so
// that a status before it is not taken for bodyless.
func (fc *funcCtx) handoff(call *ast.CallExpr) {
	p := fc.p
	hands := false
	for _, a := range call.Args {
		hands = hands || fc.isHandleExpr(a)
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fc.isHandleExpr(sel.X) {
		hands = true
	}
	switch callee := typeutil.Callee(p.TypesInfo, call).(type) {
	case *types.Builtin:
		return
	case nil:
		if tv, ok := p.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
			return // a conversion
		}
		hands = true // a function literal called, a function value of an expression
	case *types.Var:
		// A local closure may capture the response.
		hands = hands || callee.Parent() != nil && callee.Pkg() != nil && callee.Parent() != callee.Pkg().Scope()
	case *types.Func:
		if !hands {
			return
		}
		if _, _, ok := p.primitiveOf(call, callee); ok {
			return // its events say what it writes
		}
		if f := p.helperFact(callee); f != nil && (!f.Writes || f.Bodyless) {
			return // sets headers only, or writes a status recorded as such
		}
	}
	if hands {
		fc.add(&event{kind: evHandoff, end: call.End(), node: call})
	}
}

// returnHandoff: a return with a value hands it to the caller, which may
// write a body from it (an error returned to echo's or fiber's error
// handler, to an adapter of func(w, r) error).
func (fc *funcCtx) returnHandoff(ret *ast.ReturnStmt) {
	for _, r := range ret.Results {
		if id, ok := ast.Unparen(r).(*ast.Ident); ok && id.Name == "nil" {
			continue
		}
		fc.add(&event{kind: evHandoff, end: ret.End(), node: ret})
		return
	}
}

// deferHandoff: a deferred call that mentions the response (a recover
// that writes an error) may write after any status: no status of this
// function is taken for bodyless.
func (fc *funcCtx) deferHandoff(d *ast.DeferStmt) {
	ast.Inspect(d, func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && fc.isHandleExpr(e) {
			fc.deferWrites = true
		}
		return !fc.deferWrites
	})
}

// bodylessPaths reports a constant error status that no body follows on
// some path to the return, in a handler; a status parameter that no body
// follows on any path makes the helper Bodyless.
func (fc *funcCtx) bodylessPaths(g *cfg.CFG, evs map[*cfg.Block][]*event) {
	if fc.deferWrites {
		return
	}
	stop := func(e *event) bool { return e.write || e.kind == evHandoff || e.kind == evStatus }
	for _, ev := range fc.events {
		if ev.kind != evStatus || !ev.alone {
			continue
		}
		st, isConst := ev.status.int()
		if (!isConst || st < 400) && ev.status.param < 0 {
			continue
		}
		if !fc.pathToReturn(g, evs, ev, stop) {
			continue // a body (or something that may write one) follows on every path
		}
		always := true // no path from ev writes anything
		if ev.status.param >= 0 {
			fc.forward(g, evs, ev, func(e *event) bool {
				always = always && !stop(e)
				return always
			})
		}
		switch {
		case ev.status.param >= 0:
			if always && fc.fn != nil {
				fc.fact.Bodyless = true
			}
		case fc.handler():
			fc.p.reportHandler(ev.node, RuleRawHTTPError, "%s sends status %d without a body: nothing writes one after it on some path to the return; send a JSON error body %s", ev.what, st, fc.p.jsonBody(ev.status))
		}
	}
}

// bodylessCall records the status that a helper writes and leaves the
// body of to its caller, where the caller's paths decide.
func (fc *funcCtx) bodylessCall(call *ast.CallExpr, name string, f *HelperFact, statusArg ast.Expr) {
	if !f.Bodyless || statusArg == nil || !fc.passesResponse(call) {
		return
	}
	fc.add(&event{kind: evStatus, end: call.End(), node: call, status: fc.sc.eval(statusArg), alone: true, what: name})
}

// handler reports whether the function being analyzed has the signature
// of a handler: (http.ResponseWriter, *http.Request, ...) or a framework's
// handle first (*gin.Context, echo.Context, fiber's Ctx), and no result
// but an error. A declared function is a handler only where no function of
// its package calls it (see reportHandler).
func (fc *funcCtx) handler() bool {
	if fc.ftype == nil || fc.ftype.Params == nil {
		return false
	}
	info := fc.p.TypesInfo
	var params []types.Type
	for _, f := range fc.ftype.Params.List {
		t := info.TypeOf(f.Type)
		for range max(1, len(f.Names)) {
			params = append(params, t)
		}
	}
	if res := fc.ftype.Results; res != nil && res.NumFields() > 0 {
		if res.NumFields() > 1 || !types.Identical(info.TypeOf(res.List[0].Type), errorType) {
			return false
		}
	}
	if len(params) == 0 {
		return false
	}
	switch fc.p.handleFramework(params[0]) {
	case nil:
		return false
	case netHTTP:
		return len(params) >= 2 && isNamed(params[1], "net/http", "Request")
	}
	return true
}

var errorType = types.Universe.Lookup("error").Type()

// reportHandler is report for a finding that holds only in a handler:
// a function that a function of its package calls, or that is stored as a
// callback, is a helper whose caller may write the body, and the finding
// is dropped (see run and callerMayWrite).
func (p *pass) reportHandler(node ast.Node, rule, format string, args ...any) {
	p.report(node, rule, format, args...)
	if p.diags != nil && len(*p.diags) > 0 {
		if d := &(*p.diags)[len(*p.diags)-1]; d.Category == rule {
			d.handler = true
		}
	}
}

// callerMayWrite reports whether the function owner (a declaration or a
// literal) is called by a function of the package, or stored as a
// callback.
func (p *pass) callerMayWrite(owner ast.Node, called map[*types.Func]bool) bool {
	if p.callbacks[owner] {
		return true
	}
	if fd, ok := owner.(*ast.FuncDecl); ok {
		return called[p.funcObj(fd)]
	}
	return false
}

// sentAlone marks the status event just recorded for a primitive whose
// status is sent without a body when nothing follows.
func (fc *funcCtx) sentAlone(pr primitive, what string) {
	if !pr.alone || len(fc.events) == 0 {
		return
	}
	if ev := fc.events[len(fc.events)-1]; ev.kind == evStatus {
		ev.alone, ev.what = true, what
	}
}
