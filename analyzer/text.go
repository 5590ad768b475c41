package analyzer

// Helpers that write text with their caller's status: func Text(w, status,
// msg) { w.WriteHeader(status); io.WriteString(w, msg) }. What follows the
// status parameter on every path decides: plain text makes the helper raw
// (fact Raw); a text parameter leaves it to the call sites, which know
// whether the text they pass is plain (fact Text).

import (
	"go/ast"

	"golang.org/x/tools/go/cfg"
)

// textHelpers records what a status parameter is sent with on every path
// after it: plain text, or the text of a parameter.
func (fc *funcCtx) textHelpers(g *cfg.CFG, evs map[*cfg.Block][]*event) {
	if fc.fn == nil {
		return
	}
	for _, ev := range fc.events {
		if ev.kind != evStatus || !ev.direct || ev.status.param < 0 {
			continue
		}
		other := func(e *event) bool { return e.write && e != ev }
		if fc.everyPathFrom(g, evs, ev, func(e *event) bool { return e.kind == evPlain }, other) {
			fc.fact.Raw = RawText
			continue
		}
		text := -1
		fc.forward(g, evs, ev, func(e *event) bool {
			if other(e) && e.text != nil {
				text = fc.sc.paramOf(e.text)
			}
			return !other(e)
		})
		if text >= 0 && fc.everyPathFrom(g, evs, ev, func(e *event) bool { return e.text != nil && fc.sc.paramOf(e.text) == text }, other) {
			fc.fact.Text = text
		}
	}
}

// textCall checks a call of a helper that writes its text parameter after
// its status parameter: plain text with a constant error status is a raw
// error response; a wrapper passes its own parameters on.
func (fc *funcCtx) textCall(call *ast.CallExpr, name string, status value, text ast.Expr) {
	plain := fc.plainExpr(stripConversion(fc.p.TypesInfo, text), 0)
	if status.param >= 0 {
		if plain {
			fc.fact.Raw = RawText
		} else if pi := fc.sc.paramOf(text); pi >= 0 {
			fc.fact.Text = pi
		}
		return
	}
	if st, ok := status.int(); ok && st >= 400 && plain {
		fc.p.report(call, RuleRawHTTPError, "%s sends %s; send a JSON error body %s", name, RawText.sends(st), fc.p.jsonBody(status))
	}
}

// textParam returns e when it is a parameter written as text (a string or
// bytes parameter of a helper), for the event that writes it.
func (fc *funcCtx) textParam(e ast.Expr) ast.Expr {
	if fc.fn == nil || fc.sc.paramOf(e) < 0 {
		return nil
	}
	return e
}
