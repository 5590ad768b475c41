// Package echo is a stub of github.com/labstack/echo/v5 v5.4.4 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
// v5 has no Map type; Context is a struct.
package echo

import (
	"io"
	"net/http"
)

// MIME types and headers (a few).
const (
	MIMEApplicationJSON = "application/json"
	MIMETextPlain       = "text/plain"
	HeaderContentType   = "Content-Type"
	HeaderRetryAfter    = "Retry-After"
)

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c *Context) error

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Context represents the context of the current HTTP request.
type Context struct{}

func (c *Context) Request() *http.Request                                       { return nil }
func (c *Context) Response() http.ResponseWriter                                { return nil }
func (c *Context) Param(name string) string                                     { return "" }
func (c *Context) QueryParam(name string) string                                { return "" }
func (c *Context) Get(key string) any                                           { return nil }
func (c *Context) Set(key string, val any)                                      {}
func (c *Context) Bind(i any) error                                             { return nil }
func (c *Context) HTML(code int, html string) (err error)                       { return }
func (c *Context) HTMLBlob(code int, b []byte) (err error)                      { return }
func (c *Context) String(code int, s string) (err error)                        { return }
func (c *Context) JSON(code int, i any) (err error)                             { return }
func (c *Context) JSONPretty(code int, i any, indent string) (err error)        { return }
func (c *Context) JSONBlob(code int, b []byte) (err error)                      { return }
func (c *Context) JSONP(code int, callback string, i any) (err error)           { return }
func (c *Context) JSONPBlob(code int, callback string, b []byte) (err error)    { return }
func (c *Context) XML(code int, i any) (err error)                              { return }
func (c *Context) XMLPretty(code int, i any, indent string) (err error)         { return }
func (c *Context) XMLBlob(code int, b []byte) (err error)                       { return }
func (c *Context) Blob(code int, contentType string, b []byte) (err error)      { return }
func (c *Context) Stream(code int, contentType string, r io.Reader) (err error) { return }
func (c *Context) NoContent(code int) error                                     { return nil }

// Response wraps an http.ResponseWriter and implements its interface.
type Response struct {
	http.ResponseWriter
	Status    int
	Size      int64
	Committed bool
}

func (r *Response) Before(fn func())                  {}
func (r *Response) After(fn func())                   {}
func (r *Response) WriteHeader(code int)              {}
func (r *Response) Write(b []byte) (n int, err error) { return }

// UnwrapResponse unwraps the *Response from an http.ResponseWriter.
func UnwrapResponse(rw http.ResponseWriter) (*Response, error) { return nil, nil }

// HTTPError represents an error that occurred while handling a request.
type HTTPError struct {
	Code    int    `json:"-"`
	Message string `json:"message"`
}

// NewHTTPError creates a new instance of HTTPError.
func NewHTTPError(code int, message string) *HTTPError { return nil }

func (he *HTTPError) Error() string { return "" }

// StatusCode returns status code for HTTP response.
func (he *HTTPError) StatusCode() int { return he.Code }

// HTTPStatusCoder is an interface that errors can implement to produce status code for HTTP response.
type HTTPStatusCoder interface {
	StatusCode() int
}

type httpError struct {
	code int
}

func (he httpError) StatusCode() int { return he.code }
func (he httpError) Error() string   { return "" }

// Errors (a few).
var (
	ErrNotFound        = &httpError{http.StatusNotFound}
	ErrTooManyRequests = &httpError{http.StatusTooManyRequests}
)

// The app (ErrorHandler, Config, App or Echo, New) is in app.go.
