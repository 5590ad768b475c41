// Package handlers implements the shop API. Handlers return errors and the
// renderer in package httpx writes them.
package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/config"
	"example.com/fiber2svc/internal/middleware"
	"example.com/fiber2svc/internal/ratelimit"
	"example.com/fiber2svc/internal/store"
)

// API carries the handlers' dependencies.
type API struct {
	Store    *store.Memory
	Cfg      config.Config
	Payments *http.Client
	Refunds  *ratelimit.Window
	Reports  *ratelimit.Window
}

func New(st *store.Memory, cfg config.Config) *API {
	return &API{
		Store:    st,
		Cfg:      cfg,
		Payments: &http.Client{Timeout: 4 * time.Second},
		Refunds:  ratelimit.NewWindow(20, 24*time.Hour),
		Reports:  ratelimit.NewWindow(10, time.Hour),
	}
}

// Public mounts the routes that need no token.
func (a *API) Public(r fiber.Router) {
	r.Get("/products", a.ListProducts)
	r.Get("/products/:sku", a.GetProduct)
	r.Get("/products/:sku/image", a.ProductImage)
	r.Get("/search", a.Search)
}

// Private mounts the authenticated routes.
func (a *API) Private(r fiber.Router, checkout fiber.Handler) {
	r.Post("/orders", checkout, a.PlaceOrder)
	r.Get("/orders/:id", a.GetOrder)
	r.Post("/orders/:id/cancel", a.CancelOrder)
	r.Post("/orders/:id/ship", middleware.StaffOnly, a.ShipOrder)
	r.Post("/orders/:id/refunds", middleware.StaffOnly, a.Refund)
	r.Get("/reports/sales", middleware.StaffOnly, a.SalesReport)
	r.Get("/reports/sales.csv", middleware.StaffOnly, a.SalesCSV)
}

// orderErr maps a store error on an order to the API error.
func orderErr(err error, id string) error {
	code, msg := apperr.CodeDatabase, "Database operation failed"
	switch {
	case errors.Is(err, store.ErrNotFound):
		code, msg = apperr.CodeNotFound, "Not found: order "+id+" not found"
	case errors.Is(err, store.ErrConflict):
		code, msg = apperr.CodeConflict, "Conflict: order "+id+" was changed by someone else"
	case errors.Is(err, store.ErrClosed):
		return apperr.Unavailable("Orders are temporarily unavailable", 15*time.Second)
	}
	return apperr.New(code, msg, apperr.WithCause(err))
}
