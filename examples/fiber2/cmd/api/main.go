// Command api serves the shop API and its probe listener.
package main

import (
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
	"github.com/gofiber/fiber/v2/middleware/recover"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/config"
	"example.com/fiber2svc/internal/handlers"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/middleware"
	"example.com/fiber2svc/internal/probe"
	"example.com/fiber2svc/internal/ratelimit"
	"example.com/fiber2svc/internal/store"
)

func main() {
	cfg := config.Load()
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stdout, nil)))
	mem := store.NewMemory()

	fcfg := fiber.Config{
		AppName:      "shop-api",
		BodyLimit:    cfg.BodyLimit,
		ReadTimeout:  15 * time.Second,
		WriteTimeout: 30 * time.Second,
	}
	fcfg.ErrorHandler = httpx.ErrorHandler
	app := fiber.New(fcfg)
	app.Use(recover.New(), httpx.RequestIDs(), middleware.Timeout(20*time.Second))

	api := handlers.New(mem, cfg)
	app.Get("/healthz", api.Health)
	app.Post("/webhooks/payments", api.PaymentWebhook([]byte(os.Getenv("PAYMENTS_WEBHOOK_SECRET"))))

	public := app.Group("/public/v1",
		limiter.New(limiter.Config{
			Max:        120,
			Expiration: time.Minute,
		}),
		middleware.SearchThrottle(ratelimit.NewWindow(30, time.Minute)),
	)
	api.Public(public)

	private := app.Group("/api/v1",
		limiter.New(limiter.Config{
			Max:          600,
			Expiration:   time.Minute,
			KeyGenerator: func(c *fiber.Ctx) string { return c.Get(fiber.HeaderAuthorization) },
			LimitReached: func(c *fiber.Ctx) error { return fiber.ErrTooManyRequests },
		}),
		middleware.Auth(mem),
		middleware.DailyQuota(ratelimit.NewWindow(50_000, 24*time.Hour)),
		middleware.ReadOnly(func() bool { return cfg.ReadOnly }),
	)
	checkout := limiter.New(limiter.Config{
		Max:        cfg.CheckoutPerMin,
		Expiration: time.Minute,
		LimitReached: func(c *fiber.Ctx) error {
			return apperr.RateLimited(time.Minute)
		},
	})
	api.Private(private, middleware.CheckoutThrottle(ratelimit.NewWindow(cfg.CheckoutPerMin*2, time.Minute), cfg.AdvertiseRetry))
	private.Post("/carts/:id/checkout", checkout, api.PlaceOrder)

	probes := probe.New()
	go func() {
		if err := probes.Listen(cfg.ProbeAddr); err != nil {
			slog.Error("probe listener stopped", "error", err)
		}
	}()

	go func() {
		sig := make(chan os.Signal, 1)
		signal.Notify(sig, os.Interrupt, syscall.SIGTERM)
		<-sig
		handlers.Draining.Store(true)
		time.Sleep(5 * time.Second)
		_ = probes.Shutdown()
		_ = app.ShutdownWithTimeout(cfg.ShutdownGrace)
	}()

	probe.Ready.Store(true)
	if err := app.Listen(cfg.Addr); err != nil {
		slog.Error("api listener stopped", "error", err)
		os.Exit(1)
	}
}
