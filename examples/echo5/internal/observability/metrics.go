// Package observability serves the metrics endpoint scraped by Prometheus.
package observability

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
)

// Install mounts the metrics routes on e and its error renderer.
func Install(e *echo.Echo, logger *slog.Logger) {
	e.Logger = logger.With("server", "metrics")
	e.HTTPErrorHandler = renderError
	e.GET("/metrics", metrics)
}

func metrics(c *echo.Context) error {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	var b strings.Builder
	fmt.Fprintf(&b, "go_goroutines %d\n", runtime.NumGoroutine())
	fmt.Fprintf(&b, "go_memstats_heap_alloc_bytes %d\n", ms.HeapAlloc)
	return c.String(http.StatusOK, b.String())
}

// renderError answers the scraper in the API's error format.
func renderError(c *echo.Context, err error) {
	if errors.Is(err, echo.ErrNotFound) {
		_ = c.JSON(http.StatusNotFound, apierr.Body{Code: apierr.CodeNotFound, Message: "No such metrics endpoint"})
		return
	}
	_ = c.JSON(http.StatusInternalServerError, apierr.Body{Code: apierr.CodeInternal, Message: "Metrics are unavailable"})
}
