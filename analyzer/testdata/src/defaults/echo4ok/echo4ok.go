// Package echo4ok replaces echo's own error answers. // want package:"holds error helpers or types"
package echo4ok

import (
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

func render(err error, c echo.Context) {} // want render:`renderer\(echo\)`

type store struct{}

func (store) Allow(id string) (bool, error) { return true, nil }

func deny(c echo.Context, id string, err error) error { // want deny:`helper\(writes retryafter\)`
	c.Response().Header().Set("Retry-After", "60")
	return c.JSON(429, echo.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down", "details": echo.Map{}, "request_id": ""})
}

// Replaced later in the same function.
func main() {
	e := echo.New()
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}, DenyHandler: deny}))
	e.HTTPErrorHandler = render
	_ = e.Start(":8080")
}

// Replaced in another function of the package: it may be this echo.
func admin() {
	e := echo.New()
	_ = e.Start(":8081")
	cfg := middleware.RateLimiterConfig{Store: store{}}
	cfg.DenyHandler = deny
	e.Use(middleware.RateLimiterWithConfig(cfg))
}
