package analyzer

// undocumented-status: a status that the handler of an OpenAPI operation
// writes as a constant (directly, through a helper, or as an error value
// it returns to the framework's renderer) and that the operation does not
// document. One entry point, checkRoutes, after the functions are
// analyzed: the statuses of every function body were recorded then
// (recordSites), the routes are followed here (routes.go).
//
// Where a finding goes:
//   - the route and its handler are in the package (prefixes included):
//     at the write, the helper call, or the return of the error value;
//   - the handler, or a part of the route, comes from another package
//     (RoutesFact, StatusesFact): at the call in this package that
//     composes the route, naming the write's file and line.
//
// A route that matches no operation is reported itself, once, where its
// full path became known (checkUndescribed), not its handler's statuses.
// Run-time statuses are silent, and so is a handler that writes nothing
// (an implicit 200).

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/catalog"
)

// statusSite is a constant status that a function body can answer, and
// where: a write, a helper call, or a return of an error value.
type statusSite struct {
	status int
	node   ast.Node
	codes  []string // the codes sent with it, only for Config.Routes
}

// statusCode is a constant status sent with a constant code.
type statusCode struct {
	status int
	code   string
}

// opShape is an operation with its path as segments ("{}" a parameter),
// and with its base path before it (nil without a base path): a route
// matches either.
type opShape struct {
	op   catalog.Operation
	segs []string
	full []string
}

// newRoutesState prepares the rule for a package, or returns nil when it
// has nothing to do: no operations, the rule disabled, the standard
// library, or a package that imports neither net/http nor a framework
// (it can hold no handler and register no route).
func newRoutesState(ap *analysis.Pass, s *settings) *routesState {
	if !s.routes && (s.disabled[RuleUndocumentedStatus] || len(s.ops) == 0) {
		return nil
	}
	if len(ap.Files) == 0 || strings.HasPrefix(ap.Fset.File(ap.Files[0].Pos()).Name(), gorootSrc) {
		return nil
	}
	may := false
	for _, imp := range ap.Pkg.Imports() {
		if imp.Path() == "net/http" || frameworkPackage(imp.Path()) || routePkgs[imp.Path()] {
			may = true
			break
		}
	}
	if !may {
		return nil
	}
	return &routesState{
		decls:   map[*types.Func]*ast.FuncDecl{},
		sums:    map[*types.Func][]*route{},
		busy:    map[*types.Func]bool{},
		routers: map[routerKey]bool{},
		sites:   map[*ast.BlockStmt][]statusSite{},
		ops:     s.ops,
	}
}

// opShapes returns a catalog's operations with their paths split.
func opShapes(cat *catalog.Catalog) []opShape {
	var out []opShape
	for _, op := range cat.Operations() {
		o := opShape{op: op, segs: pathSegments(op.Path)}
		if op.BasePath != "" {
			o.full = pathSegments(op.BasePath + "/" + op.Path)
		}
		out = append(out, o)
	}
	return out
}

// recordSites records the constant statuses of the body just analyzed.
func (fc *funcCtx) recordSites() {
	p := fc.p
	if fc.block == nil {
		return
	}
	var out []statusSite
	seen := map[ast.Node]bool{}
	add := func(n ast.Node, v value) {
		if st, ok := v.int(); ok && v.param < 0 && st >= 100 && !seen[n] {
			seen[n] = true
			out = append(out, statusSite{status: st, node: n})
		}
	}
	for _, ev := range fc.events {
		if ev.kind == evStatus && !ev.atReturn {
			add(ev.node, ev.status)
		}
	}
	ast.Inspect(fc.block, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit, *ast.DeferStmt, *ast.GoStmt:
			return false
		case *ast.CallExpr:
			fn, ok := calleeFunc(p.TypesInfo, n)
			if !ok {
				break
			}
			if _, _, prim := p.primitiveOf(n, fn); prim {
				break
			}
			if f := p.helperFact(fn); f != nil && f.Writes && fc.passesResponse(n) {
				add(n, fc.helperStatus(n, fn, f))
			}
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if implementsError(p.TypesInfo.TypeOf(res)) {
					add(n, fc.errorStatus(res))
				}
			}
		}
		return true
	})
	// The codes of the statuses, where the analysis paired them (the
	// status-mismatch check saw both): for `apierrlint routes`.
	for _, pc := range p.pairs {
		if i := slices.IndexFunc(out, func(s statusSite) bool { return s.status == pc.status }); i >= 0 && !slices.Contains(out[i].codes, pc.code) {
			out[i].codes = append(out[i].codes, pc.code)
		}
	}
	p.rs.sites[fc.block] = out
}

