package analyzer

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/cfg"
	"golang.org/x/tools/go/types/typeutil"
)

type evKind int

const (
	evStatus     evKind = iota // a status is written now, or set for the next write (see direct, deferred)
	evBody                     // a JSON body carrying an error code is written
	evPlain                    // a body that is not JSON (plain text) is written
	evWrite                    // the response is written, and nothing more is known of it
	evRetryAfter               // Retry-After is (or may be) set on the response headers
	evHandoff                  // the response is handed to code that may write it (bodyless.go)
)

// event is one thing a function does to a response, in evaluation order.
type event struct {
	kind       evKind
	end        token.Pos // orders events (calls complete in End order)
	node       ast.Node  // where findings about it are reported
	statusExpr ast.Expr  // evStatus: the status argument (what a fix replaces), if any
	status     value     // evStatus
	code       value     // evStatus (helper), evBody
	codeNode   ast.Node  // evBody: the code expression
	errBody    bool      // evBody: the body is an error body by its own type
	// member, memberNode: evBody: the body's status member (a problem's
	// "status"), when the shape has one; it must be the status sent.
	member     value
	memberNode ast.Node
	direct     bool     // evStatus: the bodies that follow on the path are sent with this status
	deferred   bool     // evStatus: set for the next write (gin, fiber, render Status), not written now
	checkRA    bool     // evStatus: Retry-After is required by the time it is written
	write      bool     // the response is written here (headers are sent)
	what       string   // evPlain: the writer, when it is a framework's ("(*gin.Context).File"); evRetryAfter: the helper
	ra         raKind   // evRetryAfter: sets, may set, sets on some paths (see headers.go)
	bodyExpr   ast.Expr // evBody, evWrite: the JSON body written (its shape is checked with an error status)
	value      ast.Expr // evRetryAfter: the header's value, when known
	// atReturn: an error value built for the renderer (checkRA): pending
	// like a setter, checked where the path leaves the function (a write
	// of the handler's own makes it moot); raMsg is its message.
	atReturn bool
	raMsg    string
	text     ast.Expr // evWrite: a parameter written as the body's text (see text.go)
	alone    bool     // evStatus: sent by itself when nothing follows (bodyless.go)

	// fw is the table of the primitive that recorded the event, if any.
	fw *framework
}

// funcCtx is the analysis of one function body.
type funcCtx struct {
	p      *pass
	fn     *types.Func // nil for function literals and package-level code
	sc     *scope
	events []*event
	fact   *HelperFact
	lits   []*ast.FuncLit

	// candidates for the fixed half of a pair whose other half is a parameter
	fixedStatus map[int]bool
	fixedCode   map[string]bool
	stack       []ast.Node // ancestors of the node being walked

	rend *renderState // the body is a renderer's (rendered.go)

	g   *cfg.CFG // built on demand (see graph)
	evs map[*cfg.Block][]*event

	ftype       *ast.FuncType       // nil for package-level code
	block       *ast.BlockStmt      // the body; nil for package-level code
	deferWrites bool                // a deferred call may write the response (bodyless.go)
	reported    []callDiags         // calls that reported or wrote a status (started.go)
	lookups     []*ast.CompositeLit // package-level status tables indexed (statustables.go)
}

// maySetRetryAfter records a header write the analysis cannot see into
// (raMay, or raLocal through code it cannot see). Inside a loop (copying
// another header) it counts from before the loop, since the loop may run
// for every path.
func (fc *funcCtx) maySetRetryAfter(n ast.Node, k raKind) {
	end := n.End()
	for _, anc := range fc.stack {
		if r, ok := anc.(*ast.RangeStmt); ok {
			end = r.X.End()
			break
		}
	}
	fc.setsRetryAfter(n, end, k, "")
}

func (p *pass) newFuncCtx(fn *types.Func, ftype *ast.FuncType, body *ast.BlockStmt) *funcCtx {
	fc := &funcCtx{
		p:           p,
		fn:          fn,
		ftype:       ftype,
		block:       body,
		fact:        newHelperFact(),
		fixedStatus: map[int]bool{},
		fixedCode:   map[string]bool{},
	}
	if ftype != nil {
		fc.sc = newScope(p.TypesInfo, ftype, body)
		if r := p.renderers[body]; r != nil {
			fc.rend = p.newRenderState(r)
		}
	} else {
		fc.sc = &scope{info: p.TypesInfo, params: map[*types.Var]int{}, defs: map[*types.Var]ast.Expr{}}
	}
	return fc
}

