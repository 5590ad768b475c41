// Package app installs renderers of another package: their branch for the
// errors they do not recognise is checked here, through their facts.
package app

import (
	"github.com/labstack/echo/v4"

	"rendx/xrender"
)

func main() {
	e := echo.New()
	e.HTTPErrorHandler = xrender.Handler

	sloppy := echo.New()
	sloppy.HTTPErrorHandler = xrender.Sloppy // want `status-mismatch: xrender.Sloppy, installed as the app's error renderer, sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`
}
