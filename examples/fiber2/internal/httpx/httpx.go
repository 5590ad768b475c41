package httpx

import (
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/gofiber/fiber/v2"
)

const requestIDKey = "request_id"

// RequestIDs assigns every request an ID, echoed in X-Request-ID.
func RequestIDs() fiber.Handler {
	return func(c *fiber.Ctx) error {
		id := c.Get(fiber.HeaderXRequestID)
		if len(id) != 32 {
			var b [16]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Locals(requestIDKey, id)
		c.Set(fiber.HeaderXRequestID, id)
		return c.Next()
	}
}

// RequestID returns the current request's ID.
func RequestID(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey).(string)
	return id
}

// JSON writes v with status.
func JSON[T any](c *fiber.Ctx, status int, v T) error {
	return c.Status(status).JSON(v)
}

// Parse decodes the body into v and runs its Check method, if any.
func Parse(c *fiber.Ctx, v any) error {
	if err := c.BodyParser(v); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "Malformed request body: "+err.Error())
	}
	if ch, ok := v.(interface{ Check() []string }); ok {
		if problems := ch.Check(); len(problems) > 0 {
			return &InvalidInput{Problems: problems}
		}
	}
	return nil
}

// Page is the envelope of list responses.
type Page[T any] struct {
	Items []T    `json:"items"`
	Total int    `json:"total"`
	Next  string `json:"next,omitempty"`
}

// Cursor formats a list cursor.
func Cursor(offset int) string { return fmt.Sprintf("o%d", offset) }
