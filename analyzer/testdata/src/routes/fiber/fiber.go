// Package fiber: fiber v2's routes on the app and on routers (groups,
// Route); the handler is the last of the handlers.
package fiber

import (
	"net/http"

	"github.com/gofiber/fiber/v2"
)

// auth is a middleware: its 401 is not the route's handler's.
func auth(c *fiber.Ctx) error {
	if c.Get("Authorization") == "" {
		return fiber.NewError(http.StatusUnauthorized, "who are you")
	}
	return c.Next()
}

func getPet(c *fiber.Ctx) error {
	if c.Params("id") == "0" {
		return fiber.NewError(http.StatusConflict, "taken") // want `undocumented-status: GET /f/pets/\{petId\} can answer 409 here; the OpenAPI document lists 200, 404`
	}
	return c.SendStatus(http.StatusOK)
}

func setup() {
	app := fiber.New()
	app.Get("/f/pets/:id", auth, getPet)
	app.Post("/f/pets", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusOK) // want `undocumented-status: POST /f/pets can answer 200 here; the OpenAPI document lists 201, 400`
	})
	app.Put("/f/pets/:id", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: PUT /f/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	app.Delete("/f/old", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: DELETE /f/old can answer 202 here; the OpenAPI document lists 204`
	})
	app.Patch("/f/pets/:id", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: PATCH /f/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	api := app.Group("/f")
	api.Get("/api/v1/owners", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: GET /f/api/v1/owners can answer 202 here; the OpenAPI document lists 200`
	})
	api.Post("/api/v1/owners", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: POST /f/api/v1/owners can answer 202 here; the OpenAPI document lists 201`
	})
	api.Put("/pets/:id", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusCreated) // want `undocumented-status: PUT /f/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	api.Delete("/old", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusCreated) // want `undocumented-status: DELETE /f/old can answer 201 here; the OpenAPI document lists 204`
	})
	api.Patch("/pets/:id", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusCreated) // want `undocumented-status: PATCH /f/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	files := api.Group("/files")
	files.Get("/*", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusPartialContent) // want `undocumented-status: GET /f/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
	})
	app.Route("/f/api", func(r fiber.Router) {
		r.Get("/v1/owners", func(c *fiber.Ctx) error {
			return c.SendStatus(http.StatusCreated) // want `undocumented-status: GET /f/api/v1/owners can answer 201 here; the OpenAPI document lists 200`
		})
	})
	api.Route("/api", func(r fiber.Router) {
		r.Post("/v1/owners", func(c *fiber.Ctx) error {
			return c.SendStatus(http.StatusNonAuthoritativeInfo) // want `undocumented-status: POST /f/api/v1/owners can answer 203 here; the OpenAPI document lists 201`
		})
	})
	app.Get("/f/pets", func(c *fiber.Ctx) error {
		return fiber.NewError(http.StatusBadRequest, "bad query") // in the documented range 4XX
	})
	app.Listen(":8080")
}

// more registers routes on its router parameters: setupMore's call gives
// them their prefix.
func more(app *fiber.App, api fiber.Router) {
	app.Add(http.MethodGet, "/f/old", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusCreated) // want `undocumented-status: GET /f/old can answer 201 here; the OpenAPI document lists 200`
	})
	api.Add(http.MethodPost, "/pets", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // want `undocumented-status: POST /f/pets can answer 202 here; the OpenAPI document lists 201, 400`
	})
}

func setupMore() {
	app := fiber.New()
	more(app, app.Group("/f"))
	app.Listen(":8081")
}

// A fiber.App that a function returns may be mounted under a prefix
// (app.Mount): its routes are relative to it, and nothing composes them
// here.
func newApp() *fiber.App {
	app := fiber.New()
	app.Delete("/f/old", func(c *fiber.Ctx) error {
		return c.SendStatus(http.StatusAccepted) // the full path is not known
	})
	return app
}
