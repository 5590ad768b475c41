package analyzer

// The routes of a package for `apierrlint routes` (internal/routescmd):
// with Config.Routes, each package's Result lists the routes whose full
// path the package knows (the routes that undocumented-status checks, or
// reports as undescribed, where their full path becomes known), with the
// handler, the statuses it can answer and the operations the route
// matches. One entry point, collectRoutes, after the rule ran: it reads
// what routes.go computed and adds no route finding of its own. A driver
// that collects every package's Routes has the program's API; operations
// of the document that no route matches need that whole picture, which no
// one package has.

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strconv"
	"strings"

	"github.com/apierrlint/apierrlint/catalog"
)

// Route is a route whose full path a package knows: registered on a
// router it makes (or on an application: a gin.Engine, an echo.Echo), or
// composed there from routes relative to a router of another package
// (RoutesFact).
type Route struct {
	Method string // upper case; "" any method (gin's Any, a ServeMux pattern without one)
	Path   string // as the code writes it, prefixes joined, from the root: /api/pets/:id
	// Handler names the handler: its function ("example.com/app/pets.Get",
	// "(*example.com/app.Server).Get"), a handler factory's call
	// ("example.com/app.handler(...)"), or the position of a function
	// literal ("/abs/path/main.go:12"); "" when the analysis cannot name it.
	Handler string
	// Pos is where the full path became known: the registration, or the
	// call that composed the route (a Mount, a Route, a call of a function
	// that registers on a router argument).
	Pos token.Position
	// Statuses are the constant statuses its handler can answer, the
	// first place of each ("dir/file.go:line").
	Statuses []StatusAt
	// Blind: a handler the analysis cannot see into (a middleware's
	// wrapper, a value known at run time): its statuses are unknown.
	Blind bool
	// Open: the router may be served under a prefix the analysis does not
	// see (routes_escape.go): Path may lack that prefix.
	Open bool
	// Operations are the catalog's operations that the route implements,
	// matched as undocumented-status matches them (by shape, with or
	// without the base path). An Open route that matches none exactly
	// gets those whose path ends with its path's shape: the operations it
	// may implement.
	Operations []catalog.Operation
}

// collectRoutes returns the package's complete routes (Config.Routes).
func (p *pass) collectRoutes() []Route {
	if p.rs == nil {
		return nil
	}
	var out []Route
	for _, r := range p.rs.done {
		at := r.at
		if r.via != nil {
			at = r.via
		}
		path := r.path
		if !strings.HasPrefix(path, "/") {
			path = "/" + path // gin's g.GET("version", h): the path is /version
		}
		cr := Route{Method: strings.ToUpper(r.method), Path: path, Handler: r.handler, Blind: r.blind, Open: r.open}
		if at != nil {
			cr.Pos = p.Fset.Position(at.Pos())
		}
		for _, s := range append(p.statusesAt(r.local), r.remote...) {
			if i := slices.IndexFunc(cr.Statuses, func(a StatusAt) bool { return a.Status == s.Status }); i >= 0 {
				cr.Statuses[i].Codes = mergeCodes(cr.Statuses[i].Codes, s.Codes)
			} else {
				cr.Statuses = append(cr.Statuses, s)
			}
		}
		cr.Operations = p.matchOps(r.method, r.path)
		if len(cr.Operations) == 0 && r.open {
			cr.Operations = p.matchOpsSuffix(r.method, r.path)
		}
		out = append(out, cr)
	}
	return out
}

// matchOpsSuffix returns the operations whose full path (base path
// included) ends with the shape of path: those that a route under an
// unknown prefix may implement.
func (p *pass) matchOpsSuffix(method, path string) []catalog.Operation {
	segs := pathSegments(path)
	if len(segs) == 0 {
		return nil
	}
	var out []catalog.Operation
	for _, o := range p.rs.ops {
		full := o.full
		if full == nil {
			full = o.segs
		}
		if (method == "" || strings.EqualFold(o.op.Method, method)) && len(full) >= len(segs) && slices.Equal(full[len(full)-len(segs):], segs) {
			out = append(out, o.op)
		}
	}
	return out
}

// handlerName names a route's handler expression (see [Route.Handler]).
func (p *pass) handlerName(h ast.Expr, sc *scope) string {
	h = p.handlerExpr(h, sc)
	switch e := h.(type) {
	case *ast.FuncLit:
		pos := p.Fset.Position(e.Pos())
		return pos.Filename + ":" + strconv.Itoa(pos.Line)
	case *ast.CallExpr:
		if fn, ok := calleeFunc(p.TypesInfo, e); ok {
			return fn.Origin().FullName() + "(...)"
		}
		return ""
	}
	if fn := funcOf(p.TypesInfo, h); fn != nil {
		return fn.Origin().FullName()
	}
	return ""
}

// DocumentedStatuses lists what operations document, as the messages of
// undocumented-status do: "200, 404, 5XX", "default" when one documents
// every status, "no status" when they list none.
func DocumentedStatuses(ops []catalog.Operation) string {
	if slices.ContainsFunc(ops, func(o catalog.Operation) bool { return o.Default }) {
		s := documented(ops)
		if s == "no status" {
			return "default"
		}
		return fmt.Sprintf("%s, default", s)
	}
	return documented(ops)
}
