package fiber3ok // want package:"holds error helpers or types"

// fiber3ok replaces fiber v3's defaults in their configs: nothing to
// report.

import (
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/keyauth"
	"github.com/gofiber/fiber/v3/middleware/limiter"
)

func render(c fiber.Ctx, err error) error { // want render:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)`
	return c.Status(500).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
}

func tooMany(c fiber.Ctx) error { // want tooMany:`helper\(writes retryafter\)`
	c.Set("Retry-After", "30")
	return c.Status(429).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
}

func main() {
	app := fiber.New(fiber.Config{ErrorHandler: render})
	app.Use(limiter.New(limiter.Config{Max: 100, LimitReached: tooMany}))
	app.Use(keyauth.New(keyauth.Config{ErrorHandler: render}))
	_ = app.Listen(":3000")
}