// analyzeFunc analyzes one function body; it returns the inferred helper fact
// and, in the reporting round, reports what it finds (function literals in
// the body are analyzed on their own).
func (p *pass) analyzeFunc(fn *types.Func, ftype *ast.FuncType, body *ast.BlockStmt) *HelperFact {
	fc := p.newFuncCtx(fn, ftype, body)
	p.pairs = p.pairs[:0] // this body's (recordSites)
	fc.markDetailsAhead(body)
	fc.walk(body)
	fc.lookupFallback(body)
	fc.dropAfterStart(body)
	fc.paths(body)
	fc.fact.RetryAfter = fc.retrySet(body)
	if fc.rend != nil {
		fc.renderer()
	}
	fc.finishFact()
	if p.rs != nil && fc.handleParam() != nil {
		fc.recordSites() // a handler takes the response
	}
	owner := p.owner
	for _, lit := range fc.lits {
		p.owner = lit
		p.analyzeFunc(nil, lit.Type, lit.Body)
	}
	p.owner = owner
	return fc.fact
}

func (fc *funcCtx) add(ev *event) {
	fc.events = append(fc.events, ev)
	if ev.kind != evRetryAfter && ev.kind != evHandoff && !ev.deferred {
		fc.fact.Writes = true
	}
}

// walk visits the body in source order, skipping function literals (recorded
// for their own analysis), deferred calls and goroutines.
func (fc *funcCtx) walk(root ast.Node) {
	ast.PreorderStack(root, nil, func(n ast.Node, stack []ast.Node) bool {
		fc.stack = stack
		switch n := n.(type) {
		case *ast.FuncLit:
			fc.lits = append(fc.lits, n)
			return false
		case *ast.DeferStmt, *ast.GoStmt:
			// Deferred calls and goroutines are not on the path; function
			// literals in them (defer func() { recover() ... }()) are
			// analyzed on their own.
			if d, ok := n.(*ast.DeferStmt); ok {
				fc.deferHandoff(d)
			}
			ast.Inspect(n, func(m ast.Node) bool {
				if lit, ok := m.(*ast.FuncLit); ok {
					fc.lits = append(fc.lits, lit)
					return false
				}
				return true
			})
			return false
		case *ast.CallExpr:
			diags, events := fc.p.diagCount(), len(fc.events)
			fc.call(n)
			fc.noteCall(n, diags, events)
			fc.handoff(n)
		case *ast.ReturnStmt:
			fc.returnHandoff(n)
		case *ast.SwitchStmt:
			fc.statusSwitch(n)
		case *ast.IndexExpr:
			fc.noteLookup(n)
		case *ast.CompositeLit:
			fc.compositeLit(n)
		case *ast.KeyValueExpr:
			fc.callback(n.Value)
		case *ast.AssignStmt:
			fc.assign(n)
			for i, lhs := range n.Lhs {
				if _, isField := ast.Unparen(lhs).(*ast.SelectorExpr); isField && i < len(n.Rhs) {
					fc.callback(n.Rhs[i])
				}
			}
		case *ast.SelectorExpr:
			if !isCalled(n, stack) {
				fc.funcValue(n, n.Sel)
				fc.errVarRef(n)
			}
			return n.Sel.Name != "NotFound" // do not visit the Sel again
		case *ast.Ident:
			if !isCalled(n, stack) {
				fc.funcValue(n, n)
			}
		}
		return true
	})
}

// funcValue reports net/http.NotFound used as a value (a raw handler).
func (fc *funcCtx) funcValue(e ast.Expr, id *ast.Ident) {
	if id.Name != "NotFound" {
		return
	}
	if fn, ok := fc.p.TypesInfo.Uses[id].(*types.Func); ok && isPkgFunc(fn, "net/http", "NotFound") {
		fc.p.report(e, RuleRawHTTPError, "http.NotFound used as a handler sends a plain-text 404; use a handler that sends a JSON error body %s", fc.p.jsonBody(intConst(404)))
	}
}

