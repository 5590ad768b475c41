// Command api serves the projects API, the operator console and the metrics
// endpoint.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/labstack/echo/v5"
	echomw "github.com/labstack/echo/v5/middleware"

	"example.com/echo5svc/internal/admin"
	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/config"
	"example.com/echo5svc/internal/handlers"
	"example.com/echo5svc/internal/middleware"
	"example.com/echo5svc/internal/observability"
	"example.com/echo5svc/internal/ratelimit"
	"example.com/echo5svc/internal/store"
)

func main() {
	cfg := config.Load()
	logger := slog.New(slog.NewJSONHandler(os.Stdout, &slog.HandlerOptions{Level: slog.LevelInfo}))
	mem := store.NewMemory()

	e := echo.New()
	e.Logger = logger
	e.Use(middleware.RequestID())
	e.Use(echomw.Recover())

	h := handlers.New(mem, cfg, logger)
	e.GET("/healthz", h.Live)
	e.GET("/readyz", h.Ready)

	webhookLimit := echomw.RateLimiterWithConfig(echomw.RateLimiterConfig{
		Store: store.NewLimiterStore(600, time.Minute),
		ErrorHandler: func(c *echo.Context, err error) error {
			return apierr.Forbidden("Partner could not be identified")
		},
		DenyHandler: func(c *echo.Context, id string, err error) error {
			return apierr.RateLimited(time.Minute)
		},
	})
	e.Any("/webhooks/*", echo.WrapHandler(h.Webhooks()), webhookLimit)

	maintenance := func() bool { return cfg.Maintenance || admin.Maintenance.Load() }
	api := e.Group("/api/v1",
		middleware.Maintenance(maintenance, 0),
		middleware.Auth(mem),
		middleware.Quota(ratelimit.NewQuota(100_000, 30*24*time.Hour)),
	)
	api.Use(echomw.RateLimiter(store.NewLimiterStore(int(cfg.RequestsPerS), time.Second)))
	api.Use(middleware.Burst(ratelimit.NewQuota(50, 10*time.Second)))
	h.Register(api)

	e.HTTPErrorHandler = apierr.NewRenderer(logger).Handle

	metrics := echo.New()
	observability.Install(metrics, logger)

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	servers := []struct {
		name, addr string
		h          http.Handler
	}{
		{"api", cfg.Addr, e},
		{"admin", cfg.AdminAddr, admin.NewServer(mem, logger)},
		{"metrics", cfg.MetricsAddr, metrics},
	}
	var wg sync.WaitGroup
	for _, s := range servers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sc := echo.StartConfig{Address: s.addr, HideBanner: true, GracefulTimeout: 15 * time.Second}
			if err := sc.Start(ctx, s.h); err != nil && !errors.Is(err, http.ErrServerClosed) {
				logger.Error("server stopped", "server", s.name, "error", err)
				stop()
			}
		}()
	}
	handlers.MarkReady()
	wg.Wait()
}
