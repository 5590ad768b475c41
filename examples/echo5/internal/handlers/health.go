package handlers

import (
	"net/http"
	"sync/atomic"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
)

var ready atomic.Bool

// MarkReady flips the readiness probe once startup work is done.
func MarkReady() { ready.Store(true) }

// Live is the liveness probe.
func (h *Handler) Live(c *echo.Context) error {
	return c.String(http.StatusOK, "ok")
}

// Ready is the readiness probe.
func (h *Handler) Ready(c *echo.Context) error {
	if !ready.Load() {
		return apierr.Unavailable("Starting up", 5*time.Second)
	}
	return c.JSON(http.StatusOK, map[string]any{"status": "ready", "exports": h.Exports.slots})
}
