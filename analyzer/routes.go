package analyzer

// Routes as data: the routes a package registers, followed through the
// rows of the framework tables (routerows.go). A router is a value: made
// by a framework's constructor (chi.NewRouter, gin.New, echo.New,
// fiber.New, http.NewServeMux, http.DefaultServeMux), a parameter of the
// function, a group of another router under a prefix, or the result of a
// function that returns one. A function's routes on a router it creates
// and keeps are complete: their paths are known. Routes on a parameter or
// on the router it returns are relative: the function's callers in the
// package add the prefix, and other packages get them from its RoutesFact.
// Paths and prefixes are constants, or variables assigned once (locals and
// package-level variables). Anything else (a path known at run time, a
// router in a struct field, a handler wrapped by a middleware) is left
// alone: its routes are not followed.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// resultParam is route.param for a route on the router that the function
// returns.
const resultParam = -2

// route is one registration: a method and a path, and what its handler
// can answer.
type route struct {
	param  int    // >= 0: relative to the function's parameter; resultParam: to its result; -1: complete
	method string // "GET"; "": any method
	path   string // in the framework's syntax, prefixes joined
	local  []statusSite
	remote []StatusAt // statuses known from facts: reported at the call at
	blind  bool       // a handler the analysis cannot see into: its statuses are unknown
	// handler names the handler, only when the routes are collected
	// (Config.Routes; see handlerName).
	handler string
	at      ast.Node // the call in this package that registered or composed the route
	// via is the call that completed the path (a Mount, a Route, a call of
	// a function that registers on a router argument), nil when the
	// registration itself has it: where a route that the document does
	// not describe is reported.
	via ast.Node
	// open: the router it is on may be served under a prefix that the
	// analysis does not see (routes_escape.go): its path is not certain.
	open bool
	root any // the router made in the function that the route is on (see resolve)
}

// routerRef is a router value: a router made in the package (root: the
// call or variable that made it) or a parameter, under a prefix.
type routerRef struct {
	root   any // *ast.CallExpr, *types.Var (package level), appRoot, or "net/http.DefaultServeMux"; nil for a parameter
	param  int
	prefix string
}

// rootInfo is what happens to a router made in a function: returned, or
// mounted under another router.
type rootInfo struct {
	result   bool
	parent   *routerRef // mounted under it (prefix included)
	mountAt  ast.Node   // the Mount call
	stripped bool       // handed to http.StripPrefix: its paths are not the request's
}

// routesState is the route analysis of one package.
type routesState struct {
	decls   map[*types.Func]*ast.FuncDecl
	sums    map[*types.Func][]*route // relative routes of the package's functions
	busy    map[*types.Func]bool
	pkgVars map[*types.Var]ast.Expr // package-level variables assigned once: their value (nil: not yet read)
	routers map[routerKey]bool      // types with routing methods (cached)
	files   []*ast.File
	done    []*route  // complete routes
	ops     []opShape // the catalog's operations
	sites   map[*ast.BlockStmt][]statusSite
}

// fnRoutes is the walk of one function declaration.
type fnRoutes struct {
	p      *pass
	decl   *ast.FuncDecl
	sc     *scope // built on first use (see scope)
	vars   map[*types.Var]routerRef
	roots  map[any]*rootInfo
	routes []*route
}

// summary returns the relative routes of a function of the package,
// computing them (and collecting its complete routes) on first use.
func (p *pass) summary(fn *types.Func) []*route {
	rs := p.rs
	if sum, ok := rs.sums[fn]; ok || rs.busy[fn] {
		return sum
	}
	decl := rs.decls[fn]
	if decl == nil {
		return nil
	}
	rs.busy[fn] = true
	f := &fnRoutes{p: p, decl: decl, vars: map[*types.Var]routerRef{}, roots: map[any]*rootInfo{}}
	i := 0
	for _, field := range decl.Type.Params.List {
		for _, name := range field.Names {
			if v, ok := p.TypesInfo.Defs[name].(*types.Var); ok && p.isRouter(v.Type()) {
				f.vars[v] = routerRef{param: i}
			}
			i++
		}
		if len(field.Names) == 0 {
			i++
		}
	}
	f.walk(decl.Body)
	var rel []*route
	for _, r := range f.resolve() {
		if r.param == -1 {
			rs.done = append(rs.done, r)
		} else {
			rel = append(rel, r)
		}
	}
	rs.sums[fn] = rel
	delete(rs.busy, fn)
	return rel
}

