// Package echo5app: the fixes of an echo v5 service right after apierrlint
// gen (fixgen/echo5/apierr, which no file imports yet).
package echo5app

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func notFound(c *echo.Context) error {
	return c.String(http.StatusNotFound, "no such pet") // want `raw-http-error: \(\*echo\.Context\)\.String sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
}

func noContent(c *echo.Context) error {
	return c.NoContent(http.StatusForbidden) // want `raw-http-error: \(\*echo\.Context\)\.NoContent sends status 403 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 403 has 3 codes; set default-codes\)`
}

func shapeMap(c *echo.Context) error {
	return c.JSON(http.StatusNotFound, map[string]string{"detail": "no such pet"}) // want `error-body-shape: the error body \{"detail"\}: no "code" and no "message" key;`
}

func main() {
	e := echo.New() // want `default-error-response: echo\.New without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set its HTTPErrorHandler to a handler that sends the documented JSON error body`
	e.GET("/", notFound)
	_ = e.Start(":8080")
}
