// Command api runs the orders API.
package main

import (
	"context"
	"errors"
	"log/slog"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/recover"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/handlers"
	"example.com/fibersvc/internal/middleware"
	"example.com/fibersvc/internal/respond"
	"example.com/fibersvc/internal/store"
)

// errorHandler renders every error a handler returns as the JSON envelope.
func errorHandler(c fiber.Ctx, err error) error {
	var he *apierr.HTTPError
	if errors.As(err, &he) {
		if he.Status >= fiber.StatusInternalServerError {
			slog.Error("handler error", "err", err, "path", c.Path())
		}
		return respond.HTTPError(c, he)
	}

	code := fiber.StatusInternalServerError
	msg := "internal server error"
	var fe *fiber.Error
	if errors.As(err, &fe) {
		code = fe.Code
		msg = fe.Message
	}
	if code == fiber.StatusTooManyRequests && c.GetRespHeader(fiber.HeaderRetryAfter) == "" {
		c.Set(fiber.HeaderRetryAfter, "1")
	}
	return respond.Error(c, code, apierr.CodeForStatus(code), msg)
}

// staticVerifier accepts tokens of the form "<user>:<role>[,role...]" and is
// only meant for local development.
type staticVerifier struct{ disabled map[string]bool }

func (v staticVerifier) Verify(token string) (*middleware.Claims, error) {
	user, roles, ok := strings.Cut(token, ":")
	if !ok || user == "" {
		return nil, errors.New("bad token")
	}
	if roles == "expired" {
		return nil, middleware.ErrTokenExpired
	}
	return &middleware.Claims{Subject: user, Roles: strings.Split(roles, ","), Disabled: v.disabled[user]}, nil
}

type noopGateway struct{}

func (noopGateway) Charge(string, int64) error { return nil }
func (noopGateway) Refund(string, int64) error { return nil }

type devAuth struct{}

func (devAuth) Login(email, _ string) (string, bool, bool) { return email, false, email != "" }
func (devAuth) Refresh(sid string) (string, bool, error)   { return sid, false, nil }
func (devAuth) Logout(string)                              {}
func (devAuth) MFAFailures(string) (int, time.Duration)    { return 0, 0 }

func main() {
	var maintenance atomic.Bool
	maintenance.Store(os.Getenv("MAINTENANCE") == "1")

	st := store.New()
	api := &handlers.API{
		Store:    st,
		Payments: noopGateway{},
		Sessions: middleware.NewLimiter(3, time.Hour),
		Exports:  &handlers.ExportQuota{Monthly: 20, Cooldown: time.Minute},
		Ready:    func() bool { return !maintenance.Load() },
	}
	authH := &handlers.AuthHandlers{Auth: devAuth{}, API: api}

	app := fiber.New(fiber.Config{
		AppName:      "orders-api",
		ErrorHandler: errorHandler,
		ReadTimeout:  10 * time.Second,
		WriteTimeout: 30 * time.Second,
		BodyLimit:    1 << 20,
	})

	app.Use(recover.New())
	app.Use(middleware.RequestID())
	app.Get("/healthz", api.Healthz)
	app.Get("/livez", api.Livez)
	app.Get("/readyz", api.Readyz)
	app.Get("/metrics", api.Metrics)
	app.Get("/version", api.Version)

	app.Use(middleware.Maintenance(maintenance.Load))
	app.Use(middleware.Global(300, time.Minute))

	perClient := middleware.NewLimiter(120, time.Minute)
	loginLimiter := middleware.NewLimiter(10, time.Minute)
	searchLimiter := middleware.NewLimiter(20, time.Minute)
	hookLimiter := middleware.NewLimiter(600, time.Minute)
	verifier := staticVerifier{disabled: map[string]bool{}}

	v1 := app.Group("/v1")
	auth := v1.Group("/auth")
	auth.Post("/login", loginLimiter.Login(), authH.Login)
	auth.Post("/refresh", authH.Refresh)
	auth.Post("/logout", authH.Logout)
	auth.Post("/password-reset", authH.PasswordReset)

	secured := v1.Group("", middleware.RequireAuth(verifier), perClient.PerClient())
	secured.Get("/users", middleware.RequireRole("support"), api.ListUsers)
	secured.Post("/users", middleware.RequireRole("admin"), api.CreateUser)
	secured.Get("/users/:id", api.GetUser)
	secured.Patch("/users/:id", api.UpdateUser)
	secured.Delete("/users/:id", middleware.RequireRole("admin"), api.DeleteUser)
	secured.Get("/users/:id/avatar", api.Avatar)

	secured.Get("/orders/export", api.ExportOrders)
	secured.Get("/orders/search", searchLimiter.Search(), api.SearchOrders)
	secured.Post("/orders", api.CreateOrder)
	secured.Post("/orders/bulk-cancel", middleware.RequireRole("support"), api.BulkCancel)
	secured.Get("/orders/:id", api.GetOrder)
	secured.Post("/orders/:id/cancel", api.CancelOrder)
	secured.Post("/orders/:id/refund", middleware.RequireRole("support"), api.RefundOrder)
	secured.Post("/orders/:id/ship", middleware.RequireRole("warehouse"), api.ShipOrder)

	partner := app.Group("/partner", middleware.RequireAPIKey(map[string]string{os.Getenv("PARTNER_KEY"): "acme"}), hookLimiter.Webhooks())
	partner.Get("/order-status", api.PartnerOrderStatus)

	app.Use(func(c fiber.Ctx) error {
		return respond.Error(c, fiber.StatusNotFound, apierr.CodeNotFound, "no route for "+c.Method()+" "+c.Path())
	})

	go func() {
		if err := app.Listen(":" + envOr("PORT", "8080")); err != nil {
			slog.Error("listen", "err", err)
			os.Exit(1)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := app.ShutdownWithContext(shutdownCtx); err != nil {
		slog.Error("shutdown", "err", err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