// callback records a function stored as a value in a struct field.
func (fc *funcCtx) callback(e ast.Expr) {
	switch e := ast.Unparen(e).(type) {
	case *ast.FuncLit:
		fc.p.callbacks[e] = true
	case *ast.Ident:
		if fn, ok := fc.p.TypesInfo.Uses[e].(*types.Func); ok {
			fc.p.callbacks[fn] = true
		}
	case *ast.SelectorExpr:
		if fn, ok := fc.p.TypesInfo.Uses[e.Sel].(*types.Func); ok {
			fc.p.callbacks[fn] = true
		}
	}
}

// isCalled reports whether e is the function of the call that encloses it.
func isCalled(e ast.Expr, stack []ast.Node) bool {
	for i := len(stack) - 1; i >= 0; i-- {
		switch parent := stack[i].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.CallExpr:
			return ast.Unparen(parent.Fun) == e
		}
		return false
	}
	return false
}

func isPkgFunc(fn *types.Func, path string, names ...string) bool {
	return fn.Pkg() != nil && fn.Pkg().Path() == path && fn.Signature().Recv() == nil && slices.Contains(names, fn.Name())
}

// paths runs the control-flow checks: Retry-After before a status that needs
// it, and what follows a WriteHeader on each path.
func (fc *funcCtx) paths(body *ast.BlockStmt) {
	need := false
	for _, ev := range fc.events {
		if ev.checkRA || ev.direct || ev.deferred || ev.alone {
			need = true
		}
	}
	if !need {
		return
	}
	g, evs := fc.graph(body)
	fc.codesNeedRetryAfter(g, evs)
	fc.retryAfterPaths(g, evs)
	fc.statusPaths(g, evs)
	fc.textHelpers(g, evs)
	fc.bodylessPaths(g, evs)
}

// blockEvents distributes the events over the blocks of g, each block's in
// evaluation order (events of one call in the order they were added: a
// writer's status before its body).
func (fc *funcCtx) blockEvents(g *cfg.CFG) map[*cfg.Block][]*event {
	slices.SortStableFunc(fc.events, func(a, b *event) int { return int(a.end - b.end) })
	out := map[*cfg.Block][]*event{}
	for _, b := range g.Blocks {
		if !b.Live {
			continue
		}
		for _, n := range b.Nodes {
			lo, hi := n.Pos(), n.End()
			i, _ := slices.BinarySearchFunc(fc.events, lo, func(e *event, p token.Pos) int { return int(e.end - p) })
			for ; i < len(fc.events) && fc.events[i].end <= hi; i++ {
				out[b] = append(out[b], fc.events[i])
			}
		}
	}
	return out
}

// retryAfterPaths reports each status that needs Retry-After and is written
// on a path from the function's entry that did not set it before. A status
// written now (WriteHeader, a writer's own status argument) is checked where
// it is; a status set for the next write (c.Status(429)) is checked at the
// write that follows it on the path, so a Retry-After set in between is in
// time. The search runs over (block, pending setter) states.
func (fc *funcCtx) retryAfterPaths(g *cfg.CFG, evs map[*cfg.Block][]*event) {
	type state struct {
		b       *cfg.Block
		pending *event // a setter whose status needs Retry-After, not yet written
	}
	entry := state{g.Blocks[0], nil}
	seen := map[state]bool{entry: true}
	work := []state{entry}
	var bad []*event
	for len(work) > 0 {
		st := work[len(work)-1]
		work = work[:len(work)-1]
		pending := st.pending
		covered := false
		for _, ev := range evs[st.b] {
			if coversRetryAfter(ev) {
				covered = true
				break
			}
			switch {
			case ev.kind == evStatus && ev.deferred:
				pending = nil
				if ev.checkRA {
					pending = ev
				}
				continue
			case ev.kind == evStatus && ev.write:
				if ev.checkRA && !slices.Contains(bad, ev) {
					bad = append(bad, ev)
				}
				pending = nil // written with its own status
				continue
			}
			if ev.write {
				if pending != nil && !pending.atReturn && !slices.Contains(bad, pending) {
					bad = append(bad, pending)
				}
				pending = nil
			}
		}
		if covered {
			continue
		}
		if len(st.b.Succs) == 0 && pending != nil && pending.atReturn && !slices.Contains(bad, pending) {
			bad = append(bad, pending) // returned to the renderer without Retry-After
		}
		for _, s := range st.b.Succs {
			next := state{s, pending}
			if !seen[next] {
				seen[next] = true
				work = append(work, next)
			}
		}
	}
	for _, ev := range bad {
		buffered := fc.buffered(ev)
		if buffered && !fc.pathToReturn(g, evs, ev, coversRetryAfter) {
			continue // set after the write, in time (fiber)
		}
		what, _ := fc.p.needsRetryAfter(ev.status, ev.code)
		late := ""
		if !ev.deferred && !buffered {
			fc.forward(g, evs, ev, func(next *event) bool {
				if next.kind == evRetryAfter {
					late = " (it is set only after the status is written, which is too late)"
					return false
				}
				return true
			})
		}
		if late == "" {
			late = fc.partialBefore(g, evs, ev)
		}
		// The fix sets the header unconditionally: only where no path sets it
		// before the write (a conditional value would be overwritten) or
		// after it (a late Set would be left behind).
		var fix *analysis.SuggestedFix
		if ev.atReturn {
			if !fc.setBefore(g, evs, ev) {
				if h := fc.handleParam(); h != nil {
					fix = fc.p.retryAfterFixAt(ev.node, h.Name(), fc.p.handleFramework(h.Type()))
				}
			}
			fc.p.reportFix(ev.node, RuleMissingRetryAfter, fix, "%s", ev.raMsg)
			continue
		}
		if call, ok := ev.node.(*ast.CallExpr); ok && late == "" && !fc.setBefore(g, evs, ev) {
			fix = fc.p.retryAfterFix(call)
		}
		fc.p.reportFix(ev.node, RuleMissingRetryAfter, fix, "%s is written without a Retry-After header on some path%s; set Retry-After on the response header before writing the status", what, late)
	}
}