// helperStatus is the status a call of a helper sends: its status
// argument, or the status the helper always uses.
func (fc *funcCtx) helperStatus(call *ast.CallExpr, fn *types.Func, f *HelperFact) value {
	if f.Status >= 0 && f.Status < len(call.Args) && !(fn.Signature().Variadic() && f.Status >= fn.Signature().Params().Len()-1) {
		return fc.sc.eval(call.Args[f.Status])
	}
	if f.FixedStatus != 0 {
		return intConst(f.FixedStatus)
	}
	return unknown
}

// errorStatus is the status of an error value that a handler returns to
// its framework's renderer: a framework's constructor (echo.NewHTTPError,
// fiber.NewError) or predeclared value (echo.ErrNotFound), or an error
// constructor of the project's (a HelperFact that builds a value).
func (fc *funcCtx) errorStatus(e ast.Expr) value {
	p := fc.p
	switch e := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		fn, ok := calleeFunc(p.TypesInfo, e)
		if !ok {
			return unknown
		}
		if pr, _, ok := p.primitiveOf(e, fn); ok {
			if pr.errValue.name != "" && pr.status >= 0 && pr.status < len(e.Args) {
				return fc.sc.eval(e.Args[pr.status])
			}
			return unknown
		}
		if f := p.helperFact(fn); f != nil && !f.Writes {
			return fc.helperStatus(e, fn, f)
		}
	case *ast.UnaryExpr, *ast.CompositeLit, *ast.Ident:
		return fc.renderedStatus(e)
	case *ast.SelectorExpr:
		obj, ok := p.TypesInfo.Uses[e.Sel].(*types.Var)
		if !ok || obj.Pkg() == nil || !primitivePkgs[obj.Pkg().Path()] {
			return unknown
		}
		for _, fw := range frameworks {
			if ev, ok := fw.errVars[obj.Pkg().Path()+"."+obj.Name()]; ok {
				return intConst(ev.status)
			}
		}
	}
	return unknown
}

// renderedStatus is the status of a literal of an error type whose
// renderer is known (&APIError{Status: 409, ...}): its status field.
func (fc *funcCtx) renderedStatus(e ast.Expr) value {
	p := fc.p
	lit, ok := fc.sc.resolve(e).(*ast.CompositeLit)
	if !ok {
		return unknown
	}
	t := p.TypesInfo.TypeOf(lit)
	st, isStruct := t.Underlying().(*types.Struct)
	v := p.viewOf(errorTypeName(t))
	if !isStruct || v == nil || v.by == "" {
		return unknown
	}
	status, _ := p.valueFields(t, v)
	if f, ok := litFields(lit, st)[status]; ok {
		return fc.sc.eval(f)
	}
	return unknown
}

// handlerStatuses returns what a handler expression can answer: the
// statuses of a function of the package, a function literal, or the
// literals a factory of the package returns (local), or a function's
// StatusesFact (remote). ok is false for a handler it cannot see (a
// middleware's wrapper, a value known at run time).
func (p *pass) handlerStatuses(h ast.Expr, sc *scope) (local []statusSite, remote []StatusAt, ok bool) {
	h = p.handlerExpr(h, sc)
	switch e := h.(type) {
	case *ast.FuncLit:
		return p.rs.sites[e.Body], nil, true
	case *ast.CallExpr:
		fn, isFn := calleeFunc(p.TypesInfo, e)
		if !isFn {
			return nil, nil, false
		}
		if fn.Pkg() == p.Pkg {
			lits := p.returnedLits(fn)
			for _, lit := range lits {
				local = append(local, p.rs.sites[lit.Body]...)
			}
			return local, nil, len(lits) > 0
		}
		remote, ok := p.importStatuses(fn)
		return nil, remote, ok
	}
	fn := funcOf(p.TypesInfo, h)
	if fn == nil {
		return nil, nil, false
	}
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		decl := p.rs.decls[fn]
		if decl == nil {
			return nil, nil, false
		}
		return p.rs.sites[decl.Body], nil, true
	}
	remote, ok = p.importStatuses(fn)
	return nil, remote, ok
}

