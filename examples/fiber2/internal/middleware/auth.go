// Package middleware holds the shop API's fiber middleware.
package middleware

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/store"
)

const customerKey = "customer"

// Tokens resolves API tokens.
type Tokens interface {
	CustomerByToken(ctx context.Context, tok string) (store.Customer, time.Time, error)
}

// Auth requires a bearer token on every request.
func Auth(tokens Tokens) fiber.Handler {
	return func(c *fiber.Ctx) error {
		h := c.Get(fiber.HeaderAuthorization)
		if h == "" {
			return c.SendStatus(fiber.StatusUnauthorized)
		}
		tok, ok := strings.CutPrefix(h, "Bearer ")
		if !ok {
			return apperr.Unauthorized("Authorization must be a bearer token")
		}
		cust, expires, err := tokens.CustomerByToken(c.UserContext(), tok)
		switch {
		case errors.Is(err, store.ErrNotFound):
			return apperr.New(apperr.CodeInvalidCredentials, "Unknown API token")
		case err != nil:
			return apperr.Database(err)
		}
		if time.Now().After(expires) {
			return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{
				"code":       "TOKEN_EXPIRED",
				"message":    "The API token has expired",
				"request_id": httpx.RequestID(c),
			})
		}
		if cust.Disabled {
			return apperr.New(apperr.CodeAccountDisabled, "This account has been disabled")
		}
		c.Locals(customerKey, cust)
		return c.Next()
	}
}

// StaffOnly lets only staff accounts through.
func StaffOnly(c *fiber.Ctx) error {
	if cust, ok := Customer(c); !ok || !cust.Staff {
		return fiber.NewError(fiber.StatusForbidden, "Staff only")
	}
	return c.Next()
}

// Customer returns the authenticated customer.
func Customer(c *fiber.Ctx) (store.Customer, bool) {
	cust, ok := c.Locals(customerKey).(store.Customer)
	return cust, ok
}