// walk follows the routers of a body; function literals are walked only
// as the functions that routeSub rows call.
func (f *fnRoutes) walk(body ast.Node) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.AssignStmt:
			if len(n.Lhs) == len(n.Rhs) {
				for i, lhs := range n.Lhs {
					f.bind(lhs, n.Rhs[i])
				}
			}
		case *ast.ValueSpec:
			if len(n.Names) == len(n.Values) {
				for i, name := range n.Names {
					f.bind(name, n.Values[i])
				}
			}
		case *ast.ReturnStmt:
			for _, res := range n.Results {
				if ref, ok := f.router(res); ok && ref.root != nil && ref.prefix == "" {
					f.info(ref.root).result = true
				}
			}
		case *ast.CallExpr:
			f.call(n)
		}
		return true
	})
}

// scope returns the scope of the function, built on first use: most
// functions register no route.
func (f *fnRoutes) scope() *scope {
	if f.sc == nil {
		f.sc = newScope(f.p.TypesInfo, f.decl.Type, f.decl.Body)
	}
	return f.sc
}

// bind records a local variable assigned once a router.
func (f *fnRoutes) bind(lhs, rhs ast.Expr) {
	id, ok := lhs.(*ast.Ident)
	if !ok {
		return
	}
	ref, ok := f.router(rhs)
	if !ok {
		return
	}
	if v := f.scope().varOf(id); v != nil && f.scope().defs[v] != nil {
		f.vars[v] = ref
	}
}

func (f *fnRoutes) info(root any) *rootInfo {
	ri := f.roots[root]
	if ri == nil {
		ri = &rootInfo{}
		f.roots[root] = ri
	}
	return ri
}

// call handles a routing primitive, or a call of a function that
// registers routes on a router argument or returns a router.
func (f *fnRoutes) call(call *ast.CallExpr) {
	p := f.p
	fn, ok := calleeFunc(p.TypesInfo, call)
	if !ok {
		return
	}
	if row, ok := p.routeRowOf(fn); ok {
		f.routeCall(call, fn, row)
		return
	}
	for _, r := range p.routesOf(fn) {
		switch {
		case r.param >= 0 && r.param < len(call.Args):
			if ref, ok := f.router(call.Args[r.param]); ok {
				f.add(ref, r, fn, call)
			}
		case r.param == resultParam:
			f.add(routerRef{root: call, param: -1}, r, fn, call)
		}
	}
}

// add adds a route of a callee, on the router ref.
func (f *fnRoutes) add(ref routerRef, r *route, fn *types.Func, call *ast.CallExpr) {
	nr := &route{param: ref.param, method: r.method, path: joinPath(ref.prefix, r.path), local: r.local, remote: r.remote, blind: r.blind, handler: r.handler, at: r.at, via: call}
	if ref.root != nil {
		nr.param = -1
	}
	if fn.Pkg() != f.p.Pkg {
		nr.at = call // composed here: the handler's statuses are reported at this call
	}
	f.routes = append(f.routes, nr)
	f.rootOf(nr, ref)
}

// rootOf remembers the router a route is on, for resolve.
func (f *fnRoutes) rootOf(r *route, ref routerRef) {
	if ref.root != nil {
		f.info(ref.root)
		r.root = ref.root
	}
}

