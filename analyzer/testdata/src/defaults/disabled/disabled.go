// Package disabled keeps fiber's and gin's own answers; the test that
// analyzes it disables default-error-response: nothing is reported.
package disabled

import (
	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

func main() {
	app := fiber.New()
	_ = app.Listen(":3000")
	r := gin.New()
	_ = r.Run()
}
