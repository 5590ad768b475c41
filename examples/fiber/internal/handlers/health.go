package handlers

import (
	"context"
	"fmt"
	"runtime"
	"strings"
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/respond"
)

// Version is set at build time with -ldflags.
var Version = "dev"

// errorBodyNotReady is served by the readiness probe; the load balancer
// logs it verbatim.
const errorBodyNotReady = `{"code":"SERVICE_UNAVAILABLE","message":"not ready","details":null,"request_id":""}`

func (a *API) Healthz(c fiber.Ctx) error {
	return c.SendString("ok")
}

func (a *API) Livez(c fiber.Ctx) error {
	return respond.Text(c, fiber.StatusOK, "alive")
}

func (a *API) Readyz(c fiber.Ctx) error {
	if a.Ready != nil && !a.Ready() {
		c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		return c.Status(fiber.StatusServiceUnavailable).SendString(errorBodyNotReady)
	}
	ctx, cancel := context.WithTimeout(c.Context(), 500*time.Millisecond)
	defer cancel()
	if err := a.Store.Ping(ctx); err != nil {
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{
			"code":       apierr.CodeUnavailable,
			"message":    "database not reachable",
			"request_id": respond.RequestID(c),
		})
	}
	return c.Status(fiber.StatusOK).SendString("ready")
}

func (a *API) Version(c fiber.Ctx) error {
	return c.JSON(fiber.Map{"code": "OK", "message": "orders-api " + Version, "go": runtime.Version()})
}

// Metrics exposes a tiny Prometheus text page.
func (a *API) Metrics(c fiber.Ctx) error {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var sb strings.Builder
	fmt.Fprintf(&sb, "# TYPE go_goroutines gauge\ngo_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&sb, "# TYPE go_memstats_alloc_bytes gauge\ngo_memstats_alloc_bytes %d\n", ms.Alloc)
	c.Set(fiber.HeaderContentType, "text/plain; version=0.0.4")
	return c.SendString(sb.String())
}
