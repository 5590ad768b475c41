// Package echo is a stub of github.com/labstack/echo/v4 v4.16.0 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
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

// Map defines a generic map of type `map[string]any`.
type Map map[string]interface{}

// HandlerFunc defines a function to serve HTTP requests.
type HandlerFunc func(c Context) error

// MiddlewareFunc defines a function to process middleware.
type MiddlewareFunc func(next HandlerFunc) HandlerFunc

// Context represents the context of the current HTTP request (a subset of
// the real interface's methods).
type Context interface {
	Request() *http.Request
	Response() *Response
	Param(name string) string
	QueryParam(name string) string
	Get(key string) any
	Set(key string, val any)
	Bind(i any) error
	HTML(code int, html string) error
	HTMLBlob(code int, b []byte) error
	String(code int, s string) error
	JSON(code int, i any) error
	JSONPretty(code int, i any, indent string) error
	JSONBlob(code int, b []byte) error
	JSONP(code int, callback string, i any) error
	JSONPBlob(code int, callback string, b []byte) error
	XML(code int, i any) error
	XMLPretty(code int, i any, indent string) error
	XMLBlob(code int, b []byte) error
	Blob(code int, contentType string, b []byte) error
	Stream(code int, contentType string, r io.Reader) error
	NoContent(code int) error
}

// Response wraps an http.ResponseWriter.
type Response struct {
	Writer    http.ResponseWriter
	Status    int
	Size      int64
	Committed bool
}

func (r *Response) Header() http.Header               { return nil }
func (r *Response) Before(fn func())                  {}
func (r *Response) After(fn func())                   {}
func (r *Response) WriteHeader(code int)              {}
func (r *Response) Write(b []byte) (n int, err error) { return }

// HTTPError represents an error that occurred while handling a request.
type HTTPError struct {
	Internal error       `json:"-"` // Stores the error returned by an external dependency
	Message  interface{} `json:"message"`
	Code     int         `json:"-"`
}

// NewHTTPError creates a new HTTPError instance.
func NewHTTPError(code int, message ...interface{}) *HTTPError { return nil }

func (he *HTTPError) Error() string                     { return "" }
func (he *HTTPError) SetInternal(err error) *HTTPError  { return nil }
func (he *HTTPError) WithInternal(err error) *HTTPError { return nil }

// The app (ErrorHandler, Config, App or Echo, New) is in app.go.

// Errors (a few).
var (
	ErrNotFound           = NewHTTPError(http.StatusNotFound)
	ErrTooManyRequests    = NewHTTPError(http.StatusTooManyRequests)
	ErrServiceUnavailable = NewHTTPError(http.StatusServiceUnavailable)
)