// handlerExpr returns the expression a handler comes from: through
// conversions (http.HandlerFunc(f)) and locals assigned once.
func (p *pass) handlerExpr(h ast.Expr, sc *scope) ast.Expr {
	for range 4 {
		h = ast.Unparen(h)
		call, isCall := h.(*ast.CallExpr)
		if isCall && len(call.Args) == 1 {
			if tv, ok := p.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
				h = call.Args[0] // http.HandlerFunc(f)
				continue
			}
		}
		if id, isID := h.(*ast.Ident); isID && sc != nil {
			if v := sc.varOf(id); v != nil && sc.defs[v] != nil {
				h = sc.defs[v]
				continue
			}
		}
		break
	}
	return h
}

func (p *pass) importStatuses(fn *types.Func) ([]StatusAt, bool) {
	if fn.Pkg() == nil || !p.mayRoute(fn.Pkg()) && !p.mayAnswer(fn.Pkg()) {
		return nil, false
	}
	var f StatusesFact
	if !p.ImportObjectFact(fn.Origin(), &f) {
		return nil, false
	}
	return f.Statuses, true
}

// mayAnswer reports whether a package may write responses: it imports
// net/http or a framework.
func (p *pass) mayAnswer(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if imp.Path() == "net/http" || frameworkPackage(imp.Path()) {
			return true
		}
	}
	return false
}

// returnedLits returns the function literals a function of the package
// returns (a handler factory), through conversions and locals.
func (p *pass) returnedLits(fn *types.Func) []*ast.FuncLit {
	decl := p.rs.decls[fn]
	if decl == nil || fn.Signature().Results().Len() != 1 || !handlerType(fn.Signature().Results().At(0).Type()) || takesHandler(fn) {
		return nil
	}
	sc := newScope(p.TypesInfo, decl.Type, decl.Body)
	var lits []*ast.FuncLit
	ast.Inspect(decl.Body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) == 1 {
				e := sc.resolve(n.Results[0])
				if call, ok := e.(*ast.CallExpr); ok && len(call.Args) == 1 {
					if tv, ok := p.TypesInfo.Types[call.Fun]; ok && tv.IsType() {
						e = sc.resolve(call.Args[0])
					}
				}
				if lit, ok := e.(*ast.FuncLit); ok {
					lits = append(lits, lit)
				}
			}
		}
		return true
	})
	return lits
}

// handlerType reports whether t may hold a handler: a function, or an
// interface with ServeHTTP.
func handlerType(t types.Type) bool {
	if _, ok := t.Underlying().(*types.Signature); ok {
		return true
	}
	m, _, _ := types.LookupFieldOrMethod(t, false, nil, "ServeHTTP")
	return m != nil
}

// takesHandler reports whether a function takes a function or an
// http.Handler: a middleware (auth(next)), whose statuses belong to every
// route it wraps, not a handler factory.
func takesHandler(fn *types.Func) bool {
	for v := range fn.Signature().Params().Variables() {
		if t := v.Type(); types.IsInterface(t) || isSignature(t) {
			if handlerType(t) {
				return true
			}
		}
	}
	return false
}

func isSignature(t types.Type) bool {
	_, ok := t.Underlying().(*types.Signature)
	return ok
}

// checkRoutes follows the package's routes, reports the statuses their
// handlers answer that their operations do not document, and exports the
// facts of its handlers and routing functions. nil when the rule has
// nothing to do.
func (p *pass) checkRoutes(pkg *pkgUnits) *unit {
	rs := p.rs
	if rs == nil {
		return nil
	}
	for _, d := range pkg.decls {
		if fn := p.funcObj(d); fn != nil {
			rs.decls[fn] = d
		}
	}
	rs.files = pkg.files
	u := &unit{}
	diags, owner := p.diags, p.owner
	p.diags, p.owner = &u.diags, nil
	for _, d := range pkg.decls {
		if fn := p.funcObj(d); fn != nil {
			p.summary(fn)
		}
	}
	checked := map[*token.File]bool{}
	for _, f := range pkg.checked {
		checked[p.Fset.File(f.Pos())] = true
	}
	if len(rs.ops) > 0 { // else only collecting (Config.Routes): nothing to check
		for _, r := range rs.done {
			p.checkRoute(r, checked)
		}
	}
	p.diags, p.owner = diags, owner
	p.exportRouteFacts(pkg.decls)
	return u
}

