// Package echo5 makes echo v5 instances and middleware that keep echo's own
// error answers.
package echo5

import (
	"github.com/labstack/echo/v5"
	"github.com/labstack/echo/v5/middleware"
)

type store struct{}

func (store) Allow(id string) (bool, error) { return true, nil }

func main() {
	e := echo.New()                                                                       // want `default-error-response: echo\.New without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set`
	e.Use(middleware.RateLimiter(store{}))                                                // want `default-error-response: middleware\.RateLimiter without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set`
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}})) // want `default-error-response: middleware\.RateLimiterWithConfig without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set`
	e.GET("/", func(c *echo.Context) error { return c.JSON(200, nil) })
	_ = e.Start(":8080")

	w := echo.NewWithConfig(echo.Config{}) // want `default-error-response: echo\.NewWithConfig without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set`
	_ = w.Start(":8081")
}

// A vhost map hands it where the analysis does not follow.
func vhosts() map[string]*echo.Echo {
	return map[string]*echo.Echo{"api.example.com": echo.New()}
}

// Another limiter of the package has a DenyHandler: a middleware's answer
// is fixed when it is made, by its own config, so that one replaces
// nothing for the others.
func limiters(e *echo.Echo) {
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}, DenyHandler: func(c *echo.Context, id string, err error) error { return err }}))
	e.Use(middleware.RateLimiter(store{}))                                                                  // want `default-error-response: middleware\.RateLimiter without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set RateLimiterConfig\{DenyHandler: \.\.\.\} to a handler that sets Retry-After and returns the documented error`
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}, DenyHandler: nil})) // want `default-error-response: middleware\.RateLimiterWithConfig without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set RateLimiterConfig\{DenyHandler: \.\.\.\} to a handler that sets Retry-After and returns the documented error`
}
