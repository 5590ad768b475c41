// Package plainerr declares an error type whose fields carry no JSON tags // want package:"holds error helpers or types" package:`renders\(optvals/plainerr.Error status=Status code=Code noretryafter by plainerr.Handler\)`
// (its values are not error bodies themselves), its options, and the echo
// renderer that turns them into error bodies: a value built with the
// options is checked because the renderer is known (optvals/use).
package plainerr

import (
	"errors"

	"github.com/labstack/echo/v4"
)

type Error struct {
	Status int
	Code   string
	Msg    string
}

func (e *Error) Error() string { return e.Msg }

type Option func(*Error)

func WithStatus(s int) Option { return func(e *Error) { e.Status = s } } // want WithStatus:`option\(optvals/plainerr.Error Status=param0\)`

func New(code, msg string, opts ...Option) *Error { // want New:`applies\(optvals/plainerr.Error opts=2 Code=param0 Msg=param1 Status=500\)` New:`helper\(code=0 fixedstatus=500\)`
	e := &Error{Code: code, Msg: msg, Status: 500}
	for _, o := range opts {
		o(e)
	}
	return e
}

func Handler(err error, c echo.Context) { // want Handler:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)`
	var e *Error
	if !errors.As(err, &e) {
		_ = c.JSON(500, map[string]string{"code": "INTERNAL_ERROR", "message": "internal error"})
		return
	}
	_ = c.JSON(e.Status, map[string]string{"code": e.Code, "message": e.Msg})
}