// packageVar returns the value of a package-level variable assigned once,
// at its declaration (a prefix, a router), or nil.
func (p *pass) packageVar(v *types.Var) ast.Expr {
	if p.rs.pkgVars == nil {
		p.rs.pkgVars = map[*types.Var]ast.Expr{}
		p.packageVars(p.rs.files)
	}
	return p.rs.pkgVars[v]
}

// packageVars records the package-level variables assigned once, at
// their declaration.
func (p *pass) packageVars(files []*ast.File) {
	assigned := map[*types.Var]bool{}
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
				for _, spec := range g.Specs {
					vs := spec.(*ast.ValueSpec)
					if len(vs.Names) != len(vs.Values) {
						continue
					}
					for i, name := range vs.Names {
						if v, ok := p.TypesInfo.Defs[name].(*types.Var); ok {
							p.rs.pkgVars[v] = vs.Values[i]
						}
					}
				}
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.AssignStmt:
				for _, lhs := range n.Lhs {
					if id, ok := ast.Unparen(lhs).(*ast.Ident); ok {
						if v, ok := p.TypesInfo.Uses[id].(*types.Var); ok {
							assigned[v] = true
						}
					}
				}
			case *ast.UnaryExpr:
				if id, ok := ast.Unparen(n.X).(*ast.Ident); ok && n.Op == token.AND {
					if v, ok := p.TypesInfo.Uses[id].(*types.Var); ok {
						assigned[v] = true
					}
				}
			}
			return true
		})
	}
	for v := range assigned {
		delete(p.rs.pkgVars, v)
	}
}

// checkRoute reports what a complete route's handler answers that its
// operations do not document.
func (p *pass) checkRoute(r *route, checked map[*token.File]bool) {
	ops := p.matchOps(r.method, r.path)
	if len(ops) == 0 {
		p.checkUndescribed(r, checked)
		return
	}
	documents := func(st int) bool {
		return slices.ContainsFunc(ops, func(o catalog.Operation) bool { return o.Documents(st) })
	}
	label, lists := opLabel(r.method, ops), documented(ops)
	for _, s := range r.local {
		if !documents(s.status) && checked[p.Fset.File(s.node.Pos())] {
			p.report(s.node, RuleUndocumentedStatus, "%s can answer %d here; the OpenAPI document lists %s", label, s.status, lists)
		}
	}
	var far []string
	for _, s := range r.remote {
		if !documents(s.Status) {
			far = append(far, fmt.Sprintf("%d (%s)", s.Status, s.At))
		}
	}
	if len(far) > 0 && r.at != nil && checked[p.Fset.File(r.at.Pos())] {
		// One call may compose several routes (r.Route("/vets",
		// vets.Routes)): one finding for each.
		msg := fmt.Sprintf("%s can answer %s; the OpenAPI document lists %s", label, strings.Join(far, ", "), lists)
		p.reportOnce(fmt.Sprint(r.at.Pos(), msg), r.at, RuleUndocumentedStatus, "%s", msg)
	}
}

// checkUndescribed reports a route that no operation describes, where its
// full path became known: the registration, or the call that completed
// the path. Its handler's statuses are not reported one by one. A route of
// every method (gin's Any, a ServeMux pattern without a method) is left
// alone: its method is not known.
func (p *pass) checkUndescribed(r *route, checked map[*token.File]bool) {
	at := r.at
	if r.via != nil {
		at = r.via
	}
	if r.method == "" || r.open || at == nil || !checked[p.Fset.File(at.Pos())] {
		return
	}
	msg := fmt.Sprintf("%s %s is not in the OpenAPI document; document its operation, or remove the route", r.method, r.path)
	p.reportOnce(fmt.Sprint(at.Pos(), msg), at, RuleUndocumentedStatus, "%s", msg)
}

// matchOps returns the operations of a route: same path shape, with or
// without the operation's base path, and same method (any, for a route of
// every method).
func (p *pass) matchOps(method, path string) []catalog.Operation {
	segs := pathSegments(path)
	var out []catalog.Operation
	for _, o := range p.rs.ops {
		if (method == "" || strings.EqualFold(o.op.Method, method)) && (slices.Equal(o.segs, segs) || o.full != nil && slices.Equal(o.full, segs)) {
			out = append(out, o.op)
		}
	}
	return out
}

// opLabel names the operations in messages: "GET /pets/{id}" (the
// document's path), "GET, POST /pets" for a route of every method.
func opLabel(method string, ops []catalog.Operation) string {
	if method != "" {
		return strings.ToUpper(method) + " " + ops[0].Path
	}
	var ms []string
	for _, o := range ops {
		if !slices.Contains(ms, o.Method) {
			ms = append(ms, o.Method)
		}
	}
	return strings.Join(ms, ", ") + " " + ops[0].Path
}

