// Package echo5app: echo v5, where *echo.Context is a struct. // want package:"holds error helpers or types"
package echo5app

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func handler(c *echo.Context) error { // want handler:`helper\(writes retryafter\)`
	if c.Param("id") == "" {
		return c.JSON(http.StatusBadRequest, map[string]any{"code": "VALIDATION_ERROR", "message": "id"}) // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 400`
	}
	if c.Param("id") == "0" {
		return c.String(http.StatusNotFound, "not found") // want `raw-http-error: \(\*echo.Context\).String sends a non-JSON body with status 404`
	}
	if c.Param("id") == "1" {
		return echo.NewHTTPError(http.StatusForbidden, "forbidden") // rendered by the HTTPErrorHandler
	}
	if c.Param("id") == "2" {
		return c.NoContent(http.StatusTooManyRequests) // want `raw-http-error: \(\*echo.Context\).NoContent sends status 429` `missing-retry-after: 429 response`
	}
	c.Response().Header().Set("Retry-After", "1")
	return c.JSON(http.StatusTooManyRequests, map[string]string{"code": "RATE_LIMIT_EXCEEDED", "message": "later"})
}
