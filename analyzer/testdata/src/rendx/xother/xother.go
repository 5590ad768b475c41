// Package xother holds an echo v5 and a fiber v2 renderer that answer the // want package:"holds error helpers or types"
// errors they do not know with a 400: installed as the app's renderer
// (rendx/app2), that is reported there.
package xother

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
	echo "github.com/labstack/echo/v5"
)

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func Echo(c *echo.Context, err error) { // want Echo:`renderer\(echo fallback=400 fallbackcode=BAD_REQUEST\)`
	_ = c.JSON(http.StatusBadRequest, body{Code: "BAD_REQUEST", Message: err.Error()})
}

func Fiber(c *fiber.Ctx, err error) error { // want Fiber:`renderer\(fiber fallback=400 fallbackcode=BAD_REQUEST\)`
	return c.Status(http.StatusBadRequest).JSON(body{Code: "BAD_REQUEST", Message: err.Error()})
}
