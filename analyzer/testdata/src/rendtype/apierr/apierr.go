// Package apierr declares an error type and its echo renderer together: // want package:"holds error helpers or types" package:`renders\(rendtype/apierr.Error status=Status code=Code retryafter=RetryAfter by apierr.Handler\)`
// every package that builds an Error sees the renderer's facts, whatever
// else it imports.
package apierr

import (
	"errors"
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
		c.Response().Header().Set("Retry-After", strconv.Itoa(int(e.RetryAfter/time.Second)))
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
