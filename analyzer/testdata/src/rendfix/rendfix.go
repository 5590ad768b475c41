// Package rendfix: the fixes for error values (missing-retry-after): the // want package:"holds error helpers or types" package:`renders\(github.com/gofiber/fiber/v2.Error status=Code noretryafter by rendfix.render; rendfix.apiError status=Status code=Code retryafter=RetryAfter by rendfix.render; rendfix.secsError status=Status code=Code retryafter=RetryAfterSeconds by rendfix.render\)`
// Retry-After field added to a literal, or the header set on the response
// before a framework's error value is returned.
package rendfix

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
)

type apiError struct {
	Status     int
	Code       string
	Message    string
	RetryAfter time.Duration
	Seconds    int
}

type secsError struct {
	Status            int
	Code              string
	Message           string
	RetryAfterSeconds int
}

func (e *apiError) Error() string  { return e.Message }
func (e *secsError) Error() string { return e.Message }

func main() {
	_ = fiber.New(fiber.Config{ErrorHandler: render})
}

func render(c *fiber.Ctx, err error) error { // want render:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)` render:`helper\(writes retryafter\(some paths\)\)`
	var e *apiError
	if errors.As(err, &e) {
		c.Set("Retry-After", strconv.Itoa(int(e.RetryAfter.Seconds())))
		return c.Status(e.Status).JSON(fiber.Map{"code": e.Code, "message": e.Message})
	}
	var s *secsError
	if errors.As(err, &s) {
		c.Set("Retry-After", strconv.Itoa(s.RetryAfterSeconds))
		return c.Status(s.Status).JSON(fiber.Map{"code": s.Code, "message": s.Message})
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		return c.Status(fe.Code).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": fe.Message})
	}
	return c.Status(500).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
}

func duration(c *fiber.Ctx) error {
	return &apiError{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfter field unset, which rendfix\.render sends as the Retry-After header; set RetryAfter`
}

func seconds(c *fiber.Ctx) error {
	return &secsError{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfterSeconds field unset, which rendfix\.render sends as the Retry-After header; set RetryAfterSeconds`
}

// A positional literal: no fix.
func positional(c *fiber.Ctx) error {
	return &secsError{429, "RATE_LIMIT_EXCEEDED", "slow down", 0}
}

func framework(c *fiber.Ctx) error {
	if c.Query("id") == "" {
		return fiber.ErrTooManyRequests // want `missing-retry-after: a 429 error is rendered by rendfix\.render, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
	}
	return nil
}
