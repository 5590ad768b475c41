// Package apierr declares an error type and its echo renderer together: // want package:"holds error helpers or types" package:`renders\(rendtype/apierr.Error status=Status code=Code retryafter=RetryAfter by apierr.Handler\)`
// every package that builds an Error sees the renderer's facts, whatever
// else it imports.
package apierr

import (
	"errors"
	"math"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"
)

type Error struct {
	Status     int           `json:"-"`
	Code       string        `json:"code"`
	Message    string        `json:"message"`
	RetryAfter time.Duration `json:"-"`
}

func (e *Error) Error() string { return e.Message }

func Handler(err error, c echo.Context) { // want Handler:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)` Handler:`helper\(writes retryafter\(some paths\)\)`
	var e *Error
	if !errors.As(err, &e) {
		_ = c.JSON(500, Error{Code: "INTERNAL_ERROR", Message: "internal error"})
		return
	}
	if e.RetryAfter > 0 {
		// Through a local variable, rounded up: still the field.
		secs := int(math.Ceil(e.RetryAfter.Seconds()))
		c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	}
	_ = c.JSON(e.Status, e)
}

// New is a constructor: its callers are checked.
func New(status int, code, msg string) *Error { // want New:`helper\(status=0 code=1 unset=rendtype/apierr.Error.RetryAfter\)`
	return &Error{Status: status, Code: code, Message: msg}
}

// TooMany sets the delay.
func TooMany(d time.Duration) *Error {
	return &Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down", RetryAfter: d}
}

// Option is a functional option of Error; what each one sets is learned
// where it is declared (an OptionFact).
type Option func(*Error)

// WithRetryAfter sets the delay the renderer sends as Retry-After.
func WithRetryAfter(d time.Duration) Option { // want WithRetryAfter:`option\(rendtype/apierr\.Error RetryAfter=param0\)`
	return func(e *Error) { e.RetryAfter = d }
}

// WithMessage sets something else.
func WithMessage(msg string) Option { // want WithMessage:`option\(rendtype/apierr\.Error Message=param0\)`
	return func(e *Error) { e.Message = msg }
}

// WithAny hands the error on: what it sets is not known (no fact).
func WithAny(f func(*Error)) Option {
	return func(e *Error) { f(e) }
}

// NewWith is a constructor with options: its callers are checked, and an
// option among their arguments may set RetryAfter.
func NewWith(status int, code string, opts ...Option) *Error { // want NewWith:`helper\(status=0 code=1 unset=rendtype/apierr.Error.RetryAfter\)` NewWith:`applies\(rendtype/apierr.Error opts=2 Code=param1 Status=param0\)`
	e := &Error{Status: status, Code: code}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Limited sets the delay through its option (the package's own call).
func Limited(d time.Duration) *Error {
	return NewWith(429, "RATE_LIMIT_EXCEEDED", WithRetryAfter(d))
}

// LimitedBare does not: its option sets only the message.
func LimitedBare() *Error {
	return NewWith(429, "RATE_LIMIT_EXCEEDED", WithMessage("slow down")) // want `missing-retry-after: NewWith builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which apierr.Handler sends as the Retry-After header; pass an option that sets RetryAfter`
}
