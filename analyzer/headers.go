package analyzer

// Header facts: what a function does to the Retry-After header of the
// response it is handed, on every path that returns, on some of them, or
// nothing that the analysis can see into. A helper that sets only
// RateLimit-* headers, or that sets Retry-After under a condition, does not
// cover the write that its caller makes after it.

import (
	"go/ast"
	"go/token"
	"slices"

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
	fc.add(&event{kind: evRetryAfter, end: end, node: n, ra: k, what: what})
}

// helperRetryAfter records what a call of a helper with this fact does to
// Retry-After. A writer that sets it on some paths only may do so on the
// paths that write the status that needs it (its condition is often the
// status): that counts as may-set, never as a miss.
func (fc *funcCtx) helperRetryAfter(call *ast.CallExpr, name string, f *HelperFact) {
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
		fc.setsRetryAfter(call, call.End(), k, name)
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

// graph returns the function's control-flow graph and its events by block,
// built once.
func (fc *funcCtx) graph(body *ast.BlockStmt) (*cfg.CFG, map[*cfg.Block][]*event) {
	if fc.g == nil {
		fc.g = cfg.New(body, fc.p.mayReturn)
		fc.evs = fc.blockEvents(fc.g)
	}
	return fc.g, fc.evs
}

// onEveryPath reports whether every path from the function's entry to a
// return passes an event that match accepts (paths that end in a panic or
// os.Exit do not return).
func (fc *funcCtx) onEveryPath(body *ast.BlockStmt, match func(*event) bool) bool {
	g, evs := fc.graph(body)
	seen := map[*cfg.Block]bool{g.Blocks[0]: true}
	work := []*cfg.Block{g.Blocks[0]}
	for len(work) > 0 {
		b := work[len(work)-1]
		work = work[:len(work)-1]
		if blockHas(evs[b], match) {
			continue
		}
		if returns(b) {
			return false
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				work = append(work, s)
			}
		}
	}
	return true
}

func blockHas(evs []*event, match func(*event) bool) bool {
	for _, ev := range evs {
		if match(ev) {
			return true
		}
	}
	return false
}

// returns reports whether b ends with a return statement (explicit, or the
// one that the CFG materializes at the closing brace).
func returns(b *cfg.Block) bool {
	if len(b.Nodes) == 0 {
		return false
	}
	_, ok := b.Nodes[len(b.Nodes)-1].(*ast.ReturnStmt)
	return ok
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
			if next.kind == evBody && next.code.param < 0 {
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

// pathToReturn reports whether some path from just after ev reaches a
// return of the function without passing an event that stop accepts.
func (fc *funcCtx) pathToReturn(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event, stop func(*event) bool) bool {
	var start *cfg.Block
	at := 0
	for _, b := range g.Blocks {
		if i := slices.Index(evs[b], ev); i >= 0 {
			start, at = b, i+1
			break
		}
	}
	if start == nil {
		return false
	}
	seen := map[*cfg.Block]bool{}
	var visit func(b *cfg.Block, from int) bool
	visit = func(b *cfg.Block, from int) bool {
		if blockHas(evs[b][from:], stop) {
			return false
		}
		if returns(b) {
			return true
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				if visit(s, 0) {
					return true
				}
			}
		}
		return false
	}
	return visit(start, at)
}
