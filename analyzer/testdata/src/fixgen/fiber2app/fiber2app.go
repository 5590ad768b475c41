package fiber2app

// Package fiber2app: the fixes of a fiber v2 service right after
// apierrlint gen (fixgen/fiber2/apierr, which no file imports yet): a
// chain c.Status(s).SendString(m) is replaced whole.

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
)

func notFound(c *fiber.Ctx) error {
	return c.Status(fiber.StatusNotFound).SendString("no such pet") // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
}

func sendStatus(c *fiber.Ctx) error {
	return c.SendStatus(fiber.StatusUnauthorized) // want `raw-http-error: \(\*fiber\.Ctx\)\.SendStatus sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
}

// The status set by the statement before.
func separate(c *fiber.Ctx) error {
	c.Status(400)
	return c.SendString("bad input") // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body after status 400; send a JSON error body with code BAD_REQUEST`
}

func errText(c *fiber.Ctx) error {
	err := errors.New("taken")
	return c.Status(409).SendString(err.Error()) // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body after status 409; send a JSON error body with code CONFLICT`
}

// Look-alikes.

// Two statuses reach the write: no fix.
func branches(c *fiber.Ctx, bad bool) error {
	if bad {
		c.Status(400)
	} else {
		c.Status(404)
	}
	return c.SendString("no") // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body after status 400; send a JSON error body with code BAD_REQUEST`
}

func okBody(c *fiber.Ctx) error {
	return c.Status(200).JSON(fiber.Map{"error": "none"})
}

func shapeChain(c *fiber.Ctx) error {
	return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"status": "error", "message": "no such pet"}) // want `error-body-shape: the error body \{"status", "message"\}: no "code" key;`
}

func shapeDetails(c *fiber.Ctx) error {
	return c.Status(400).JSON(fiber.Map{"status": "error", "message": "invalid", "data": nil}) // want `error-body-shape: the error body \{"status", "message", "data"\}: no "code" key;`
}

// default-error-response: gen's ErrorHandler and LimitReached.

func main() {
	app := fiber.New()                                                    // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber\.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
	app.Use(limiter.New())                                                // want `default-error-response: limiter\.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set limiter\.Config\{LimitReached: \.\.\.\} to a handler that sends the documented JSON error body`
	app.Use(limiter.New(limiter.Config{Max: 5, Expiration: time.Minute})) // want `default-error-response: limiter\.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set limiter\.Config\{LimitReached: \.\.\.\} to a handler that sends the documented JSON error body`
	other := fiber.New(fiber.Config{                                      // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber\.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
		AppName: "orders",
	})
	_ = app.Listen(":3000")
	_ = other.Listen(":3001")
}

// A config variable: not rewritten (the fix would edit another statement).
func withVar() {
	cfg := fiber.Config{AppName: "orders"}
	app := fiber.New(cfg) // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber\.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
	_ = app.Listen(":3002")
}
