// Package xrender holds the app's echo error renderer, for xerr's values. // want package:"holds error helpers or types" package:`renders\(github.com/labstack/echo/v4.HTTPError status=Code noretryafter by xrender.Sloppy; rendx/xerr.Error status=HTTP code=Kind retryafter=Wait by xrender.Handler\)`
package xrender

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"rendx/xerr"
)

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Handler is the app's renderer: it reads the status, the code and the
// Retry-After delay from xerr.Error; anything else is a 500.
func Handler(err error, c echo.Context) { // want Handler:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)` Handler:`helper\(writes retryafter\(some paths\)\)`
	var e *xerr.Error
	if errors.As(err, &e) {
		if e.Wait > 0 {
			c.Response().Header().Set("Retry-After", strconv.Itoa(int(e.Wait.Seconds())))
		}
		_ = c.JSON(e.HTTP, body{Code: e.Kind, Message: e.Message})
		return
	}
	_ = c.JSON(http.StatusInternalServerError, body{Code: "INTERNAL_ERROR", Message: "internal error"})
}

// Sloppy answers the errors it does not know with a 400: installed as the
// app's renderer (rendx/app), that is reported there.
func Sloppy(err error, c echo.Context) { // want Sloppy:`renderer\(echo fallback=400 fallbackcode=BAD_REQUEST\)`
	var he *echo.HTTPError
	if errors.As(err, &he) {
		_ = c.JSON(he.Code, body{Code: "INTERNAL_ERROR", Message: "x"})
		return
	}
	_ = c.JSON(http.StatusBadRequest, body{Code: "BAD_REQUEST", Message: err.Error()})
}

// Bind is a helper the handlers use: they import this package.
func Bind(c echo.Context, v any) error { return c.Bind(v) }
