// Package fiber2 makes fiber v2 apps and middleware that keep fiber's own
// plain-text error answers, and look-alikes that must stay silent.
package fiber2

import (
	"log"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/keyauth"
	"github.com/gofiber/fiber/v2/middleware/limiter"

	"defaults/fiber2routes"
)

func handler(c *fiber.Ctx) error { return c.JSON(fiber.Map{"ok": true}) }

func main() {
	app := fiber.New()                                                  // want `default-error-response: fiber.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set fiber.Config\{ErrorHandler: \.\.\.\} to a handler that sends the documented JSON error body`
	app.Use(limiter.New())                                              // want `default-error-response: limiter.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set limiter.Config\{LimitReached: \.\.\.\} to a handler that sends the documented JSON error body`
	app.Use(keyauth.New(keyauth.Config{KeyLookup: "header:X-API-Key"})) // want `default-error-response: keyauth.New without an ErrorHandler answers a missing or invalid key with a plain-text 401; set keyauth.Config\{ErrorHandler: \.\.\.\}`
	app.Get("/", handler)
	setupRoutes(app)
	fiber2routes.Routes(app) // a helper of another package that keeps it (its fact)
	log.Fatal(app.Listen(":3000"))
}

func setupRoutes(app *fiber.App) {
	app.Get("/a", handler)
}

// A config literal without ErrorHandler, and a config variable set field
// by field.
func withConfig() {
	a := fiber.New(fiber.Config{AppName: "orders"}) // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set`
	a.Get("/", handler)

	cfg := fiber.Config{AppName: "orders"}
	cfg.BodyLimit = 1 << 20
	b := fiber.New(cfg) // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set`
	_ = b.Listen(":3001")

	lim := limiter.Config{Max: 5, Expiration: time.Minute}
	a.Use(limiter.New(lim)) // want `default-error-response: limiter\.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set`
}

// An unexported package-level app is followed through the package.
var api = fiber.New() // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set`

func routes() {
	api.Get("/b", handler)
}

// A project's own Config with an ErrorHandler, and its own New, are not
// fiber's: they neither replace fiber's handler nor are reported.
type Config struct {
	ErrorHandler func(error)
}

type App struct{}

func New(cfg ...Config) *App { return &App{} }

func own() {
	_ = New(Config{ErrorHandler: func(error) {}})
	app := fiber.New() // want `default-error-response: fiber\.New without an ErrorHandler answers every error that a handler returns or fiber raises \(no route: 404, wrong method: 405, body too large: 413\) with plain text; set`
	app.Get("/", handler)
}

// Look-alikes: apps whose answer the analysis cannot see to the end.

// Returned: the caller may mount it into an app with an ErrorHandler.
func newApp() *fiber.App {
	return fiber.New()
}

// Mounted into another app, it answers with that app's ErrorHandler.
func mounted(parent *fiber.App) {
	sub := fiber.New()
	sub.Get("/", handler)
	parent.Mount("/sub", sub)
}

// Stored where other packages reach it.
type Server struct {
	App *fiber.App
}

func newServer() *Server {
	return &Server{App: fiber.New()}
}

// Handed to a function of another package that lets it escape (no fact).
func leaked() {
	app := fiber.New()
	fiber2routes.Leak(app)
}

// A config made elsewhere, or whose address is taken.
func config() fiber.Config { return fiber.Config{} }

func configure(cfg *fiber.Config) {}

func elsewhere() {
	a := fiber.New(config())
	a.Get("/", handler)
	cfg := fiber.Config{}
	configure(&cfg)
	b := fiber.New(cfg)
	b.Get("/", handler)
	c := limiter.New(limiterConfig())
	_ = c
}

func limiterConfig() limiter.Config { return limiter.Config{} }

// Another limiter of the package has LimitReached: a middleware's answer is
// fixed when it is made, by its own config, so that one replaces nothing
// for the others.
func limiters(a *fiber.App) {
	a.Use(limiter.New(limiter.Config{Max: 1, LimitReached: func(c *fiber.Ctx) error { return nil }}))
	a.Use(limiter.New(limiter.Config{Max: 120})) // want `default-error-response: limiter\.New without LimitReached answers a request over the limit with a plain-text 429 \(SendStatus\); set limiter\.Config\{LimitReached: \.\.\.\} to a handler that sends the documented JSON error body`
}