// setBefore reports whether Retry-After is set on some path to ev.
func (fc *funcCtx) setBefore(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event) bool {
	found := false
	for _, ra := range fc.events {
		if ra.kind != evRetryAfter || found {
			continue
		}
		fc.forward(g, evs, ra, func(next *event) bool {
			found = found || next == ev
			return !found
		})
	}
	return found
}

// forward calls visit for the events that follow ev on the paths after it,
// each at most once, until visit returns false on a path.
func (fc *funcCtx) forward(g *cfg.CFG, evs map[*cfg.Block][]*event, ev *event, visit func(*event) bool) {
	start, at := (*cfg.Block)(nil), 0
	for _, b := range g.Blocks {
		if i := slices.Index(evs[b], ev); i >= 0 {
			start, at = b, i+1
			break
		}
	}
	if start == nil {
		return
	}
	seen := map[*cfg.Block]bool{}
	var follow func(b *cfg.Block, from int)
	follow = func(b *cfg.Block, from int) {
		for _, next := range evs[b][from:] {
			if !visit(next) {
				return
			}
		}
		for _, s := range b.Succs {
			if !seen[s] {
				seen[s] = true
				follow(s, 0)
			}
		}
	}
	follow(start, at)
}

// statusPaths follows each status written now or set for the next write
// along the paths after it, to the bodies it is sent with.
func (fc *funcCtx) statusPaths(g *cfg.CFG, evs map[*cfg.Block][]*event) {
	for _, ev := range fc.events {
		if !ev.direct {
			continue
		}
		fc.forward(g, evs, ev, func(next *event) bool {
			switch next.kind {
			case evStatus:
				return false
			case evBody:
				fc.statusBody(ev, next)
			case evPlain:
				if st, ok := ev.status.int(); ok && st >= 400 {
					if next.what != "" {
						fix, note := fc.plainFix(ev, next, st)
						fc.p.reportFix(next.node, RuleRawHTTPError, fix, "%s sends a non-JSON body after status %d; send a JSON error body %s%s", next.what, st, fc.p.jsonBody(ev.status), note)
					} else {
						fc.p.report(next.node, RuleRawHTTPError, "plain-text body written after status %d; send a JSON error body %s", st, fc.p.jsonBody(ev.status))
					}
				}
			}
			if next.bodyExpr != nil {
				fc.statusShape(ev, next)
			}
			// A framework setter applies to the first write only.
			return !(ev.deferred && next.write)
		})
	}
}