// documented lists the documented statuses and ranges: "200, 404, 5XX".
func documented(ops []catalog.Operation) string {
	var sts []int
	var ranges []int
	for _, o := range ops {
		for _, s := range o.Statuses {
			if !slices.Contains(sts, s) {
				sts = append(sts, s)
			}
		}
		for _, r := range o.Ranges {
			if !slices.Contains(ranges, r) {
				ranges = append(ranges, r)
			}
		}
	}
	slices.Sort(sts)
	slices.Sort(ranges)
	var parts []string
	for _, s := range sts {
		parts = append(parts, strconv.Itoa(s))
	}
	for _, r := range ranges {
		parts = append(parts, strconv.Itoa(r)+"XX")
	}
	if len(parts) == 0 {
		return "no status"
	}
	return strings.Join(parts, ", ")
}

// paramSeg matches a path parameter in any syntax: {id}, {id:[0-9]+},
// {path...}, <id>, :id, *path.
var paramSeg = regexp.MustCompile(`\{[^}]*\}|<[^>]*>|^[:*].*$`)

// pathSegments splits a path into its segments, each parameter "{}":
// paths match by shape, whatever the parameters' names and syntax.
func pathSegments(path string) []string {
	var out []string
	for _, s := range strings.Split(path, "/") {
		if s == "" {
			continue
		}
		out = append(out, paramSeg.ReplaceAllString(s, "{}"))
	}
	return out
}

// exportRouteFacts exports the StatusesFact of the package's exported
// handlers and factories, and the RoutesFact of its functions with
// relative routes.
func (p *pass) exportRouteFacts(decls []*ast.FuncDecl) {
	for _, d := range decls {
		fn := p.funcObj(d)
		if fn == nil {
			continue
		}
		if !fn.Exported() {
			continue // other packages cannot name it
		}
		if rel := p.rs.sums[fn]; len(rel) > 0 {
			f := &RoutesFact{}
			for _, r := range rel {
				// Every route, even one whose handler answers no
				// constant status: the composing package reports the
				// routes the document does not describe.
				sts := append(p.statusesAt(r.local), r.remote...)
				f.Routes = append(f.Routes, FactRoute{Param: r.param, Method: r.method, Path: r.path, Statuses: sts, Blind: r.blind, Handler: r.handler})
			}
			if len(f.Routes) > 0 {
				p.ExportObjectFact(fn, f)
			}
		}
		var sites []statusSite
		if p.takesHandle(fn) {
			sites = p.rs.sites[d.Body]
		} else {
			for _, lit := range p.returnedLits(fn) {
				sites = append(sites, p.rs.sites[lit.Body]...)
			}
		}
		if sts := p.statusesAt(sites); len(sts) > 0 {
			p.ExportObjectFact(fn, &StatusesFact{Statuses: sts})
		}
	}
}

// mergeCodes adds the codes that list lacks, never writing into list's
// array: it may be a fact's, which other passes read concurrently.
func mergeCodes(list, codes []string) []string {
	list = slices.Clip(list)
	for _, c := range codes {
		if !slices.Contains(list, c) {
			list = append(list, c)
		}
	}
	return list
}

// takesHandle reports whether a function takes a response.
func (p *pass) takesHandle(fn *types.Func) bool {
	params := fn.Signature().Params()
	for v := range params.Variables() {
		if p.isHandle(v.Type()) {
			return true
		}
	}
	return false
}

// statusesAt turns sites into a fact's statuses: the first place of each
// status, as "dir/file.go:line".
func (p *pass) statusesAt(sites []statusSite) []StatusAt {
	var out []StatusAt
	for _, s := range sites {
		if i := slices.IndexFunc(out, func(a StatusAt) bool { return a.Status == s.status }); i >= 0 {
			out[i].Codes = mergeCodes(out[i].Codes, s.codes)
			continue
		}
		pos := p.Fset.Position(s.node.Pos())
		at := filepath.Base(filepath.Dir(pos.Filename)) + "/" + filepath.Base(pos.Filename) + ":" + strconv.Itoa(pos.Line)
		out = append(out, StatusAt{Status: s.status, At: at, Codes: mergeCodes(nil, s.codes)})
	}
	return out
}
