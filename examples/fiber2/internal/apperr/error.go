package apperr

import (
	"errors"
	"math"
	"net/http"
	"time"
)

// Error is what handlers return. The renderer in package httpx writes it as
// the documented body with StatusCode(); RetryAfter, when positive, becomes the
// Retry-After header.
type Error struct {
	Code       string
	Message    string
	Details    map[string]any
	RetryAfter int // seconds
	status     int
	cause      error
}

func (e *Error) Error() string {
	if e.cause != nil {
		return e.Code + ": " + e.Message + ": " + e.cause.Error()
	}
	return e.Code + ": " + e.Message
}

func (e *Error) Unwrap() error { return e.cause }

// StatusCode is the HTTP status the error is sent with.
func (e *Error) StatusCode() int {
	if e.status != 0 {
		return e.status
	}
	return StatusFor(e.Code)
}

// Option adjusts an Error under construction.
type Option func(*Error)

// WithStatus overrides the status taken from the code table.
func WithStatus(status int) Option {
	return func(e *Error) { e.status = status }
}

// WithRetryAfter tells the client when to retry, rounded up to seconds.
func WithRetryAfter(d time.Duration) Option {
	return func(e *Error) { e.RetryAfter = int(math.Ceil(d.Seconds())) }
}

// WithDetail adds an entry to the details object.
func WithDetail(key string, value any) Option {
	return func(e *Error) {
		if e.Details == nil {
			e.Details = map[string]any{}
		}
		e.Details[key] = value
	}
}

// WithCause keeps err for the logs.
func WithCause(err error) Option {
	return func(e *Error) { e.cause = err }
}

// New returns an error with code and message.
func New(code, msg string, opts ...Option) *Error {
	e := &Error{Code: code, Message: msg}
	for _, o := range opts {
		o(e)
	}
	return e
}

// From returns err as an *Error when it is one.
func From(err error) (*Error, bool) {
	var e *Error
	return e, errors.As(err, &e)
}

func NotFound(what string) *Error {
	return New(CodeNotFound, "Not found: "+what+" not found")
}

func BadRequest(msg string) *Error { return New(CodeBadRequest, msg) }

func Unauthorized(msg string) *Error { return New(CodeUnauthorized, "Unauthorized: "+msg) }

func Forbidden(msg string) *Error {
	return New(CodeForbidden, msg, WithStatus(http.StatusForbidden))
}

func Conflict(msg string) *Error {
	return New(CodeConflict, "Conflict: "+msg, WithStatus(http.StatusConflict))
}

// Validation reports invalid fields; each value is {"code", "message"}.
func Validation(fields map[string]FieldError) *Error {
	e := New(CodeValidation, "Validation failed")
	for k, v := range fields {
		WithDetail(k, v)(e)
	}
	return e
}

// FieldError is one entry of a VALIDATION_ERROR's details.
type FieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func RateLimited(wait time.Duration) *Error {
	return New(CodeRateLimited, "Rate limit exceeded", WithRetryAfter(wait))
}

func Internal(err error) *Error {
	return New(CodeInternal, "Unexpected server error", WithCause(err))
}

func Database(err error) *Error {
	return New(CodeDatabase, "Database operation failed", WithCause(err), WithStatus(http.StatusInternalServerError))
}

func Unavailable(msg string, retry time.Duration) *Error {
	return New(CodeUnavailable, msg, WithStatus(http.StatusServiceUnavailable), WithRetryAfter(retry))
}
