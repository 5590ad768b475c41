// Package middleware is a stub of github.com/labstack/echo/v4/middleware
// v4.16.0 for the analyzer's fixtures (TestTables checks it).
package middleware

import (
	"time"

	"github.com/labstack/echo/v4"
)

// Skipper defines a function to skip middleware.
type Skipper func(c echo.Context) bool

// RateLimiterStore is the interface to be implemented by custom stores.
type RateLimiterStore interface {
	Allow(identifier string) (bool, error)
}

// RateLimiterConfig defines the configuration for the rate limiter (a few
// of its fields).
type RateLimiterConfig struct {
	Skipper      Skipper
	Store        RateLimiterStore
	ErrorHandler func(context echo.Context, err error) error
	DenyHandler  func(context echo.Context, identifier string, err error) error
}

// RateLimiter returns a rate limiting middleware.
func RateLimiter(store RateLimiterStore) echo.MiddlewareFunc { return nil }

// RateLimiterWithConfig returns a rate limiting middleware.
func RateLimiterWithConfig(config RateLimiterConfig) echo.MiddlewareFunc { return nil }

// TimeoutConfig defines the config for Timeout middleware.
type TimeoutConfig struct {
	Skipper                    Skipper
	ErrorMessage               string
	OnTimeoutRouteErrorHandler func(err error, c echo.Context)
	Timeout                    time.Duration
}

// Timeout returns a middleware which returns error (503 Service
// Unavailable error) to client immediately when handler call runs for
// longer than its time limit.
func Timeout() echo.MiddlewareFunc { return nil }

// TimeoutWithConfig returns a Timeout middleware with config.
func TimeoutWithConfig(config TimeoutConfig) echo.MiddlewareFunc { return nil }

// ContextTimeout returns a middleware which returns error (503 Service
// Unavailable error) to client when underlying method returns
// context.DeadlineExceeded error.
func ContextTimeout(timeout time.Duration) echo.MiddlewareFunc { return nil }