// routeCall handles a call of a routing primitive.
func (f *fnRoutes) routeCall(call *ast.CallExpr, fn *types.Func, row routeRow) {
	p := f.p
	arg := func(i int) ast.Expr {
		if i == lastArg && len(call.Args) > 0 {
			return call.Args[len(call.Args)-1]
		}
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	if row.kind == routeStrip {
		f.routeStrip(call, row)
		return
	}
	recv, ok := f.receiver(call, fn)
	if !ok {
		return
	}
	path := ""
	if row.path >= 0 {
		s, ok := f.str(arg(row.path))
		if !ok {
			return // a path known at run time
		}
		path = s
	}
	switch row.kind {
	case routeHandle:
		method := row.method
		if row.methodArg >= 0 {
			m, ok := f.str(arg(row.methodArg))
			if !ok {
				return
			}
			method = strings.ToUpper(m)
		}
		if row.pattern {
			if method, path, ok = muxPattern(path); !ok {
				return
			}
		}
		h := arg(row.arg)
		if h == nil {
			return
		}
		local, remote, ok := p.handlerStatuses(h, f.scope())
		r := &route{param: recv.param, method: method, path: joinPath(recv.prefix, path), local: local, remote: remote, blind: !ok, at: call}
		if p.s.routes {
			r.handler = p.handlerName(h, f.scope())
		}
		if recv.root != nil {
			r.param = -1
		}
		f.routes = append(f.routes, r)
		f.rootOf(r, recv)
	case routeSub:
		sub := recv
		sub.prefix = joinPath(recv.prefix, path)
		switch fnArg := ast.Unparen(arg(row.arg)).(type) {
		case *ast.FuncLit:
			if params := fnArg.Type.Params; params != nil && len(params.List) == 1 && len(params.List[0].Names) == 1 {
				if v, ok := p.TypesInfo.Defs[params.List[0].Names[0]].(*types.Var); ok {
					f.vars[v] = sub
				}
			}
			f.walk(fnArg.Body)
		case nil:
		default:
			if cb := funcOf(p.TypesInfo, fnArg); cb != nil {
				for _, r := range p.routesOf(cb) {
					if r.param == 0 {
						f.add(sub, r, cb, call)
					}
				}
			}
		}
	case routeMount:
		m := arg(row.arg)
		if m == nil {
			return
		}
		if ref, ok := f.router(m); ok && ref.root != nil && ref.prefix == "" {
			parent := recv
			parent.prefix = joinPath(recv.prefix, path)
			f.info(ref.root).parent = &parent
			f.info(ref.root).mountAt = call
		}

	}
}

// routeStrip marks the router handed to http.StripPrefix: the paths it
// sees are not the request's, and its routes are dropped (resolve).
func (f *fnRoutes) routeStrip(call *ast.CallExpr, row routeRow) {
	if row.arg >= len(call.Args) {
		return
	}
	if ref, ok := f.router(call.Args[row.arg]); ok && ref.root != nil {
		f.info(ref.root).stripped = true
	}
}

// receiver returns the router a method is called on; a package-level
// function (http.Handle) registers on http.DefaultServeMux.
func (f *fnRoutes) receiver(call *ast.CallExpr, fn *types.Func) (routerRef, bool) {
	if fn.Signature().Recv() == nil {
		return routerRef{root: "net/http.DefaultServeMux", param: -1}, true
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return routerRef{}, false
	}
	return f.router(sel.X)
}

// router evaluates e to a router.
func (f *fnRoutes) router(e ast.Expr) (routerRef, bool) {
	p := f.p
	for range 8 {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = u.X
			continue
		}
		break
	}
	if app, ok := appOf(p.TypesInfo.TypeOf(e)); ok {
		return routerRef{root: app, param: -1}, true
	}
	switch e := e.(type) {
	case *ast.Ident:
		v, ok := p.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return routerRef{}, false
		}
		if ref, ok := f.vars[v]; ok {
			return ref, true
		}
		if v.Parent() == p.Pkg.Scope() {
			if init := p.packageVar(v); init != nil && p.isRouter(v.Type()) {
				if ref, ok := f.router(init); ok && ref.root != nil {
					if _, made := ref.root.(*ast.CallExpr); made && ref.prefix == "" {
						return routerRef{root: v, param: -1}, true
					}
					return ref, true
				}
			}
		}
	case *ast.SelectorExpr:
		if v, ok := p.TypesInfo.Uses[e.Sel].(*types.Var); ok && v.Pkg() != nil && v.Pkg().Path() == "net/http" && v.Name() == "DefaultServeMux" {
			return routerRef{root: "net/http.DefaultServeMux", param: -1}, true
		}
	case *ast.CallExpr:
		fn, ok := calleeFunc(p.TypesInfo, e)
		if !ok {
			return routerRef{}, false
		}
		if row, ok := p.routeRowOf(fn); ok && row.kind == routeGroup {
			recv, ok := f.receiver(e, fn)
			if !ok {
				return routerRef{}, false
			}
			if row.path >= 0 {
				if row.path >= len(e.Args) {
					return routerRef{}, false
				}
				s, ok := f.str(e.Args[row.path])
				if !ok {
					return routerRef{}, false
				}
				recv.prefix = joinPath(recv.prefix, s)
			}
			return recv, true
		}
		if t := p.TypesInfo.TypeOf(e); t != nil && p.isRouter(t) && fn.Signature().Recv() == nil && fn.Pkg() != nil && routePkgs[fn.Pkg().Path()] {
			return routerRef{root: e, param: -1}, true // a constructor: chi.NewRouter()
		}
		// A function that returns a router with routes (as an http.Handler
		// too).
		for _, r := range p.routesOf(fn) {
			if r.param == resultParam {
				return routerRef{root: e, param: -1}, true
			}
		}
	}
	return routerRef{}, false
}

