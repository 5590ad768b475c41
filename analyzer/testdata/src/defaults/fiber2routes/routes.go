// Package fiber2routes registers routes on an app made elsewhere: it keeps
// the app (a DefaultFact says so), or lets it escape (no fact).
package fiber2routes

import "github.com/gofiber/fiber/v2"

// Routes only adds routes: the app's ErrorHandler is what its maker chose.
func Routes(app *fiber.App) { // want Routes:`defaults\(0: kept\)`
	app.Get("/orders", func(c *fiber.Ctx) error { return c.JSON(fiber.Map{}) })
	api(app)
}

func api(app *fiber.App) {
	app.Group("/api")
}

// Current is where Leak puts the app: other packages can reach it.
var Current *fiber.App

// Leak stores the app where the analysis cannot follow it: no fact.
func Leak(app *fiber.App) {
	Current = app
}
