// Package echo4app: the fixes of an echo v4 service right after apierrlint
// gen (fixgen/echo4/apierr, which no file imports yet): a handler that
// returns a raw write returns the writer's call, whose result is an error
// too.
package echo4app

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func notFound(c echo.Context) error {
	return c.String(http.StatusNotFound, "no such pet") // want `raw-http-error: \(echo\.Context\)\.String sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
}

func noContent(c echo.Context) error {
	return c.NoContent(http.StatusUnauthorized) // want `raw-http-error: \(echo\.Context\)\.NoContent sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func html(c echo.Context) error {
	return c.HTML(http.StatusBadRequest, "<p>bad input</p>") // want `raw-http-error: \(echo\.Context\)\.HTML sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
}

// A write whose error is dropped: the writer's call is a statement too.
func statement(c echo.Context) error {
	c.String(http.StatusConflict, "taken") // want `raw-http-error: \(echo\.Context\)\.String sends a non-JSON body with status 409; send a JSON error body with code CONFLICT`
	return nil
}

// Look-alikes.

func several(c echo.Context) error {
	return c.String(http.StatusInternalServerError, "boom") // want `raw-http-error: \(echo\.Context\)\.String sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

func okBody(c echo.Context) error {
	return c.JSON(http.StatusOK, echo.Map{"error": "none"})
}

func shapeMap(c echo.Context) error {
	return c.JSON(http.StatusNotFound, map[string]any{"message": "no such pet", "pet": 7}) // want `error-body-shape: the error body \{"message", "pet"\}: no "code" key;`
}

func shapeEcho(c echo.Context) error {
	return c.JSON(http.StatusUnauthorized, echo.Map{"error": "who are you"}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key;`
}

// default-error-response: gen's HTTPErrorHandler, set after echo.New.
func main() {
	e := echo.New() // want `default-error-response: echo\.New without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set its HTTPErrorHandler to a handler that sends the documented JSON error body`
	e.GET("/", notFound)
	_ = e.Start(":8080")
}
