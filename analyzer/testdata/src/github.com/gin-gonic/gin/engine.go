package gin

import "net/http"

// OptionFunc defines the function to change the default configuration.
type OptionFunc func(*Engine)

// IRoutes defines all router handle interface (its routing methods).
type IRoutes interface {
	Use(...HandlerFunc) IRoutes

	Handle(string, string, ...HandlerFunc) IRoutes
	Any(string, ...HandlerFunc) IRoutes
	GET(string, ...HandlerFunc) IRoutes
	POST(string, ...HandlerFunc) IRoutes
	DELETE(string, ...HandlerFunc) IRoutes
	PATCH(string, ...HandlerFunc) IRoutes
	PUT(string, ...HandlerFunc) IRoutes
	OPTIONS(string, ...HandlerFunc) IRoutes
	HEAD(string, ...HandlerFunc) IRoutes
	Match([]string, string, ...HandlerFunc) IRoutes
}

// RouterGroup is used internally to configure router.
type RouterGroup struct {
	Handlers HandlersChain
}

// HandlersChain defines a HandlerFunc slice.
type HandlersChain []HandlerFunc

// Engine is the framework's instance (a few of its fields).
type Engine struct {
	RouterGroup
	HandleMethodNotAllowed bool
}

// New returns a new blank Engine instance without any middleware attached.
func New(opts ...OptionFunc) *Engine { return nil }

// Default returns an Engine instance with the Logger and Recovery
// middleware already attached.
func Default(opts ...OptionFunc) *Engine { return nil }

func (group *RouterGroup) GET(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) POST(relativePath string, handlers ...HandlerFunc) IRoutes   { return nil }
func (group *RouterGroup) PUT(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) DELETE(relativePath string, handlers ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) PATCH(relativePath string, handlers ...HandlerFunc) IRoutes  { return nil }
func (group *RouterGroup) Any(relativePath string, handlers ...HandlerFunc) IRoutes    { return nil }
func (group *RouterGroup) HEAD(relativePath string, handlers ...HandlerFunc) IRoutes   { return nil }
func (group *RouterGroup) OPTIONS(relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) Match(methods []string, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) Use(middleware ...HandlerFunc) IRoutes { return nil }
func (group *RouterGroup) Handle(httpMethod, relativePath string, handlers ...HandlerFunc) IRoutes {
	return nil
}
func (group *RouterGroup) Group(relativePath string, handlers ...HandlerFunc) *RouterGroup {
	return nil
}

func (engine *Engine) Delims(left, right string) *Engine                  { return nil }
func (engine *Engine) NoRoute(handlers ...HandlerFunc)                    {}
func (engine *Engine) NoMethod(handlers ...HandlerFunc)                   {}
func (engine *Engine) Use(middleware ...HandlerFunc) IRoutes              { return nil }
func (engine *Engine) With(opts ...OptionFunc) *Engine                    { return nil }
func (engine *Engine) Run(addr ...string) (err error)                     { return nil }
func (engine *Engine) ServeHTTP(w http.ResponseWriter, req *http.Request) {}
