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
	return c.Status(404).JSON(fiber.Map{"code": "MISSING", "message": "x"}) // want `unknown-code: MISSING is not in the error catalog \(embedded default\)`
}

// JSON without a status is a 200: not an error body.
func ok(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// Other content types after an error status.
func text(err error, c *fiber.Ctx) error { // not of fiber.ErrorHandler's type: a handler, not a renderer
	switch c.Params("kind") {
	case "a":
		return c.Status(fiber.StatusInternalServerError).SendString(err.Error()) // want `raw-http-error: \(\*fiber\.Ctx\)\.SendString sends a non-JSON body after status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	case "b":
		return c.Status(502).Send([]byte("bad gateway")) // want `raw-http-error: \(\*fiber\.Ctx\)\.Send sends a non-JSON body after status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	case "c":
		return c.Status(404).SendFile("./404.html") // want `raw-http-error: \(\*fiber\.Ctx\)\.SendFile sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "d":
		return c.Status(400).XML(apiError{}) // want `raw-http-error: \(\*fiber\.Ctx\)\.XML sends a non-JSON body after status 400; send a JSON error body with code BAD_REQUEST`
	case "e":
		return c.Status(406).Format("not acceptable") // want `raw-http-error: \(\*fiber\.Ctx\)\.Format sends a non-JSON body after status 406; send a JSON error body \{"code", "message", \.\.\.\}`
	case "f":
		// A constant JSON object is JSON, whatever the content type says.
		return c.Status(fiber.StatusNotFound).SendString(`{"code": "NOT_FOUND", "message": "x"}`)
	}
	return c.SendString("pong")
}

// SendStatus sends the status text as plain text.
func sendStatus(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		return c.SendStatus(fiber.StatusUnauthorized) // want `raw-http-error: \(\*fiber\.Ctx\)\.SendStatus sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
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

func limitedMissing(c *fiber.Ctx, wait string) error { // want limitedMissing:`helper\(retryaftervalue=1 writes retryafter\(some paths\)\)`
	if wait != "" {
		c.Set("Retry-After", wait)
	}
	return c.Status(fiber.StatusTooManyRequests).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// fiber sends the response when the handler returns (c.JSON only sets the
// body): a header set after the write is in time, on every path after it.
func limitedLate(c *fiber.Ctx) error { // want limitedLate:`helper\(writes retryafter\)`
	c.Status(429)
	err := c.JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
	c.Set("Retry-After", "60")
	return err
}

func limitedLateOnePath(c *fiber.Ctx, wait string) error { // want limitedLateOnePath:`helper\(retryaftervalue=1 writes retryafter\(some paths\)\)`
	err := c.Status(429).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	if wait != "" {
		c.Set("Retry-After", wait)
	}
	return err
}

// The same through the project's own writer.
func tooMany(c *fiber.Ctx, status int) error { // want tooMany:`helper\(status=1 fixedcode=RATE_LIMIT_EXCEEDED writes\)`
	return c.Status(status).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func limitedLateWriter(c *fiber.Ctx) error { // want limitedLateWriter:`helper\(writes retryafter\)`
	err := tooMany(c, fiber.StatusTooManyRequests)
	c.Set(fiber.HeaderRetryAfter, "60")
	return err
}

func limitedWriterMissing(c *fiber.Ctx) error {
	return tooMany(c, fiber.StatusTooManyRequests) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

// A run-time status with a code documented with 429: Retry-After needed.
func limitedRuntimeStatus(c *fiber.Ctx, limits map[string]int) error {
	st := limits[c.Params("id")]
	return c.Status(st).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set`
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

// A map with code and message is an error body where it is used as one:
// served with 200 or 202 it is not.
func mapBodies(c *fiber.Ctx) error {
	if c.Params("v") != "" {
		return c.JSON(fiber.Map{"code": "OK", "message": "orders-api v1"})
	}
	if c.Params("q") != "" {
		return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"code": "RESET_QUEUED", "message": "on its way"})
	}
	return c.Status(fiber.StatusGone).JSON(fiber.Map{"code": "GONE_FOREVER", "message": "x"}) // want `unknown-code: GONE_FOREVER is not in the error catalog \(embedded default\)`
}

// A body built up in a variable: the code assigned to its field is the
// code it is written with.
type plainBody struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Details map[string]any `json:"details,omitempty"`
}

func builtUp(c *fiber.Ctx, over bool) error {
	if over {
		body := plainBody{Message: "order total exceeds the credit limit"}
		body.Code = "CREDIT_LIMIT_EXCEEDED" // want `unknown-code: CREDIT_LIMIT_EXCEEDED is not in the error catalog \(embedded default\)`
		body.Details = map[string]any{"limit": 100}
		return c.Status(fiber.StatusUnprocessableEntity).JSON(body)
	}
	m := fiber.Map{"message": "gone"}
	m["code"] = "NOT_FOUND"
	return c.Status(fiber.StatusBadRequest).JSON(m) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}

// A code assigned on one branch only is not the body's code on the other:
// two assignments, the code is not known.
func twoCodes(c *fiber.Ctx, a bool) error {
	body := plainBody{Message: "x"}
	if a {
		body.Code = "NOPE_ONE"
	} else {
		body.Code = "NOPE_TWO"
	}
	return c.Status(fiber.StatusBadRequest).JSON(body)
}

// An HTTP error that wraps the documented body: its status and the
// nested body's code are a pair, in a constructor and in a literal.
type httpError struct {
	Status int
	Body   plainBody
}

func newHTTPError(status int, code, msg string) *httpError { // want newHTTPError:`helper\(status=0 code=1\)`
	return &httpError{Status: status, Body: plainBody{Code: code, Message: msg}}
}

var (
	errForbidden = newHTTPError(fiber.StatusUnauthorized, "FORBIDDEN", "no")  // want `status-mismatch: FORBIDDEN is documented with 403, sent with 401`
	errConflict  = &httpError{Status: 400, Body: plainBody{Code: "CONFLICT"}} // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	errGone      = &httpError{500, plainBody{Code: "NOT_FOUND"}}              // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
	errNotFound  = newHTTPError(fiber.StatusNotFound, "NOT_FOUND", "no")
)

// Status sets the status that fiber sends when the handler returns: with
// nil returned and no body written, a bodyless error response.
func statusAlone(c *fiber.Ctx) error {
	if c.Params("id") == "" {
		c.Status(fiber.StatusNotFound) // want `raw-http-error: \(\*fiber.Ctx\).Status sends status 404 without a body: nothing writes one after it on some path to the return; send a JSON error body with code NOT_FOUND`
		return nil
	}
	return c.JSON(fiber.Map{"id": c.Params("id")})
}

// Left alone: an error returned (the ErrorHandler writes it), a body.
func statusThenError(c *fiber.Ctx, err error) error { // want statusThenError:`renderer\(fiber fallback=500\)`
	if err != nil {
		c.Status(fiber.StatusInternalServerError)
		return err
	}
	c.Status(fiber.StatusNotFound)
	return c.JSON(apiError{Code: "NOT_FOUND", Message: "x"})
}
