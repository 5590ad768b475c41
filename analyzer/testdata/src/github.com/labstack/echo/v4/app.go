package echo

import "net/http"

// HTTPErrorHandler is a centralized HTTP error handler.
type HTTPErrorHandler func(err error, c Context)

// Echo is the top-level framework instance (a few of its fields).
type Echo struct {
	HTTPErrorHandler HTTPErrorHandler
	Server           *http.Server
}

// Route contains a handler and information for matching against requests.
type Route struct{}

// Group is a set of sub-routes for a specified route.
type Group struct{}

// New creates an instance of Echo.
func New() (e *Echo) { return nil }

func (e *Echo) Use(middleware ...MiddlewareFunc)                           {}
func (e *Echo) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Group(prefix string, m ...MiddlewareFunc) (g *Group)        { return nil }
func (e *Echo) ServeHTTP(w http.ResponseWriter, r *http.Request)           {}
func (e *Echo) Start(address string) error                                 { return nil }

func (e *Echo) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (e *Echo) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (e *Echo) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (e *Echo) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (g *Group) GET(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) POST(path string, h HandlerFunc, m ...MiddlewareFunc) *Route   { return nil }
func (g *Group) PUT(path string, h HandlerFunc, m ...MiddlewareFunc) *Route    { return nil }
func (g *Group) DELETE(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
func (g *Group) Add(method, path string, handler HandlerFunc, middleware ...MiddlewareFunc) *Route {
	return nil
}
func (g *Group) Group(prefix string, middleware ...MiddlewareFunc) (sg *Group) { return nil }

func (e *Echo) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route  { return nil }
func (g *Group) PATCH(path string, h HandlerFunc, m ...MiddlewareFunc) *Route { return nil }
