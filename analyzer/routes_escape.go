package analyzer

// Whether a router made in a function may be served under a prefix that
// the analysis does not see: a chi router or a ServeMux stored in a field,
// handed to a function of another package, or assigned to another
// variable may be mounted elsewhere (mainRouter.Mount("/api", s.router)),
// so its paths are not certainly the request's. Its routes' statuses are
// still matched (a wrong prefix matches no operation), but a route that
// the document does not describe is reported only on a router that stays
// in view: used as the receiver of its methods, handed to the routing
// primitives, to a function of the package's whose routes the analysis
// follows, or to the server (http.ListenAndServe, http.Server{Handler: r}).
// A gin.Engine or an echo.Echo is served whole: it never escapes.

import (
	"go/ast"
	"go/types"
)

// servers are the functions that serve a handler as the root of the
// request paths: handing a router to them keeps its paths.
var servers = map[string]bool{
	"net/http.ListenAndServe":    true,
	"net/http.ListenAndServeTLS": true,
	"net/http.Serve":             true,
	"net/http.ServeTLS":          true,
}

// escapes reports whether the router made at root may be served under a
// prefix the analysis does not see (see above).
func (f *fnRoutes) escapes(root any) bool {
	p := f.p
	var vars []*types.Var
	var scopes []ast.Node
	switch r := root.(type) {
	case appRoot, string:
		return false // served whole; http.DefaultServeMux
	case *types.Var:
		vars = append(vars, r) // package level: every file
		for _, file := range p.rs.files {
			scopes = append(scopes, file)
		}
	default:
		for v, ref := range f.vars {
			if ref.root == root && ref.prefix == "" && ref.param < 0 {
				vars = append(vars, v)
			}
		}
		scopes = append(scopes, f.decl.Body)
	}
	isRoot := func(e ast.Expr) bool {
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return false
		}
		for _, v := range vars {
			if p.TypesInfo.Uses[id] == v {
				return true
			}
		}
		return false
	}
	escaped := false
	for _, body := range scopes {
		var stack []ast.Node
		ast.Inspect(body, func(n ast.Node) bool {
			if n == nil {
				stack = stack[:len(stack)-1]
				return false
			}
			stack = append(stack, n)
			if escaped {
				return false
			}
			id, ok := n.(*ast.Ident)
			if !ok || !isRoot(id) || len(stack) < 2 {
				return true
			}
			escaped = !f.keepsPaths(id, stack[len(stack)-2])
			return true
		})
		if escaped {
			return true
		}
	}
	return false
}

// keepsPaths reports whether a use of a router, under parent, keeps its
// paths the request's.
func (f *fnRoutes) keepsPaths(id *ast.Ident, parent ast.Node) bool {
	p := f.p
	switch par := parent.(type) {
	case *ast.SelectorExpr:
		return par.X == id // r.Get(...), r.Use(...), app.Listen(...)
	case *ast.ReturnStmt:
		return true // its routes are relative to the result
	case *ast.AssignStmt:
		for _, lhs := range par.Lhs {
			if lhs == id {
				return true // the binding itself
			}
		}
		return false // an alias, a field: may be mounted elsewhere
	case *ast.KeyValueExpr:
		// http.Server{Handler: r}
		key, ok := par.Key.(*ast.Ident)
		return ok && key.Name == "Handler" && par.Value == id
	case *ast.CallExpr:
		fn, ok := calleeFunc(p.TypesInfo, par)
		if !ok {
			return false
		}
		if servers[fn.FullName()] {
			return true
		}
		if _, ok := p.routeRowOf(fn); ok {
			return true // Mount, StripPrefix: followed
		}
		for i, a := range par.Args {
			if a != id {
				continue
			}
			for _, r := range p.routesOf(fn) {
				if r.param == i {
					return true // a function whose routes on it are followed
				}
			}
		}
		return false
	}
	return false
}
