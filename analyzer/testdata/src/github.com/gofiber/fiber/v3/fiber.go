// Package fiber is a stub of github.com/gofiber/fiber/v3 v3.5.0 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
// Ctx and Res are interfaces (subsets of the real ones' methods).
package fiber

import (
	"io/fs"
	"time"

	"github.com/valyala/fasthttp"
)

// Map is a shortcut for map[string]any, useful for JSON returns.
type Map map[string]any

// Handler defines a function to serve HTTP requests.
type Handler = func(Ctx) error

// HTTP status codes (a few).
const (
	StatusOK                  = 200
	StatusCreated             = 201
	StatusNoContent           = 204
	StatusBadRequest          = 400
	StatusUnauthorized        = 401
	StatusForbidden           = 403
	StatusNotFound            = 404
	StatusNotAcceptable       = 406
	StatusConflict            = 409
	StatusUnprocessableEntity = 422
	StatusTooManyRequests     = 429
	StatusInternalServerError = 500
	StatusBadGateway          = 502
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
	Message string `json:"message"`
	Code    int    `json:"code"`
}

func (e *Error) Error() string { return "" }

// NewError creates a new Error instance with an optional message.
func NewError(code int, message ...string) *Error { return nil }

// NewErrorf creates a new Error instance with an optional formatted message.
func NewErrorf(code int, message ...any) *Error { return nil }

// ResFmt associates a Content Type to a fiber.Handler for c.Format.
type ResFmt struct {
	Handler   func(Ctx) error
	MediaType string
}

// SendFile defines configuration options when to transfer file with SendFile.
type SendFile struct {
	FS            fs.FS
	Compress      bool          `json:"compress"`
	ByteRange     bool          `json:"byte_range"`
	Download      bool          `json:"download"`
	CacheDuration time.Duration `json:"cache_duration"`
	MaxAge        int           `json:"max_age"`
}

// Bind is the binder of a request.
type Bind struct{}

func (b *Bind) Body(out any) error { return nil }
func (b *Bind) JSON(out any) error { return nil }

// Ctx is the context of a request.
type Ctx interface {
	Params(key string, defaultValue ...string) string
	Query(key string, defaultValue ...string) string
	Get(key string, defaultValue ...string) string
	Body() []byte
	Bind() *Bind
	Locals(key any, value ...any) any
	Next() error
	Method(override ...string) string
	Request() *fasthttp.Request
	Response() *fasthttp.Response
	Res() Res
	Status(status int) Ctx
	SendStatus(status int) error
	JSON(data any, ctype ...string) error
	XML(data any) error
	Format(handlers ...ResFmt) error
	Send(body []byte) error
	SendString(body string) error
	SendFile(file string, config ...SendFile) error
	Set(key, val string)
	Append(field string, values ...string)
}

// Res is the response side of a Ctx.
type Res interface {
	Get(key string, defaultValue ...string) string
	Response() *fasthttp.Response
	Status(status int) Ctx
	SendStatus(status int) error
	JSON(data any, ctype ...string) error
	XML(data any) error
	Format(handlers ...ResFmt) error
	Send(body []byte) error
	SendString(body string) error
	SendFile(file string, config ...SendFile) error
	Set(key, val string)
	Append(field string, values ...string)
}

// The app (ErrorHandler, Config, App or Echo, New) is in app.go.

// Errors (a few).
var (
	ErrNotFound           = NewError(StatusNotFound)
	ErrTooManyRequests    = NewError(StatusTooManyRequests)
	ErrServiceUnavailable = NewError(StatusServiceUnavailable)
)
