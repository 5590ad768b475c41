// Package fiberapp: the fiber v2 table (*fiber.Ctx). // want package:"holds error helpers or types"
package fiberapp

import (
	"github.com/gofiber/fiber/v2"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Status applies to the write that follows, chained or not.
func chained(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"code": "NOT_FOUND", "message": "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	}
	if c.Params("id") == "0" {
		return c.Status(fiber.StatusNotFound).JSON(apiError{Code: "NOT_FOUND", Message: "x"})
	}
	c.Status(fiber.StatusConflict) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
	return c.JSON(apiError{Code: "NOT_FOUND", Message: "x"})
}

func unknownCode(c *fiber.Ctx) error {
	return c.Status(404).JSON(fiber.Map{"code": "MISSING", "message": "x"}) // want `unknown-code: MISSING is not in the error catalog`
}

// JSON without a status is a 200: not an error body.
func ok(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// Other content types after an error status.
func text(c *fiber.Ctx, err error) error {
	switch c.Params("kind") {
	case "a":
		return c.Status(fiber.StatusInternalServerError).SendString(err.Error()) // want `raw-http-error: \(\*fiber.Ctx\).SendString sends a non-JSON body after status 500`
	case "b":
		return c.Status(502).Send([]byte("bad gateway")) // want `raw-http-error: \(\*fiber.Ctx\).Send sends a non-JSON body after status 502`
	case "c":
		return c.Status(404).SendFile("./404.html") // want `raw-http-error: \(\*fiber.Ctx\).SendFile sends a non-JSON body after status 404`
	case "d":
		return c.Status(400).XML(apiError{}) // want `raw-http-error: \(\*fiber.Ctx\).XML sends a non-JSON body after status 400`
	case "e":
		return c.Status(406).Format("not acceptable") // want `raw-http-error: \(\*fiber.Ctx\).Format sends a non-JSON body after status 406`
	case "f":
		// A constant JSON object is JSON, whatever the content type says.
		return c.Status(fiber.StatusNotFound).SendString(`{"code": "NOT_FOUND", "message": "x"}`)
	}
	return c.SendString("pong")
}

// SendStatus sends the status text as plain text.
func sendStatus(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.SendStatus(fiber.StatusUnauthorized) // want `raw-http-error: \(\*fiber.Ctx\).SendStatus sends status 401 without a JSON body`
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// fiber.NewError is rendered by the app's ErrorHandler.
func newError(c *fiber.Ctx) error {
	return fiber.NewError(fiber.StatusNotFound, "no such order")
}

// Retry-After between the Status and the write is in time.
func limited(c *fiber.Ctx) error { // want limited:`helper\(writes retryafter\)`
	c.Status(fiber.StatusTooManyRequests)
	c.Set(fiber.HeaderRetryAfter, "60")
	return c.JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func limitedAppend(c *fiber.Ctx) error { // want limitedAppend:`helper\(writes retryafter\)`
	c.Append("Retry-After", "60")
	return c.Status(429).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func limitedFasthttp(c *fiber.Ctx) error { // want limitedFasthttp:`helper\(writes retryafter\)`
	c.Response().Header.Set("Retry-After", "60")
	return c.Status(fiber.StatusTooManyRequests).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func limitedMissing(c *fiber.Ctx, wait string) error { // want limitedMissing:`helper\(writes retryafter\)`
	if wait != "" {
		c.Set("Retry-After", wait)
	}
	return c.Status(fiber.StatusTooManyRequests).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}) // want `missing-retry-after: 429 response is written without a Retry-After header on some path`
}

// The write that follows the Status has its headers sent: setting them
// after it is too late.
func limitedLate(c *fiber.Ctx) error { // want limitedLate:`helper\(writes retryafter\)`
	c.Status(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path`
	err := c.JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
	c.Set("Retry-After", "60")
	return err
}

// A limiter callback may get Retry-After from its caller (fiber's limiter
// middleware sets it): silent.
type limiterConfig struct {
	LimitReached fiber.Handler
}

var cfg = limiterConfig{
	LimitReached: func(c *fiber.Ctx) error {
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
	},
}

// A project's own type with fiber-like methods is not fiber.
type resp struct{}

func (r resp) Status(int) resp           { return r }
func (resp) SendString(string) error     { return nil }
func (resp) SendStatus(status int) error { return nil }

func ownType(r resp) error {
	_ = r.Status(500).SendString("boom")
	return r.SendStatus(401)
}
