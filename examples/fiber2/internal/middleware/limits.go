package middleware

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/ratelimit"
)

func customerKeyOf(c *fiber.Ctx) string {
	if cust, ok := Customer(c); ok {
		return cust.ID
	}
	return c.IP()
}

// DailyQuota enforces the daily request quota of a customer's plan. The
// quota answer is written here, with the quota headers, rather than returned.
func DailyQuota(w *ratelimit.Window) fiber.Handler {
	return func(c *fiber.Ctx) error {
		st, ok := w.Hit(customerKeyOf(c))
		ratelimit.SetHeaders(c, st)
		if !ok {
			return c.Status(fiber.StatusTooManyRequests).JSON(httpx.Body{
				Code:      apperr.CodeRateLimited,
				Message:   "Daily request quota exhausted",
				RequestID: httpx.RequestID(c),
			})
		}
		return c.Next()
	}
}

// CheckoutThrottle limits checkouts per customer and minute.
func CheckoutThrottle(w *ratelimit.Window, advertise bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		st, ok := w.Hit(customerKeyOf(c))
		if ok {
			return c.Next()
		}
		if advertise {
			ratelimit.SetRetryAfter(c, st.Reset)
		}
		return c.Status(fiber.StatusTooManyRequests).JSON(httpx.Body{
			Code:    apperr.CodeRateLimited,
			Message: "Too many checkouts, slow down",
		})
	}
}

// SearchThrottle limits expensive search queries.
func SearchThrottle(w *ratelimit.Window) fiber.Handler {
	return func(c *fiber.Ctx) error {
		st, ok := w.Hit(customerKeyOf(c))
		ratelimit.SetHeaders(c, st)
		if !ok {
			ratelimit.SetRetryAfter(c, st.Reset)
			return c.Status(fiber.StatusTooManyRequests).JSON(httpx.Body{
				Code:      apperr.CodeRateLimited,
				Message:   "Too many searches",
				RequestID: httpx.RequestID(c),
			})
		}
		return c.Next()
	}
}

// ReadOnly refuses writes while the database is in read-only mode.
func ReadOnly(enabled func() bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !enabled() || c.Method() == fiber.MethodGet || c.Method() == fiber.MethodHead {
			return c.Next()
		}
		c.Set(fiber.HeaderRetryAfter, "1.5")
		return apperr.New(apperr.CodeUnavailable, "The shop is read-only during maintenance", apperr.WithStatus(fiber.StatusServiceUnavailable))
	}
}

// Timeout cancels the request context of slow handlers.
func Timeout(d time.Duration) fiber.Handler {
	return func(c *fiber.Ctx) error {
		ctx, cancel := context.WithTimeout(c.UserContext(), d)
		defer cancel()
		c.SetUserContext(ctx)
		return c.Next()
	}
}
