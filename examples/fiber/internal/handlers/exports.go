package handlers

import (
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
)

// exportCooldown is how long a user waits between two CSV exports.
const exportCooldown = 2 * time.Minute

var lastExport = map[string]time.Time{}

// ExportOrdersCSV streams the caller's orders as CSV, at most once per
// cooldown.
func (a *API) ExportOrdersCSV(c fiber.Ctx) error {
	user := c.Get("X-User-ID")
	if since := time.Since(lastExport[user]); since < exportCooldown {
		c.Set(fiber.HeaderRetryAfter, "2m")
		return c.Status(fiber.StatusTooManyRequests).JSON(apierr.Error{Code: apierr.CodeRateLimited, Message: "one export every two minutes"})
	}
	lastExport[user] = time.Now()
	c.Set(fiber.HeaderContentType, "text/csv")
	return c.SendString("id,total\n")
}
