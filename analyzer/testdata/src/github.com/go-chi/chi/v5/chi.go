// Package chi is a stub of github.com/go-chi/chi/v5 v5.2.3 for the
// analyzer's fixtures: enough of the router to register realistic
// handlers, with the real signatures (TestTables checks them).
package chi

import "net/http"

// Router consisting of the core routing methods (a subset of the real
// interface's methods).
type Router interface {
	http.Handler

	Use(middlewares ...func(http.Handler) http.Handler)
	Group(fn func(r Router)) Router
	Route(pattern string, fn func(r Router)) Router
	Delete(pattern string, h http.HandlerFunc)
	Get(pattern string, h http.HandlerFunc)
	Post(pattern string, h http.HandlerFunc)
	Put(pattern string, h http.HandlerFunc)
	Patch(pattern string, h http.HandlerFunc)
	With(middlewares ...func(http.Handler) http.Handler) Router
	Mount(pattern string, h http.Handler)
	Handle(pattern string, h http.Handler)
	HandleFunc(pattern string, h http.HandlerFunc)
	Method(method, pattern string, h http.Handler)
	MethodFunc(method, pattern string, h http.HandlerFunc)
}

// Mux is a simple HTTP route multiplexer.
type Mux struct{}

var _ Router = &Mux{}

// NewRouter returns a new Mux object that implements the Router interface.
func NewRouter() *Mux { return nil }

// NewMux returns a newly initialized Mux object that implements the Router
// interface.
func NewMux() *Mux { return nil }

func (mx *Mux) ServeHTTP(w http.ResponseWriter, r *http.Request)   {}
func (mx *Mux) Use(middlewares ...func(http.Handler) http.Handler) {}
func (mx *Mux) Group(fn func(r Router)) Router                     { return nil }
func (mx *Mux) Route(pattern string, fn func(r Router)) Router     { return nil }
func (mx *Mux) Delete(pattern string, handlerFn http.HandlerFunc)  {}
func (mx *Mux) Get(pattern string, handlerFn http.HandlerFunc)     {}
func (mx *Mux) Post(pattern string, handlerFn http.HandlerFunc)    {}
func (mx *Mux) Put(pattern string, handlerFn http.HandlerFunc)     {}

// URLParam returns the url parameter from a http.Request object.
func URLParam(r *http.Request, key string) string { return "" }

func (mx *Mux) With(middlewares ...func(http.Handler) http.Handler) Router    { return nil }
func (mx *Mux) Mount(pattern string, handler http.Handler)                    {}
func (mx *Mux) Handle(pattern string, handler http.Handler)                   {}
func (mx *Mux) HandleFunc(pattern string, handlerFn http.HandlerFunc)         {}
func (mx *Mux) Method(method, pattern string, handler http.Handler)           {}
func (mx *Mux) MethodFunc(method, pattern string, handlerFn http.HandlerFunc) {}

func (mx *Mux) Patch(pattern string, handlerFn http.HandlerFunc) {}
