// Package handlers implements the HTTP endpoints of the orders API.
package handlers

import (
	"errors"
	"net/mail"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/middleware"
	"example.com/fibersvc/internal/store"
)

// PaymentGateway charges and refunds orders.
type PaymentGateway interface {
	Charge(orderID string, cents int64) error
	Refund(orderID string, cents int64) error
}

var (
	ErrInsufficientFunds  = errors.New("payment: insufficient funds")
	ErrGatewayUnavailable = errors.New("payment: gateway unavailable")
)

// API groups the dependencies of all handlers.
type API struct {
	Store    *store.Store
	Payments PaymentGateway
	Sessions *middleware.Limiter
	Exports  *ExportQuota
	Ready    func() bool
}

// userIDParam parses and validates the :id route parameter.
func userIDParam(c fiber.Ctx) (string, bool) {
	id := c.Params("id")
	if id == "" || len(id) > 36 || strings.ContainsAny(id, " /") {
		return "", false
	}
	return id, true
}

func limitQuery(c fiber.Ctx, def, max int) int {
	n, err := strconv.Atoi(c.Query("limit"))
	if err != nil || n <= 0 {
		return def
	}
	if n > max {
		return max
	}
	return n
}

func validEmail(s string) bool {
	_, err := mail.ParseAddress(s)
	return err == nil
}

// statusFor maps store errors to HTTP statuses.
func statusFor(err error) int {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return fiber.StatusNotFound
	case errors.Is(err, store.ErrDuplicate):
		return fiber.StatusConflict
	case errors.Is(err, store.ErrLocked):
		return fiber.StatusConflict
	default:
		return fiber.StatusInternalServerError
	}
}

// codeFor maps store errors to error codes.
func codeFor(err error) apierr.Code {
	switch {
	case errors.Is(err, store.ErrNotFound):
		return apierr.CodeNotFound
	case errors.Is(err, store.ErrDuplicate), errors.Is(err, store.ErrLocked):
		return apierr.CodeConflict
	default:
		return apierr.CodeDatabase
	}
}
