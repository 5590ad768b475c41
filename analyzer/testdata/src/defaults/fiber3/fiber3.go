// Package fiber3 makes fiber v3 apps and middleware that keep fiber's own
// plain-text error answers, and look-alikes that must stay silent.
package fiber3

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/keyauth"
	"github.com/gofiber/fiber/v3/middleware/limiter"
)

func handler(c fiber.Ctx) error { return c.JSON(fiber.Map{"ok": true}) }

func main() {
	app := fiber.New(fiber.Config{AppName: "orders", BodyLimit: 1 << 20})                                                   // want `default-error-response: fiber.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
	app.Use(limiter.New(limiter.Config{Max: 100}))                                                                          // want `default-error-response: limiter\.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set`
	app.Use(keyauth.New(keyauth.Config{Validator: func(c fiber.Ctx, key string) (bool, error) { return key == "k", nil }})) // want `default-error-response: keyauth\.New without an ErrorHandler answers a missing or invalid key with a plain-text 401; set`
	app.Get("/", handler)
	_ = app.Listen(":3000")
}

// v3 mounts an app with Use: the parent's ErrorHandler answers for it.
func mounted(parent *fiber.App) {
	sub := fiber.New()
	sub.Get("/", handler)
	parent.Use("/sub", sub)
}
