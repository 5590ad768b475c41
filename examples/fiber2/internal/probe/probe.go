// Package probe serves the kubelet's liveness and readiness probes on their
// own port, so that a saturated API listener does not fail them.
package probe

import (
	"sync/atomic"

	"github.com/gofiber/fiber/v2"
)

// Ready is set once the API has loaded its caches.
var Ready atomic.Bool

// New returns the probe app.
func New() *fiber.App {
	app := fiber.New(fiber.Config{
		AppName:               "shop-probe",
		DisableStartupMessage: true,
	})
	app.Get("/livez", func(c *fiber.Ctx) error {
		return c.SendString("ok")
	})
	app.Get("/readyz", func(c *fiber.Ctx) error {
		if !Ready.Load() {
			return fiber.ErrServiceUnavailable
		}
		return c.SendString("ready")
	})
	return app
}
