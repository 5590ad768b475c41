// Command echosvc serves the inventory API.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/labstack/echo/v4"
	echomw "github.com/labstack/echo/v4/middleware"

	"example.com/echosvc/internal/catalog"
	"example.com/echosvc/internal/handlers"
	"example.com/echosvc/internal/middleware"
	"example.com/echosvc/internal/respond"
)

func env(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func envInt(key string, def int) int {
	if n, err := strconv.Atoi(os.Getenv(key)); err == nil {
		return n
	}
	return def
}

func main() {
	st := catalog.New()
	h := handlers.New(st, env("PRICING_URL", "http://pricing.internal"))
	h.InMaintenance = os.Getenv("MAINTENANCE") == "1"
	h.ReadOnly = os.Getenv("READ_ONLY") == "1"

	keys := middleware.KeyStore{
		env("ADMIN_KEY", "dev-admin"):     {Client: "ops", Scopes: []string{"read", "write", "admin"}},
		env("PARTNER_KEY", "dev-partner"): {Client: "partner", Scopes: []string{"read", "write"}, Secret: []byte(env("PARTNER_SECRET", "s3cret"))},
	}

	var stockCountUntil atomic.Int64
	counting := func() (bool, time.Time) {
		until := time.Unix(stockCountUntil.Load(), 0)
		return time.Now().Before(until), until
	}

	e := echo.New()
	e.HideBanner = true
	e.HTTPErrorHandler = respond.HTTPErrorHandler
	e.Use(middleware.RequestID, echomw.Recover(), echomw.BodyLimit("10M"))

	e.GET("/healthz", h.Healthz)
	e.GET("/readyz", h.Readyz)
	e.GET("/maintenance", h.Maintenance)
	e.GET("/feeds/products.xml", echo.WrapHandler(handlers.LegacyFeed(st)))
	e.GET("/assets/*", echo.WrapHandler(handlers.Assets(env("ASSETS_DIR", "./assets"))))

	limiter := middleware.NewRateLimiter(envInt("RATE_LIMIT", 120), envInt("GLOBAL_RATE_LIMIT", 5000), time.Minute, 10*time.Minute)

	v1 := e.Group("/v1", middleware.Authenticate(keys), limiter.Middleware, middleware.VerifySignature, middleware.WriteGuard(counting))
	v1.GET("/products", h.ListProducts)
	v1.GET("/products/:sku", h.GetProduct)
	v1.GET("/products/:sku/image", h.ProductImage)
	v1.GET("/products/:sku/price", h.Pricing)
	v1.GET("/exports/catalog.csv", h.ExportCSV)
	v1.POST("/products", h.CreateProduct, middleware.RequireScope("write"))
	v1.DELETE("/products/:sku", h.DeleteProduct, middleware.RequireScope("write"))
	v1.POST("/reservations", h.Reserve)
	v1.GET("/reservations/:id", h.ReservationStatus)
	v1.POST("/reservations/:id/confirm", h.Confirm)
	v1.POST("/imports", echo.WrapHandler(&handlers.BulkImport{Store: st}), middleware.RequireScope("write"))

	admin := v1.Group("/admin", middleware.RequireScope("admin"))
	admin.GET("", h.Dashboard)
	admin.POST("/stock/:sku/adjust", h.AdjustStock)
	admin.POST("/reindex", h.Reindex)
	admin.GET("/imports/last/report", h.RawValidation)
	admin.POST("/stock-count", func(c echo.Context) error {
		stockCountUntil.Store(time.Now().Add(5 * time.Minute).Unix())
		return c.NoContent(http.StatusAccepted)
	})

	go func() {
		if err := e.Start(env("ADDR", ":8080")); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("server", "err", err)
			os.Exit(1)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = e.Shutdown(shutdownCtx)
}