// statusBody pairs a written status with the code of an error body that
// follows it.
func (fc *funcCtx) statusBody(st, body *event) {
	s, c := st.status, body.code
	fc.statusMember(st, body)
	if !fc.flows(s, c) {
		return
	}
	n, ok := s.int()
	if !ok {
		return
	}
	if !body.errBody && n < 400 {
		return // served with 2xx, a body that is not an error by its type is not an error body
	}
	if !body.errBody {
		fc.p.checkCode(body.codeNode, c) // a body type used as an error by this path
	}
	var node ast.Node = st.node
	if st.statusExpr != nil {
		node = st.statusExpr
	}
	fc.p.checkPair(node, st.statusExpr, s, c)
}

// statusMember reports a body whose status member (a problem's "status")
// is a constant other than the constant error status it is sent with.
func (fc *funcCtx) statusMember(st, body *event) {
	if body.memberNode == nil {
		return
	}
	n, ok := st.status.int()
	m, known := body.member.int()
	if !ok || !known || m == n || n < 400 && !body.errBody {
		return
	}
	// At the write: the member's own position may carry the pair check
	// of its code (compositeLit), and one position reports one finding
	// per rule.
	fc.p.report(body.node, RuleStatusMismatch, "the body's %q member is %d, sent with status %d; they must be equal", fc.p.s.shape.Status, m, n)
}

// statusShape checks the shape of a JSON body sent with an error status;
// with a parameter status, a helper that writes a body of the wrong shape
// records it in its fact, for its call sites.
func (fc *funcCtx) statusShape(st, body *event) {
	if st.status.param >= 0 {
		if s := fc.shapeOf(body.bodyExpr); s != nil && len(fc.p.s.shape.problems(s)) > 0 && fc.fn != nil {
			fc.fact.BodyShape = true
			fc.p.shapeNodes[fc.fn] = shapeSite{body.bodyExpr, body.node}
		}
		return
	}
	if n, ok := st.status.int(); ok && n >= 400 {
		fc.checkShapeFix(body.bodyExpr, body.node, func() (*analysis.SuggestedFix, string) { return fc.shapeFix(st, body, n) })
	}
}

// flows records the parameters of a status and code pair in the helper
// fact: both parameters, or one parameter with the other half as a fixed
// candidate. It reports whether neither is a parameter, so that the pair is
// checked where it is.
func (fc *funcCtx) flows(status, code value) bool {
	switch {
	case status.param >= 0 && code.param >= 0:
		fc.fact.Status, fc.fact.Code = status.param, code.param
	case status.param >= 0:
		fc.fact.Status = status.param
		if c, ok := code.str(); ok {
			fc.fixedCode[c] = true
		}
	case code.param >= 0:
		fc.fact.Code = code.param
		if n, ok := status.int(); ok {
			fc.fixedStatus[n] = true
		}
	default:
		return true
	}
	return false
}

// finishFact settles the fixed halves of the fact.
func (fc *funcCtx) finishFact() {
	f := fc.fact
	if f.Code >= 0 && f.Status < 0 && len(fc.fixedStatus) == 1 {
		for s := range fc.fixedStatus {
			f.FixedStatus = s
		}
	}
	if f.Status >= 0 && f.Code < 0 && len(fc.fixedCode) == 1 {
		for c := range fc.fixedCode {
			f.FixedCode = c
		}
	}
	if !f.Writes && f.HeaderKey >= 0 {
		f.RetryAfter = RetryNone // a header setter: its call sites' keys decide
	}
	// Parameters of function literals cannot be passed by callers by name.
	if fc.fn == nil {
		*f = *newHelperFact()
	}
}

// mayReturn reports whether a call can return (panic, os.Exit and log.Fatal
// end a path).
func (p *pass) mayReturn(call *ast.CallExpr) bool {
	switch fun := ast.Unparen(call.Fun).(type) {
	case *ast.Ident:
		if b, ok := p.TypesInfo.Uses[fun].(*types.Builtin); ok && b.Name() == "panic" {
			return false
		}
	}
	fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if !ok || fn.Pkg() == nil {
		return true
	}
	switch fn.Pkg().Path() {
	case "os", "syscall":
		return fn.Name() != "Exit"
	case "runtime":
		return fn.Name() != "Goexit"
	case "log":
		switch fn.Name() {
		case "Fatal", "Fatalf", "Fatalln", "Panic", "Panicf", "Panicln":
			return false
		}
	case "testing":
		switch fn.Name() {
		case "Fatal", "Fatalf", "FailNow", "Skip", "Skipf", "SkipNow":
			return false
		}
	}
	return true
}
