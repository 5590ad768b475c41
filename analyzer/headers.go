package analyzer

// Header facts: what a function does to the Retry-After header of the
// response it is handed, on every path that returns, on some of them, or
// nothing that the analysis can see into. A helper that sets only
// RateLimit-* headers, or that sets Retry-After under a condition, does not
// cover the write that its caller makes after it.

import (
	"go/ast"
	"go/token"

	"golang.org/x/tools/go/cfg"
)

// RetrySet is what a function does to the Retry-After header of the
// response (or header map) it is handed, in its [HelperFact].
type RetrySet uint8

const (
	RetryNone RetrySet = iota // nothing the fact records
	// RetryNever: the function is handed a header map and never sets
	// Retry-After on it (a helper that sets only X-RateLimit-*).
	RetryNever
	// RetrySome: it sets Retry-After on some of its paths only.
	RetrySome
	// RetryAlways: it sets Retry-After on every path that returns.
	RetryAlways
	// RetryMaybe: it may set it: a header whose name it cannot see,
	// headers copied from elsewhere.
	RetryMaybe
)

func (r RetrySet) String() string {
	switch r {
	case RetryNever:
		return "noretryafter"
	case RetrySome:
		return "retryafter(some paths)"
	case RetryAlways:
		return "retryafter"
	case RetryMaybe:
		return "retryafter(maybe)"
	}
	return ""
}

// raKind is how an evRetryAfter event sets the header.
type raKind uint8

const (
	raSets    raKind = iota // sets Retry-After here
	raMay                   // may set it (a name the analysis cannot see, copied headers)
	raLocal                 // may set it, through code it cannot see (a closure, an interface method): not part of the fact
	raPartial               // a helper that sets it on some of its paths only: does not cover what follows
	raWriter                // a writer that sets it on some of its paths: covers what it writes, sets it on some paths
)

// setsRetryAfter records a Retry-After header write of this kind.
func (fc *funcCtx) setsRetryAfter(n ast.Node, end token.Pos, k raKind, what string) {
	fc.setsRetryAfterTo(n, end, k, what, nil)
}

// setsRetryAfterTo is setsRetryAfter with the header's value, when known
// (a renderer's Retry-After source, renderrows.go).
func (fc *funcCtx) setsRetryAfterTo(n ast.Node, end token.Pos, k raKind, what string, value ast.Expr) {
	fc.add(&event{kind: evRetryAfter, end: end, node: n, ra: k, what: what, value: value})
}

// helperRetryAfter records what a call of a helper with this fact does to
// Retry-After. A writer that sets it on some paths only may do so on the
// paths that write the status that needs it (its condition is often the
// status): that counts as may-set, never as a miss.
func (fc *funcCtx) helperRetryAfter(call *ast.CallExpr, name string, f *HelperFact, value ast.Expr) {
	k := raMay
	switch f.RetryAfter {
	case RetryNone, RetryNever:
		return
	case RetryAlways:
		k = raSets
	case RetrySome:
		k = raPartial
		if f.Writes {
			k = raWriter
		}
	}
	if fc.passesResponse(call) {
		fc.setsRetryAfterTo(call, call.End(), k, name, value)
	}
}

// retrySet computes the fact's RetryAfter from the function's events.
func (fc *funcCtx) retrySet(body *ast.BlockStmt) RetrySet {
	sets, some := false, false
	for _, ev := range fc.events {
		if ev.kind != evRetryAfter {
			continue
		}
		switch ev.ra {
		case raMay:
			return RetryMaybe
		case raSets:
			sets = true
		case raPartial, raWriter:
			some = true
		}
	}
	switch {
	case sets && fc.onEveryPath(body, func(ev *event) bool { return ev.kind == evRetryAfter && ev.ra == raSets }):
		return RetryAlways
	case sets || some:
		return RetrySome
	}
	for v := range fc.sc.params {
		if fc.p.isHeaderType(v.Type()) {
			return RetryNever // callers would otherwise assume it may set Retry-After
		}
	}
	return RetryNone
}

// partialBefore explains, for the message about ev, a helper on a path to
// ev (or, for a status set for the next write, after it) that sets
// Retry-After on some of its paths only; "" when there is none.
func (fc *funcCtx) partialBefore(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event) string {
	reaches := func(from, to *event) bool {
		found := false
		fc.forward(g, evs, from, func(next *event) bool {
			found = next == to
			return !found
		})
		return found
	}
	for _, ra := range fc.events {
		if ra.kind == evRetryAfter && ra.ra == raPartial && (reaches(ra, ev) || ev.deferred && reaches(ev, ra)) {
			return " (" + ra.what + " sets it on some of its paths only)"
		}
	}
	return ""
}

// codesNeedRetryAfter: a status written before a body whose code is
// documented with a status that needs Retry-After (RATE_LIMIT_EXCEEDED
// after WriteHeader with a run-time status, or with another one) needs it
// too, by the time that status is written.
func (fc *funcCtx) codesNeedRetryAfter(g *cfg.CFG, evs map[*cfg.Block][]*event) {
	for _, ev := range fc.events {
		if ev.kind != evStatus || !ev.direct || ev.checkRA || ev.status.param >= 0 {
			continue
		}
		fc.forward(g, evs, ev, func(next *event) bool {
			if next.kind == evStatus {
				return false
			}
			if next.kind == evBody { // (a code that is a parameter is no constant)
				if _, ok := fc.p.needsRetryAfter(unknown, next.code); ok {
					ev.checkRA, ev.code = true, next.code
				}
			}
			return !next.write
		})
	}
}

// coversRetryAfter reports whether ev sets (or may set) Retry-After for
// what follows it.
func coversRetryAfter(ev *event) bool {
	return ev.kind == evRetryAfter && ev.ra != raPartial
}

// buffered reports whether ev writes to a response of a framework that
// sends it only when the handler returns (fiber): a header set after the
// write on the path is in time.
func (fc *funcCtx) buffered(ev *event) bool {
	call, ok := ev.node.(*ast.CallExpr)
	if !ok {
		return false
	}
	h := fc.p.handleOf(call)
	if h == nil {
		return false
	}
	fw := fc.p.handleFramework(fc.p.TypesInfo.TypeOf(h))
	return fw != nil && fw.buffered
}
