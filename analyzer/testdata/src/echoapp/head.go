package echoapp

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// A HEAD response has no body: a helper that sends the body to every other
// request, and the status alone to HEAD, sends a JSON error body.

func headAfterReturn(c echo.Context, status int) error { // want headAfterReturn:`helper\(status=1 fixedcode=INTERNAL_ERROR writes\)`
	if c.Request().Method != http.MethodHead {
		return c.JSON(status, echo.Map{"code": "INTERNAL_ERROR", "message": "x"})
	}
	return c.NoContent(status)
}

func headInElse(c echo.Context, status int) error { // want headInElse:`helper\(status=1 fixedcode=INTERNAL_ERROR writes\)`
	if c.Request().Method != "HEAD" {
		return c.JSON(status, echo.Map{"code": "INTERNAL_ERROR", "message": "x"})
	} else {
		return c.NoContent(status)
	}
}

func headAfterPanic(c echo.Context, status int) error { // want headAfterPanic:`helper\(status=1 writes\)`
	if c.Request().Method != http.MethodHead {
		panic("only HEAD here")
	}
	return c.NoContent(status)
}

// Look-alikes: the status alone is sent to other requests than HEAD.

func headFirst(c echo.Context, status int) error { // want headFirst:`helper\(status=1 fixedcode=INTERNAL_ERROR writes nobody\)`
	if c.Request().Method == http.MethodHead {
		return c.JSON(status, echo.Map{"code": "INTERNAL_ERROR", "message": "x"})
	}
	return c.NoContent(status)
}

func headNoReturn(c echo.Context, status int) error { // want headNoReturn:`helper\(status=1 writes nobody\)`
	if c.Request().Method != http.MethodHead {
		c.Response().Header().Set("X-Method", "not HEAD")
	}
	return c.NoContent(status)
}

func headOtherMethod(c echo.Context, status int) error { // want headOtherMethod:`helper\(status=1 fixedcode=INTERNAL_ERROR writes nobody\)`
	if c.Request().Method != http.MethodGet {
		return c.JSON(status, echo.Map{"code": "INTERNAL_ERROR", "message": "x"})
	}
	return c.NoContent(status)
}

func headHandlers(c echo.Context) error {
	_ = headAfterReturn(c, http.StatusInternalServerError)
	_ = headInElse(c, http.StatusInternalServerError)
	_ = headAfterPanic(c, http.StatusInternalServerError)
	_ = headFirst(c, http.StatusInternalServerError)          // want `raw-http-error: headFirst sends status 500 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = headNoReturn(c, http.StatusInternalServerError)       // want `raw-http-error: headNoReturn sends status 500 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
	return headOtherMethod(c, http.StatusInternalServerError) // want `raw-http-error: headOtherMethod sends status 500 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
}