// str evaluates a path or method: a constant, a variable assigned once
// (local or package-level), or a sum of those.
func (f *fnRoutes) str(e ast.Expr) (string, bool) {
	return f.p.strValue(f.scope(), e, 0)
}

func (p *pass) strValue(sc *scope, e ast.Expr, depth int) (string, bool) {
	if e == nil || depth > 6 {
		return "", false
	}
	e = ast.Unparen(e)
	if tv, ok := p.TypesInfo.Types[e]; ok && tv.Value != nil {
		return value{c: tv.Value, param: -1}.str()
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		if e.Op == token.ADD {
			a, ok1 := p.strValue(sc, e.X, depth+1)
			b, ok2 := p.strValue(sc, e.Y, depth+1)
			return a + b, ok1 && ok2
		}
	case *ast.Ident:
		v, ok := p.TypesInfo.Uses[e].(*types.Var)
		if !ok {
			return "", false
		}
		if sc != nil {
			if def := sc.defs[v]; def != nil {
				return p.strValue(sc, def, depth+1)
			}
		}
		if init := p.packageVar(v); init != nil {
			return p.strValue(nil, init, depth+1)
		}
	}
	return "", false
}

// resolve settles the routers of the routes: a router made here and
// mounted under another takes its prefix; one returned makes the routes
// relative to the result.
func (f *fnRoutes) resolve() []*route {
	var out []*route
	for _, r := range f.routes {
		if f.settle(r) {
			out = append(out, r)
		}
	}
	return out
}

// settle settles one route's router; false drops the route: a router
// behind http.StripPrefix (or mounted under one) does not see the
// request's paths.
func (f *fnRoutes) settle(r *route) bool {
	root := r.root
	if root == nil {
		return true
	}
	r.root = nil
	if _, app := root.(appRoot); app {
		ri := f.roots[root]
		r.param = -1 // served whole: its paths are full
		return ri == nil || !ri.stripped
	}
	for range 8 {
		ri := f.roots[root]
		switch {
		case ri == nil:
			return true
		case ri.stripped:
			return false
		case ri.result:
			r.param = resultParam
			return true
		case ri.parent == nil:
			r.param = -1
			r.open = f.escapes(root)
			return true
		}
		r.path = joinPath(ri.parent.prefix, r.path)
		r.via = ri.mountAt
		if ri.parent.root == nil {
			r.param = ri.parent.param
			return true
		}
		root = ri.parent.root
	}
	return true
}

// appRoot is the root of every router of an application type (the
// framework's apps row): its routes are complete wherever they are
// registered, returned or not.
type appRoot typeName

