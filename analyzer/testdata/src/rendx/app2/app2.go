// Package app2 installs the renderers of rendx/xother in each way the
// tables know: echo v5's field and Config, fiber v2's Config.
package app2

import (
	"github.com/gofiber/fiber/v2"
	echo "github.com/labstack/echo/v5"

	"rendx/xother"
)

func main() {
	e := echo.New()
	e.HTTPErrorHandler = xother.Echo // want `status-mismatch: xother.Echo, installed as the app's error renderer, sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`

	_ = echo.NewWithConfig(echo.Config{HTTPErrorHandler: xother.Echo}) // want `status-mismatch: xother.Echo, installed as the app's error renderer, sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`

	_ = fiber.New(fiber.Config{ErrorHandler: xother.Fiber}) // want `status-mismatch: xother.Fiber, installed as the app's error renderer, sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`
}
