// Package middleware is a stub of github.com/labstack/echo/v5/middleware
// v5.4.4 for the analyzer's fixtures (TestTables checks it).
package middleware

import "github.com/labstack/echo/v5"

// Skipper defines a function to skip middleware.
type Skipper func(c *echo.Context) bool

// RateLimiterStore is the interface to be implemented by custom stores.
type RateLimiterStore interface {
	Allow(identifier string) (bool, error)
}

// RateLimiterConfig defines the configuration for the rate limiter (a few
// of its fields).
type RateLimiterConfig struct {
	Skipper      Skipper
	Store        RateLimiterStore
	ErrorHandler func(c *echo.Context, err error) error
	DenyHandler  func(c *echo.Context, identifier string, err error) error
}

// RateLimiter returns a rate limiting middleware.
func RateLimiter(store RateLimiterStore) echo.MiddlewareFunc { return nil }

// RateLimiterWithConfig returns a rate limiting middleware.
func RateLimiterWithConfig(config RateLimiterConfig) echo.MiddlewareFunc { return nil }
