// Package fiber3app: fiber v3, where fiber.Ctx is an interface. // want package:"holds error helpers or types"
package fiber3app

import (
	"github.com/gofiber/fiber/v3"
)

func handler(c fiber.Ctx) error { // want handler:`helper\(writes retryafter\)`
	switch c.Params("id") {
	case "":
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{"code": "BAD_REQUEST", "message": "id"}) // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 422`
	case "0":
		return c.Status(fiber.StatusNotFound).SendString("not found") // want `raw-http-error: \(fiber.Ctx\).SendString sends a non-JSON body after status 404`
	case "1":
		return c.SendStatus(fiber.StatusServiceUnavailable) // want `raw-http-error: \(fiber.Ctx\).SendStatus sends status 503 without a JSON body`
	case "2":
		return fiber.NewError(fiber.StatusForbidden, "forbidden")
	case "3":
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "later"}) // want `missing-retry-after: 429 response is written without a Retry-After header`
	}
	c.Set("Retry-After", "1")
	return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "later"})
}

// The same through c.Res().
func res(c fiber.Ctx) error {
	return c.Res().Status(fiber.StatusBadRequest).JSON(fiber.Map{"code": "CONFLICT", "message": "x"}) // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
}
