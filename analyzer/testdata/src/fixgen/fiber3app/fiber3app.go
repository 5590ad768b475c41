// Package fiber3app: the fixes of a fiber v3 service right after
// apierrlint gen (fixgen/fiber3/apierr, which no file imports yet).
package fiber3app

import (
	"github.com/gofiber/fiber/v3"
)

func notFound(c fiber.Ctx) error {
	return c.Status(fiber.StatusNotFound).SendString("no such pet") // want `raw-http-error: \(fiber\.Ctx\)\.SendString sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
}

func sendStatus(c fiber.Ctx) error {
	return c.SendStatus(fiber.StatusConflict) // want `raw-http-error: \(fiber\.Ctx\)\.SendStatus sends status 409 without a JSON body; send a JSON error body with code CONFLICT`
}

func shapeChain(c fiber.Ctx) error {
	return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"status": "error", "msg": "no such pet"}) // want `error-body-shape: the error body \{"status", "msg"\}: no "code" and no "message" key;`
}

func main() {
	app := fiber.New() // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber\.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
	_ = app.Listen(":3000")
}

// A pointer to the map, a string body (the message) and null (the status
// text).
func shapePointer(c fiber.Ctx) error {
	return c.Status(fiber.StatusConflict).JSON(&fiber.Map{"status": "fail", "message": "taken"}) // want `error-body-shape: the error body \{"status", "message"\}: no "code" key; send \{"code", "message", "details", "request_id"\}`
}

func shapeString(c fiber.Ctx) error {
	err := c.Bind().Body(nil)
	return c.Status(fiber.StatusBadRequest).JSON(err.Error()) // want `error-body-shape: the error body is a string, not an object; send \{"code", "message", "details", "request_id"\}`
}

func shapeNull(c fiber.Ctx) error {
	return c.Status(404).JSON(nil) // want `error-body-shape: the error body is null, not an object; send \{"code", "message", "details", "request_id"\}`
}
