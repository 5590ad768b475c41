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
