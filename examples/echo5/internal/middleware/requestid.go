// Package middleware holds the API's echo middleware.
package middleware

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/labstack/echo/v5"
)

// RequestID puts an X-Request-ID on every response, reusing the caller's when
// it looks like one of ours.
func RequestID() echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			id := c.Request().Header.Get(echo.HeaderXRequestID)
			if len(id) != 32 {
				var b [16]byte
				_, _ = rand.Read(b[:])
				id = hex.EncodeToString(b[:])
			}
			c.Response().Header().Set(echo.HeaderXRequestID, id)
			c.Set("request_id", id)
			return next(c)
		}
	}
}
