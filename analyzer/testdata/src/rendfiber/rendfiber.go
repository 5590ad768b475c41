// Package rendfiber: fiber v2's default-style ErrorHandler, installed in // want package:`renders\(github.com/gofiber/fiber/v2.Error status=Code noretryafter by rendfiber.errorHandler\)` package:"holds error helpers or types"
// the same package, and handlers that return fiber's error values.
package rendfiber

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"
)

func main() {
	_ = fiber.New(fiber.Config{ErrorHandler: errorHandler})
}

// errorHandler renders *fiber.Error with its Code as the status, as
// plain text; it never sets Retry-After.
func errorHandler(c *fiber.Ctx, err error) error { // want errorHandler:`renderer\(fiber\)`
	code := fiber.StatusInternalServerError
	var e *fiber.Error
	if errors.As(err, &e) {
		code = e.Code
	}
	return c.Status(code).SendString(err.Error()) // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body in the error renderer errorHandler: everything a renderer writes is an error response; send a JSON error body \{"code", "message", \.\.\.\}`
}

// The app's renderer for *fiber.Error is known here and never sets
// Retry-After: a 429 needs it set on the response before the value is
// returned.
func limited(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusTooManyRequests, "slow down") // want `missing-retry-after: a 429 error is rendered by rendfiber.errorHandler, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

func limitedVar(c *fiber.Ctx) error { // want limitedVar:`helper\(retryafter\(some paths\)\)`
	if c.Query("x") == "" {
		c.Set("Retry-After", "30")
		return fiber.ErrTooManyRequests
	}
	return fiber.ErrTooManyRequests // want `missing-retry-after: a 429 error is rendered by rendfiber\.errorHandler, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

// Look-alikes: Retry-After set before, on every path; another status; a
// value built away from the response (its caller may set the header).

func limitedSet(c *fiber.Ctx, secs int) error { // want limitedSet:`helper\(retryafter\)`
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
	return fiber.NewError(fiber.StatusTooManyRequests, "slow down")
}

func notFound(c *fiber.Ctx) error {
	return fiber.ErrNotFound
}

func gone() error {
	return fiber.NewError(fiber.StatusTooManyRequests, "slow down")
}

// jwtError is of fiber.ErrorHandler's type but installed elsewhere (a JWT
// middleware's ErrorHandler): what it writes is an error response, but its
// answer to the errors it does not recognise is its own business.
func jwtError(c *fiber.Ctx, err error) error { // want jwtError:`renderer\(fiber fallback=401 fallbackcode=UNAUTHORIZED\)`
	if err.Error() == "Missing or malformed JWT" {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"code": "BAD_REQUEST", "message": "Missing or malformed JWT"})
	}
	return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"code": "UNAUTHORIZED", "message": "Invalid or expired JWT"})
}

// Not returned at once: compared, wrapped, kept.
func compares(err error, c *fiber.Ctx) error {
	if errors.Is(err, fiber.ErrTooManyRequests) {
		return c.Status(fiber.StatusServiceUnavailable).JSON(fiber.Map{"code": "SERVICE_UNAVAILABLE", "message": "busy"})
	}
	limited := fiber.NewError(fiber.StatusTooManyRequests, "slow down")
	_ = limited
	return nil
}
