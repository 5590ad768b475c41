// Command petstore serves the pet store API.
package main

import (
	"context"
	"errors"
	"flag"
	"log/slog"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"example.com/petstore/internal/api"
	"example.com/petstore/internal/handlers"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/payments"
	"example.com/petstore/internal/store"
)

func main() {
	addr := flag.String("addr", ":8080", "listen address")
	supplierURL := flag.String("supplier-url", "https://supplier.example.com", "base URL of the supplier stock API")
	quota := flag.Int("partner-quota", 10000, "daily request quota per partner API key")
	flag.Parse()

	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))
	slog.SetDefault(logger)

	st := store.New()
	if err := seed(context.Background(), st); err != nil {
		logger.Error("seeding store", "err", err)
		os.Exit(1)
	}

	maint := &middleware.Maintenance{}
	h := handlers.New(handlers.Config{
		Store:         st,
		Payments:      &payments.Sandbox{Limit: 500_00},
		SupplierURL:   *supplierURL,
		WebhookSecret: []byte(os.Getenv("PAYMENT_WEBHOOK_SECRET")),
		ShipperSecret: []byte(os.Getenv("COURIER_WEBHOOK_SECRET")),
		Maintenance:   maint,
		Logger:        logger,
	})

	authn := &middleware.Authenticator{Store: st}
	userLimiter := middleware.NewRateLimiter(5, 20)
	authed := func(hf http.HandlerFunc) http.Handler {
		return authn.Require(userLimiter.PerUser(hf))
	}
	staff := func(hf http.HandlerFunc) http.Handler {
		return authed(middleware.RequireRole("admin", hf).ServeHTTP)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", handlers.Healthz)
	mux.HandleFunc("GET /readyz", h.Readyz)
	mux.HandleFunc("GET /favicon.ico", http.NotFound)
	mux.Handle("/static/", http.NotFoundHandler())

	mux.HandleFunc("GET /pets", h.ListPets)
	mux.HandleFunc("GET /pets/{id}", h.GetPet)
	mux.Handle("POST /pets", staff(h.CreatePet))
	mux.Handle("PATCH /pets/{id}", staff(h.UpdatePet))
	mux.Handle("DELETE /pets/{id}", staff(h.DeletePet))

	mux.Handle("POST /orders", authed(h.PlaceOrder))
	mux.Handle("GET /orders/{id}", authed(h.GetOrder))
	mux.Handle("POST /orders/{id}/cancel", authed(h.CancelOrder))
	mux.Handle("GET /orders/{id}/receipt", authed(h.OrderReceipt))

	mux.HandleFunc("POST /auth/login", h.Login)
	mux.Handle("POST /auth/logout", authed(h.Logout))
	mux.HandleFunc("POST /auth/refresh", h.Refresh)
	mux.HandleFunc("POST /auth/password-reset", h.RequestPasswordReset)

	mux.Handle("GET /users/{id}", authed(h.GetUser))
	mux.Handle("PATCH /users/{id}", authed(h.UpdateUser))
	mux.Handle("POST /users/me/export", authed(h.ExportMyData))
	mux.Handle("POST /users/me/verify-email", authed(h.ResendVerification))

	mux.HandleFunc("/webhooks/payments", h.PaymentWebhook)
	mux.HandleFunc("POST /webhooks/shipping", h.ShippingWebhook)

	mux.HandleFunc("GET /storefront/banners", h.ListBanners)
	mux.HandleFunc("GET /storefront/announcement", h.CurrentAnnouncement)
	mux.Handle("GET /inventory/{sku}", http.TimeoutHandler(http.HandlerFunc(h.SupplierStock), 10*time.Second, "supplier timed out"))

	mux.Handle("GET /admin/orders.csv", staff(h.ExportOrders))
	mux.Handle("PUT /admin/maintenance", staff(h.SetMaintenance))
	mux.Handle("POST /admin/lockouts/{email}", staff(h.LockAccount))

	api.HandlerFromMux(h.LegacyV1(), mux)
	mux.HandleFunc("/", handlers.NotFound)

	ipLimiter := middleware.NewRateLimiter(20, 40)
	partnerQuota := &middleware.Quota{Limit: *quota}

	var handler http.Handler = mux
	handler = partnerQuota.Middleware(handler)
	handler = ipLimiter.PerIP(handler)
	handler = maint.Middleware(handler)
	handler = middleware.MaxInFlight(512, handler)
	handler = middleware.Recover(logger, handler)
	handler = middleware.Logging(logger, handler)
	handler = middleware.RequestID(handler)

	srv := &http.Server{
		Addr:              *addr,
		Handler:           handler,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       2 * time.Minute,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	go processPaymentEvents(ctx, logger, h)

	go func() {
		logger.Info("listening", "addr", *addr)
		if err := srv.ListenAndServe(); err != nil && !errors.Is(err, http.ErrServerClosed) {
			logger.Error("server failed", "err", err)
			stop()
		}
	}()

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		logger.Error("graceful shutdown failed", "err", err)
	}
	st.Close()
}

func processPaymentEvents(ctx context.Context, logger *slog.Logger, h *handlers.Handler) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt := <-h.Events():
			logger.Info("payment event", "event", evt)
		}
	}
}

func seed(ctx context.Context, st *store.Store) error {
	if _, err := st.CreateUser(ctx, "admin@petstore.example", "Store Admin", "admin", "change-me-admin"); err != nil {
		return err
	}
	if _, err := st.CreateUser(ctx, "alice@example.com", "Alice", "customer", "correct horse battery"); err != nil {
		return err
	}
	for _, p := range []store.Pet{
		{Name: "Biscuit", Species: "dog", PriceCents: 250_00, Tags: []string{"puppy", "vaccinated"}},
		{Name: "Miso", Species: "cat", PriceCents: 120_00, Tags: []string{"indoor"}},
		{Name: "Kiwi", Species: "bird", PriceCents: 45_00},
		{Name: "Bubbles", Species: "fish", PriceCents: 8_00},
	} {
		if _, err := st.CreatePet(ctx, p); err != nil {
			return err
		}
	}
	return nil
}
