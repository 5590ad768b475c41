package analyzer

// An error written after the response has started: w.WriteHeader(200) or
// a body (w.Write, io.Copy, an encoder, a template, a file) on every path
// before http.Error(w, err.Error(), 500). The status can no longer be sent
// (net/http logs a superfluous WriteHeader) and a JSON fix would corrupt
// the body already sent: such a write is not an error response for any
// rule, and gets no fix. Where the earlier write happens on some paths
// only, the finding stands.

import (
	"go/ast"
	"slices"

	"golang.org/x/tools/go/cfg"
)

// callDiags is a call that reported findings or wrote a status, and its
// findings, by their indexes in the unit's diagnostics.
type callDiags struct {
	call     *ast.CallExpr
	from, to int
}

// startsResponse reports whether ev sends the response's status and
// starts its body: a body, or a status that is not an error's, written by
// a primitive of a table whose writes start the response.
func startsResponse(ev *event) bool {
	if ev.fw == nil || !ev.fw.starts {
		return false
	}
	switch ev.kind {
	case evBody, evPlain, evWrite:
		return ev.write
	case evStatus:
		n, ok := ev.status.int()
		return ev.write && !ev.deferred && ok && n < 400
	}
	return false
}

// dropAfterStart drops the findings and the events of the calls that come
// after the response has started on every path from the function's entry.
func (fc *funcCtx) dropAfterStart(body *ast.BlockStmt) {
	if len(fc.reported) == 0 {
		return
	}
	// Only a write placed before a call can precede it on every path (a
	// loop's first iteration does not pass the writes after it).
	last := fc.reported[len(fc.reported)-1].call.Pos()
	if !slices.ContainsFunc(fc.events, func(ev *event) bool { return startsResponse(ev) && ev.end <= last }) {
		return
	}
	g, evs := fc.graph(body)
	started := fc.startedOnEntry(g, evs)
	var late []*ast.CallExpr
	for _, cd := range fc.reported {
		if fc.startedAt(g, evs, started, cd.call) {
			late = append(late, cd.call)
		}
	}
	if len(late) == 0 {
		return
	}
	if fc.p.diags != nil {
		drop := map[int]bool{}
		for _, cd := range fc.reported {
			if slices.Contains(late, cd.call) {
				for i := cd.from; i < cd.to; i++ {
					drop[i] = true
				}
			}
		}
		kept := (*fc.p.diags)[:0]
		for i, d := range *fc.p.diags {
			if !drop[i] {
				kept = append(kept, d)
			}
		}
		*fc.p.diags = kept
	}
	fc.events = slices.DeleteFunc(fc.events, func(ev *event) bool {
		call, ok := ev.node.(*ast.CallExpr)
		return ok && slices.Contains(late, call)
	})
	fc.evs = fc.blockEvents(g)
}

// startedOnEntry computes, for each live block, whether the response has
// started on every path from the function's entry to the block.
func (fc *funcCtx) startedOnEntry(g *cfg.CFG, evs map[*cfg.Block][]*event) map[*cfg.Block]bool {
	preds := map[*cfg.Block][]*cfg.Block{}
	in := map[*cfg.Block]bool{}
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		in[b] = b != g.Blocks[0] // optimistic, for an intersection over paths
		for _, s := range b.Succs {
			preds[s] = append(preds[s], b)
		}
	}
	out := func(b *cfg.Block) bool { return in[b] || blockHas(evs[b], startsResponse) }
	for changed := true; changed; {
		changed = false
		for _, b := range g.Blocks {
			if !b.Live || b == g.Blocks[0] {
				continue
			}
			v := len(preds[b]) > 0
			for _, pb := range preds[b] {
				v = v && out(pb)
			}
			if v != in[b] {
				in[b], changed = v, true
			}
		}
	}
	return in
}

// startedAt reports whether the response has started on every path to
// call: on entry to its block, or by a write earlier in the block.
func (fc *funcCtx) startedAt(g *cfg.CFG, evs map[*cfg.Block][]*event, started map[*cfg.Block]bool, call *ast.CallExpr) bool {
	for _, b := range g.Blocks {
		if !b.Live || !slices.ContainsFunc(b.Nodes, func(n ast.Node) bool { return n.Pos() <= call.Pos() && call.End() <= n.End() }) {
			continue
		}
		return started[b] || slices.ContainsFunc(evs[b], func(ev *event) bool { return startsResponse(ev) && ev.end <= call.Pos() })
	}
	return false
}

// noteCall records a call whose classification reported findings (from
// the diagnostic at index diagFrom) or recorded a status (from the event
// at index evFrom): they are dropped if the response has started before it.
func (fc *funcCtx) noteCall(call *ast.CallExpr, diagFrom, evFrom int) {
	to := fc.p.diagCount()
	if to == diagFrom && !slices.ContainsFunc(fc.events[evFrom:], func(ev *event) bool { return ev.kind == evStatus }) {
		return
	}
	// Only on a response of a table whose writes start it.
	if h := fc.p.handleOf(call); h != nil {
		if fw := fc.p.handleFramework(fc.p.TypesInfo.TypeOf(h)); fw != nil && fw.starts {
			fc.reported = append(fc.reported, callDiags{call, diagFrom, to})
		}
	}
}

// diagCount is the number of diagnostics of the unit so far.
func (p *pass) diagCount() int {
	if p.diags == nil {
		return 0
	}
	return len(*p.diags)
}
