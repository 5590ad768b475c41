// Package echo5set replaces echo v5's defaults on the instance and in the // want package:"holds error helpers or types"
// rate limiter's config: nothing to report.
package echo5set

import (
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

type store struct{}

func (store) Allow(id string) (bool, error) { return true, nil }

func render(c *echo.Context, err error) {} // want render:`renderer\(echo\)`

func deny(c *echo.Context, id string, err error) error { return err }

func main() {
	e := echo.New()
	e.HTTPErrorHandler = render
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}, DenyHandler: deny}))
	_ = e.Start(":8080")
}
