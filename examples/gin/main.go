// Command ginsvc serves the orders API.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"syscall"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/audit"
	"example.com/ginsvc/internal/handlers"
	"example.com/ginsvc/internal/middleware"
	"example.com/ginsvc/internal/store"
)

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return v
	}
	return def
}

func main() {
	gin.SetMode(env("GIN_MODE", gin.ReleaseMode))

	st := store.NewMemory()
	tokens := &middleware.Tokens{Secret: []byte(env("TOKEN_SECRET", "dev-secret")), Revoked: map[string]bool{}}
	throttle := middleware.NewLoginThrottle(5, 15*time.Minute)
	limiter := middleware.NewLimiter(10, 20, 500)
	auditLog := &audit.Log{}

	h := &handlers.Handler{
		Cfg: handlers.Config{
			Version:         env("VERSION", "dev"),
			MonthlyQuota:    envInt("MONTHLY_QUOTA", 200),
			OrdersPerMinute: envInt("ORDERS_PER_MINUTE", 5),
			AdvertiseRetry:  os.Getenv("ADVERTISE_RETRY") == "1",
			BillingURL:      env("BILLING_URL", "http://billing.internal"),
			TokenTTL:        12 * time.Hour,
			Maintenance:     os.Getenv("MAINTENANCE") == "1",
		},
		Store:    st,
		Tokens:   tokens,
		Throttle: throttle,
		Audit:    auditLog,
		Started:  time.Now(),
	}

	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(middleware.RequestID(), middleware.AccessLog(), middleware.Recovery(), middleware.ErrorRenderer())
	r.NoRoute(handlers.NoRoute)
	r.NoMethod(handlers.NoMethod)

	r.GET("/healthz", h.Healthz)
	r.GET("/readyz", h.Readyz)
	r.GET("/version", h.Version)
	r.GET("/maintenance", h.Maintenance)
	r.GET("/debug/vars", gin.WrapF(handlers.DebugVars))
	r.POST("/webhooks/payments", gin.WrapH(handlers.NewPaymentsWebhook([]byte(env("WEBHOOK_SECRET", "whsec")), st)))

	v1 := r.Group("/v1", limiter.Middleware(), middleware.CSRF())
	v1.POST("/users", h.Register)
	v1.POST("/sessions", throttle.Middleware(), h.Login)

	authed := v1.Group("", middleware.Auth(tokens))
	authed.GET("/me", h.Me)
	authed.GET("/users/:id", h.GetUser)
	authed.PATCH("/users/:id", h.UpdateUser)
	authed.POST("/orders", h.CreateOrder)
	authed.GET("/orders", h.ListOrders)
	authed.GET("/orders/:id", h.GetOrder)
	authed.DELETE("/orders/:id", h.CancelOrder)
	authed.GET("/orders/:id/receipt", h.Receipt)
	authed.GET("/exports/orders.csv", middleware.Concurrency(2), h.ExportOrders)

	admin := authed.Group("/admin", middleware.RequireRole("admin"))
	admin.POST("/users/:id/disable", h.DisableUser)
	admin.POST("/reindex", h.Reindex)
	admin.POST("/compact", h.Compact)
	admin.GET("/invoices/:id", h.BillingProxy)
	admin.GET("/stats", h.Stats)

	srv := &http.Server{
		Addr:              env("ADDR", ":8080"),
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
		WriteTimeout:      30 * time.Second,
	}

	go func() {
		t := time.NewTicker(10 * time.Second)
		defer t.Stop()
		for range t.C {
			auditLog.Flush()
		}
	}()

	go func() {
		slog.Info("listening", "addr", srv.Addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("server", "err", err)
			os.Exit(1)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdownCtx)
	auditLog.Flush()
}
