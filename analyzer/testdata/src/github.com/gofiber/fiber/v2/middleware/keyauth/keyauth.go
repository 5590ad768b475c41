// Package keyauth is a stub of github.com/gofiber/fiber/v2/middleware/keyauth
// v2.52.15 for the analyzer's fixtures (TestTables checks it).
package keyauth

import "github.com/gofiber/fiber/v2"

// Config defines the config for middleware (a few of its fields).
type Config struct {
	SuccessHandler fiber.Handler
	ErrorHandler   fiber.ErrorHandler
	KeyLookup      string
	Validator      func(*fiber.Ctx, string) (bool, error)
}

// New creates a new middleware handler.
func New(config ...Config) fiber.Handler { return nil }
