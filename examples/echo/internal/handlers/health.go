package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/respond"
)

// Healthz is the liveness probe.
func (h *Handler) Healthz(c echo.Context) error {
	return c.String(http.StatusOK, "ok")
}

// Readyz is the readiness probe.
func (h *Handler) Readyz(c echo.Context) error {
	if h.InMaintenance {
		return respond.Error(c, http.StatusServiceUnavailable, apierr.CodeUnavailable, "maintenance in progress")
	}
	return c.JSON(http.StatusOK, echo.Map{"status": "ready", "uptime": time.Since(h.Started).String()})
}
