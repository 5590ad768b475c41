// Package keyauth is a stub of github.com/gofiber/fiber/v3/middleware/keyauth
// v3.5.0 for the analyzer's fixtures (TestTables checks it).
package keyauth

import "github.com/gofiber/fiber/v3"

// Config defines the config for middleware (a few of its fields).
type Config struct {
	SuccessHandler fiber.Handler
	ErrorHandler   fiber.ErrorHandler
	Validator      func(c fiber.Ctx, key string) (bool, error)
}

// New creates a new middleware handler.
func New(config ...Config) fiber.Handler { return nil }
