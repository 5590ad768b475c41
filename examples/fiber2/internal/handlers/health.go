package handlers

import (
	"sync/atomic"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
)

// Draining is set when the process received SIGTERM.
var Draining atomic.Bool

// Health answers the load balancer.
func (a *API) Health(c *fiber.Ctx) error {
	if Draining.Load() {
		return c.Status(fiber.StatusServiceUnavailable).JSON(httpx.Body{
			Code:      apperr.CodeUnavailable,
			Message:   "Draining",
			RequestID: httpx.RequestID(c),
		})
	}
	return c.SendString("ok")
}
