// Package fiber3app: fiber v3, where fiber.Ctx is an interface. // want package:"holds error helpers or types"
package fiber3app

import (
	"github.com/gofiber/fiber/v3"
)

func handler(c fiber.Ctx) error { // want handler:`helper\(writes retryafter\(some paths\)\)`
	switch c.Params("id") {
	case "":
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"code": "BAD_REQUEST", "message": "id"}) // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 422`
	case "0":
		return c.Status(fiber.StatusNotFound).SendString("not found") // want `raw-http-error: \(fiber\.Ctx\)\.SendString sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "1":
		return c.SendStatus(fiber.StatusServiceUnavailable) // want `raw-http-error: \(fiber\.Ctx\)\.SendStatus sends status 503 without a JSON body; send a JSON error body with code SERVICE_UNAVAILABLE`
	case "2":
		return fiber.NewError(fiber.StatusForbidden, "forbidden")
	case "3":
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "later"}) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	}
	c.Set("Retry-After", "1")
	return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "later"})
}

// The same through c.Res().
func res(c fiber.Ctx) error {
	return c.Res().Status(fiber.StatusBadRequest).JSON(fiber.Map{"code": "CONFLICT", "message": "x"}) // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Every other primitive of fiber.Ctx and fiber.Res.
func ctxWriters(c fiber.Ctx) error { // want ctxWriters:`helper\(writes retryafter\(some paths\)\)`
	switch c.Params("k") {
	case "a":
		return c.Status(fiber.StatusBadGateway).Send([]byte("bad gateway")) // want `raw-http-error: \(fiber\.Ctx\)\.Send sends a non-JSON body after status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	case "b":
		return c.Status(fiber.StatusNotFound).SendFile("404.html") // want `raw-http-error: \(fiber\.Ctx\)\.SendFile sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "c":
		return c.Status(fiber.StatusNotFound).XML(apiError{}) // want `raw-http-error: \(fiber\.Ctx\)\.XML sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "d":
		// v3's Format calls the handler for the client's media type: they
		// write, not Format.
		return c.Status(fiber.StatusNotAcceptable).Format()
	case "e":
		return fiber.NewErrorf(fiber.StatusNotFound, "no order %s", c.Params("id"))
	}
	c.Append("Retry-After", "10")
	return c.Status(fiber.StatusTooManyRequests).JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "later"})
}

func resWriters(c fiber.Ctx) error { // want resWriters:`helper\(writes retryafter\(some paths\)\)`
	r := c.Res()
	switch c.Params("k") {
	case "a":
		return r.SendString("pong")
	case "b":
		r.Status(fiber.StatusInternalServerError)
		return r.SendString("boom") // want `raw-http-error: \(fiber\.Res\)\.SendString sends a non-JSON body after status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	case "c":
		r.Status(fiber.StatusBadRequest) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
		return r.JSON(apiError{Code: "NOT_FOUND", Message: "x"})
	case "d":
		r.Status(fiber.StatusBadGateway)
		return r.Send([]byte("bad gateway")) // want `raw-http-error: \(fiber\.Res\)\.Send sends a non-JSON body after status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	case "e":
		r.Status(fiber.StatusNotFound)
		return r.SendFile("404.html") // want `raw-http-error: \(fiber\.Res\)\.SendFile sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "f":
		r.Status(fiber.StatusNotFound)
		return r.XML(apiError{}) // want `raw-http-error: \(fiber\.Res\)\.XML sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "g":
		return r.SendStatus(fiber.StatusForbidden) // want `raw-http-error: \(fiber\.Res\)\.SendStatus sends status 403 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
	case "h":
		return r.Format()
	case "i":
		r.Append("Retry-After", "1.5") // want `retry-after-format: Retry-After is set to "1\.5", not a whole number of seconds`
	case "j":
		c.Response().Header.Add("Retry-After", "2m") // want `retry-after-format: Retry-After is set to "2m", not a whole number of seconds`
	}
	r.Set("Retry-After", "10")
	r.Append("Cache-Control", "no-store")
	c.Response().Header.Add("X-RateLimit-Remaining", "0")
	r.Status(fiber.StatusTooManyRequests)
	return r.JSON(apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "later"})
}
