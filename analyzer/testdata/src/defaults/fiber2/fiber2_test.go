package fiber2

import (
	"testing"

	"github.com/gofiber/fiber/v2"
)

// Test files are not checked: a test's app keeps fiber's handler.
func TestApp(t *testing.T) {
	app := fiber.New()
	app.Get("/", handler)
}
