// Package limiter is a stub of github.com/gofiber/fiber/v2/middleware/limiter
// v2.52.15 for the analyzer's fixtures (TestTables checks it).
package limiter

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Config defines the config for middleware (a few of its fields).
type Config struct {
	Max          int
	KeyGenerator func(*fiber.Ctx) string
	Expiration   time.Duration
	LimitReached fiber.Handler
}

// New creates a new middleware handler.
func New(config ...Config) fiber.Handler { return nil }
