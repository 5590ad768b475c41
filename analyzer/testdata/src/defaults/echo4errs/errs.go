// Package echo4errs installs the app's error renderer on an echo made // want package:"holds error helpers or types"
// elsewhere.
package echo4errs

import "github.com/labstack/echo/v4"

func render(err error, c echo.Context) { // want render:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)`
	_ = c.JSON(500, echo.Map{"code": "INTERNAL_ERROR", "message": "internal error", "details": echo.Map{}, "request_id": ""})
}

// Install replaces the echo's HTTPErrorHandler.
func Install(e *echo.Echo) { // want Install:`defaults\(0: kept, replaces echo/v4.HTTPErrorHandler\)`
	e.HTTPErrorHandler = render
}

// Setup hands it on to Install.
func Setup(e *echo.Echo) { // want Setup:`defaults\(0: kept, replaces echo/v4.HTTPErrorHandler\)`
	Install(e)
}
