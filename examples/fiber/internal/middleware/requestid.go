// Package middleware holds the HTTP middleware of the orders API.
package middleware

import (
	"crypto/rand"
	"encoding/hex"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/respond"
)

// RequestID propagates X-Request-ID or mints a new one.
func RequestID() fiber.Handler {
	return func(c fiber.Ctx) error {
		id := c.Get(fiber.HeaderXRequestID)
		if id == "" || len(id) > 64 {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Locals(respond.RequestIDKey, id)
		c.Set(fiber.HeaderXRequestID, id)
		return c.Next()
	}
}
