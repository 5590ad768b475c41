// Package limiter is a stub of github.com/gofiber/fiber/v3/middleware/limiter
// v3.5.0 for the analyzer's fixtures (TestTables checks it).
package limiter

import (
	"time"

	"github.com/gofiber/fiber/v3"
)

// Config defines the config for middleware (a few of its fields).
type Config struct {
	KeyGenerator func(fiber.Ctx) string
	LimitReached fiber.Handler
	Max          int
	Expiration   time.Duration
}

// New creates a new middleware handler.
func New(config ...Config) fiber.Handler { return nil }