// appOf returns the app root of a value of type t, if t is an application
// type (or a pointer to one).
func appOf(t types.Type) (appRoot, bool) {
	for _, fw := range frameworks {
		for _, a := range fw.apps {
			if a.is(t) {
				return appRoot(a), true
			}
		}
	}
	return appRoot{}, false
}

// routesOf returns the relative routes of a function: inferred here, or
// its RoutesFact.
func (p *pass) routesOf(fn *types.Func) []*route {
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		return p.summary(fn)
	}
	if fn.Pkg() == nil || !p.mayRoute(fn.Pkg()) {
		return nil
	}
	var fact RoutesFact
	if !p.ImportObjectFact(fn, &fact) {
		return nil
	}
	out := make([]*route, len(fact.Routes))
	for i, r := range fact.Routes {
		out[i] = &route{param: r.Param, method: r.Method, path: r.Path, remote: r.Statuses, blind: r.Blind, handler: r.Handler}
	}
	return out
}

// mayRoute reports whether a package may hold routing functions: it
// imports a package of the route rows.
func (p *pass) mayRoute(pkg *types.Package) bool {
	for _, imp := range pkg.Imports() {
		if routePkgs[imp.Path()] {
			return true
		}
	}
	return false
}

// routeRowOf returns the route row of a callee.
func (p *pass) routeRowOf(fn *types.Func) (routeRow, bool) {
	if fn.Pkg() == nil || !routePkgs[fn.Pkg().Path()] {
		return routeRow{}, false
	}
	return lookupRoute(fn.Origin().FullName())
}

// isRouter reports whether values of type t route: a method of t (or *t)
// is a route row.
func (p *pass) isRouter(t types.Type) bool {
	n := t
	if ptr, ok := n.(*types.Pointer); ok {
		n = ptr.Elem()
	}
	named, ok := types.Unalias(n).(*types.Named)
	if !ok || named.Obj().Pkg() == nil || !routePkgs[named.Obj().Pkg().Path()] {
		return false
	}
	// By the type's name: each *T is a type of its own.
	key := routerKey{named.Obj(), n != t}
	if r, ok := p.rs.routers[key]; ok {
		return r
	}
	is := false
	for _, sel := range typeutil.IntuitiveMethodSet(t, nil) {
		if fn, ok := sel.Obj().(*types.Func); ok {
			if _, ok := lookupRoute(fn.Origin().FullName()); ok {
				is = true
				break
			}
		}
	}
	p.rs.routers[key] = is
	return is
}

// routerKey is a named type, or a pointer to it.
type routerKey struct {
	tn  *types.TypeName
	ptr bool
}

// funcOf returns the function that e names (a function, or a method
// value), or nil.
func funcOf(info *types.Info, e ast.Expr) *types.Func {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		fn, _ := info.Uses[e].(*types.Func)
		return fn
	case *ast.SelectorExpr:
		if sel := info.Selections[e]; sel != nil {
			fn, _ := sel.Obj().(*types.Func)
			return fn
		}
		fn, _ := info.Uses[e.Sel].(*types.Func)
		return fn
	}
	return nil
}

// muxPattern splits a ServeMux pattern into its method and path. A
// pattern with a host, or a subtree pattern ("/static/": every path under
// it), matches no one operation: not followed.
func muxPattern(pat string) (method, path string, ok bool) {
	if m, rest, found := strings.Cut(pat, " "); found {
		method, pat = m, strings.TrimLeft(rest, " \t")
	}
	if !strings.HasPrefix(pat, "/") {
		return "", "", false
	}
	if strings.HasSuffix(pat, "/{$}") {
		pat = strings.TrimSuffix(pat, "{$}")
	} else if strings.HasSuffix(pat, "/") {
		return "", "", false
	}
	return method, pat, true
}

// joinPath joins a prefix and a path.
func joinPath(prefix, path string) string {
	if prefix == "" {
		return path
	}
	if path == "" {
		return prefix
	}
	return strings.TrimRight(prefix, "/") + "/" + strings.TrimLeft(path, "/")
}
