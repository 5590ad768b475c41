// Command server runs the catalog API.
package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/go-chi/chi/v5"
	chimw "github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/render"

	"example.com/chisvc/internal/catalog"
	"example.com/chisvc/internal/handlers"
	"example.com/chisvc/internal/middleware"
)

var version = "dev"

// devVerifier accepts "<subject>:<role,role>" tokens; local development only.
type devVerifier struct{}

func (devVerifier) Verify(_ context.Context, token string) (*middleware.Claims, error) {
	sub, roles, ok := strings.Cut(token, ":")
	switch {
	case !ok || sub == "":
		return nil, errors.New("malformed token")
	case roles == "expired":
		return nil, middleware.ErrTokenExpired
	case roles == "revoked":
		return nil, middleware.ErrTokenRevoked
	}
	return &middleware.Claims{Subject: sub, Roles: strings.Split(roles, ",")}, nil
}

func main() {
	var maintenance atomic.Bool
	maintenance.Store(os.Getenv("MAINTENANCE") == "1")

	h := &handlers.Handlers{
		Store:   catalog.NewStore(),
		Pricing: &handlers.PricingClient{BaseURL: envOr("PRICING_URL", "http://127.0.0.1:9090"), HTTP: &http.Client{Timeout: 3 * time.Second}},
		HotSKUs: handlers.NewHotSKULimiter(200 * time.Millisecond),
		Build:   version,
	}

	anon := middleware.NewLimiter(60, time.Minute)
	perClient := middleware.NewLimiter(600, time.Minute)
	writes := middleware.NewLimiter(60, time.Minute)
	hooks := middleware.NewLimiter(1200, time.Minute)

	r := chi.NewRouter()
	r.Use(chimw.RequestID, chimw.RealIP, middleware.AccessLog, chimw.Recoverer)
	r.NotFound(handlers.NotFound)
	r.MethodNotAllowed(handlers.MethodNotAllowed)

	r.Get("/healthz", h.Healthz)
	r.Get("/livez", h.Livez)
	r.Get("/readyz", h.Readyz)
	r.Get("/version", h.Version)

	r.Group(func(r chi.Router) {
		r.Use(middleware.Maintenance(maintenance.Load))
		r.Use(render.SetContentType(render.ContentTypeJSON))

		r.With(anon.Anonymous).Get("/feed.xml", h.ShoppingFeed)
		r.With(anon.Anonymous).Get("/v1/products/{sku}/image", h.ProductImage)

		r.Route("/v1", func(r chi.Router) {
			r.Use(middleware.Authenticate(devVerifier{}), perClient.PerClient)
			r.Get("/products", h.ListProducts)
			r.Get("/products/{sku}", h.GetProduct)
			r.Get("/products/{sku}/quote", h.ApplyCoupon)
			r.With(writes.Strict).Post("/products/{sku}/reserve", h.Reserve)
			r.With(writes.Strict).Post("/carts/{cartID}/checkout", h.Checkout)
			r.Get("/stock-levels", h.StockLevels)

			r.Group(func(r chi.Router) {
				r.Use(middleware.RequireRole("merchandiser"), writes.Strict)
				r.Post("/products", h.CreateProduct)
				r.Post("/products/import", h.ImportCSV)
				r.Put("/products/{sku}/price", h.UpdatePrice)
				r.Delete("/products/{sku}", h.DeleteProduct)
			})
		})

		r.With(hooks.Webhooks, middleware.VerifySignature([]byte(os.Getenv("SUPPLIER_SECRET")))).
			Post("/hooks/supplier", h.SupplierWebhook)
	})

	srv := &http.Server{
		Addr:              ":" + envOr("PORT", "8080"),
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
	}

	go func() {
		slog.Info("listening", "addr", srv.Addr, "version", version)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			slog.Error("listen", "err", err)
			os.Exit(1)
		}
	}()

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	<-ctx.Done()

	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		slog.Error("shutdown", "err", err)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
