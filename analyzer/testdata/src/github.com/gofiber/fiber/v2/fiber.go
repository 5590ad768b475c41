// Package fiber is a stub of github.com/gofiber/fiber/v2 v2.52.15 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
package fiber

import "github.com/valyala/fasthttp"

// Map is a shortcut for map[string]interface{}, useful for JSON returns.
type Map map[string]interface{}

// Handler defines a function to serve HTTP requests.
type Handler = func(*Ctx) error

// HTTP status codes (a few).
const (
	StatusOK                  = 200
	StatusCreated             = 201
	StatusAccepted            = 202
	StatusNoContent           = 204
	StatusBadRequest          = 400
	StatusUnauthorized        = 401
	StatusForbidden           = 403
	StatusNotFound            = 404
	StatusConflict            = 409
	StatusGone                = 410
	StatusUnprocessableEntity = 422
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
	StatusServiceUnavailable  = 503
)

// MIME types and headers (a few).
const (
	MIMEApplicationJSON = "application/json"
	MIMETextPlain       = "text/plain"
	HeaderContentType   = "Content-Type"
	HeaderRetryAfter    = "Retry-After"
)

// Error represents an error that occurred while handling a request.
type Error struct {
	Code    int    `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return "" }

// NewError creates a new Error instance with an optional message.
func NewError(code int, message ...string) *Error { return nil }

// Ctx represents the Context which hold the HTTP request and response.
type Ctx struct{}

func (c *Ctx) Params(key string, defaultValue ...string) string         { return "" }
func (c *Ctx) Query(key string, defaultValue ...string) string          { return "" }
func (c *Ctx) Get(key string, defaultValue ...string) string            { return "" }
func (c *Ctx) Body() []byte                                             { return nil }
func (c *Ctx) BodyParser(out interface{}) error                         { return nil }
func (c *Ctx) Locals(key interface{}, value ...interface{}) interface{} { return nil }
func (c *Ctx) Next() error                                              { return nil }
func (c *Ctx) Method(override ...string) string                         { return "" }
func (c *Ctx) Request() *fasthttp.Request                               { return nil }
func (c *Ctx) Response() *fasthttp.Response                             { return nil }
func (c *Ctx) Status(status int) *Ctx                                   { return c }
func (c *Ctx) SendStatus(status int) error                              { return nil }
func (c *Ctx) JSON(data interface{}, ctype ...string) error             { return nil }
func (c *Ctx) XML(data interface{}) error                               { return nil }
func (c *Ctx) Format(body interface{}) error                            { return nil }
func (c *Ctx) Send(body []byte) error                                   { return nil }
func (c *Ctx) SendString(body string) error                             { return nil }
func (c *Ctx) SendFile(file string, compress ...bool) error             { return nil }
func (c *Ctx) Set(key, val string)                                      {}
func (c *Ctx) Append(field string, values ...string)                    {}

// The app (ErrorHandler, Config, App or Echo, New) is in app.go.

// Errors (a few).
var (
	ErrNotFound           = NewError(StatusNotFound)
	ErrTooManyRequests    = NewError(StatusTooManyRequests)
	ErrServiceUnavailable = NewError(StatusServiceUnavailable)
)
