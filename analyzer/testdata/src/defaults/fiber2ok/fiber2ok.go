// Package fiber2ok replaces fiber's own error answers: nothing to report. // want package:"holds error helpers or types"
package fiber2ok

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func errorHandler(c *fiber.Ctx, err error) error { // want errorHandler:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)`
	return c.Status(500).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error", "details": fiber.Map{}, "request_id": ""})
}

func main() {
	app := fiber.New(fiber.Config{ErrorHandler: errorHandler})
	app.Use(limiter.New(limiter.Config{Max: 5, LimitReached: func(c *fiber.Ctx) error { return errorHandler(c, nil) }}))
	app.Use(keyauth.New(keyauth.Config{ErrorHandler: errorHandler}))
	_ = app.Listen(":3000")
}

// The package replaces the ErrorHandler (in main): every app it makes
// counts as replaced, as the app may be configured like main's.
func admin() {
	a := fiber.New()
	a.Get("/", func(c *fiber.Ctx) error { return nil })
}

// A config set field by field before the app is made, in another function.
func other() {
	cfg := limiter.Config{Max: 10}
	cfg.LimitReached = func(c *fiber.Ctx) error { return errorHandler(c, nil) }
	a := fiber.New()
	a.Use(limiter.New(cfg))
}
