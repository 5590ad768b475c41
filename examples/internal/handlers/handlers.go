// Package handlers implements the pet store's HTTP endpoints.
package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/payments"
	"example.com/petstore/internal/store"
)

// Config collects the dependencies of Handler.
type Config struct {
	Store         *store.Store
	Payments      payments.Gateway
	Supplier      *http.Client
	SupplierURL   string
	WebhookSecret []byte
	ShipperSecret []byte
	Maintenance   *middleware.Maintenance
	Logger        *slog.Logger
}

// Handler serves the pet store API.
type Handler struct {
	Config

	loginLimiter    *middleware.RateLimiter
	checkoutLimiter *middleware.RateLimiter
	resetLimiter    *middleware.RateLimiter
	searchLimiter   *middleware.RateLimiter
	lockouts        *lockouts
	exports         *exportLog
	events          chan PaymentEvent
}

func New(cfg Config) *Handler {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Supplier == nil {
		cfg.Supplier = &http.Client{Timeout: 5 * time.Second}
	}
	return &Handler{
		Config:          cfg,
		loginLimiter:    middleware.NewRateLimiter(0.5, 10),
		checkoutLimiter: middleware.NewRateLimiter(0.2, 3),
		resetLimiter:    middleware.NewRateLimiter(1.0/60, 3),
		searchLimiter:   middleware.NewRateLimiter(2, 10),
		lockouts:        newLockouts(5, 15*time.Minute),
		exports:         &exportLog{last: make(map[string]time.Time)},
		events:          make(chan PaymentEvent, 64),
	}
}

// Events exposes verified payment events to the background worker.
func (h *Handler) Events() <-chan PaymentEvent { return h.events }

// NotFound is the fallback for requests that match no route.
func NotFound(w http.ResponseWriter, r *http.Request) {
	apierr.NotFound(w, r, fmt.Sprintf("no route for %s %s", r.Method, r.URL.Path))
}

// Healthz is the liveness probe.
func Healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Write([]byte("ok\n"))
}

// Readyz is the readiness probe used by the load balancer.
func (h *Handler) Readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if err := h.Store.Ping(ctx); err != nil {
		h.Logger.Warn("readiness check failed", "err", err)
		w.WriteHeader(http.StatusServiceUnavailable)
		w.Write([]byte("database unreachable\n"))
		return
	}
	w.Write([]byte("ready\n"))
}

// SetMaintenance toggles maintenance mode: PUT /admin/maintenance?on=true
func (h *Handler) SetMaintenance(w http.ResponseWriter, r *http.Request) {
	on := r.URL.Query().Get("on") == "true"
	h.Maintenance.Set(on)
	h.Logger.Info("maintenance mode changed", "on", on, "by", middleware.MustUser(r.Context()).ID)
	w.WriteHeader(http.StatusNoContent)
}

const maxBodyBytes = 1 << 20

// decodeJSON reads a single JSON object from the request body.
func decodeJSON(w http.ResponseWriter, r *http.Request, dst any) error {
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return err
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return errors.New("request body must contain a single JSON object")
	}
	return nil
}
