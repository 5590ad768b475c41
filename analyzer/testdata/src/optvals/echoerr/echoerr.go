// Package echoerr declares an error type, its options and its echo renderer // want package:"holds error helpers or types" package:`renders\(optvals/echoerr.Error status=Status code=Code noretryafter by echoerr.Handler\)`
// together; the renderer sets no Retry-After, so a handler that returns a
// 429 built with the options must set the header itself (optvals/use).
package echoerr

import (
	"errors"

	"github.com/labstack/echo/v4"
)

type Error struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

type Option func(*Error)

func WithStatus(s int) Option { return func(e *Error) { e.Status = s } } // want WithStatus:`option\(optvals/echoerr.Error Status=param0\)`

func New(code, msg string, opts ...Option) *Error { // want New:`applies\(optvals/echoerr.Error opts=2 Code=param0 Message=param1 Status=500\)` New:`helper\(code=0 fixedstatus=500\)`
	e := &Error{Code: code, Message: msg, Status: 500}
	for _, o := range opts {
		o(e)
	}
	return e
}

func Handler(err error, c echo.Context) { // want Handler:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)`
	var e *Error
	if !errors.As(err, &e) {
		_ = c.JSON(500, Error{Code: "INTERNAL_ERROR", Message: "internal error"})
		return
	}
	_ = c.JSON(e.Status, e)
}
