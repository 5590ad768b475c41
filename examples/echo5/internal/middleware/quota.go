package middleware

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/ratelimit"
	"example.com/echo5svc/internal/respond"
)

// Quota enforces the monthly per-workspace request quota. It answers the
// request itself, before routing, so that the legacy gateway and the API send
// byte-identical quota responses.
func Quota(q *ratelimit.Quota) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			st, ok := q.Take(workspace(c))
			ratelimit.SetHeaders(c.Response().Header(), st)
			if !ok {
				return c.JSON(http.StatusTooManyRequests, apierr.Body{
					Code:      apierr.CodeRateLimited,
					Message:   "Monthly request quota exhausted",
					RequestID: c.Response().Header().Get(echo.HeaderXRequestID),
				})
			}
			return next(c)
		}
	}
}

// Burst limits short bursts of writes per workspace.
func Burst(q *ratelimit.Quota) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if c.Request().Method == http.MethodGet {
				return next(c)
			}
			st, ok := q.Take(workspace(c))
			h := c.Response().Header()
			ratelimit.SetHeaders(h, st)
			if !ok {
				ratelimit.SetRetryAfter(h, st.Reset)
				return respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "Too many writes, slow down")
			}
			return next(c)
		}
	}
}

// Maintenance answers every API request with 503 while enabled reports true.
func Maintenance(enabled func() bool, window time.Duration) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			if !enabled() {
				return next(c)
			}
			if window > 0 {
				return apierr.Unavailable("Down for scheduled maintenance", window)
			}
			c.Response().Header().Set(echo.HeaderRetryAfter, "5m")
			return apierr.Unavailable("Down for maintenance", 0)
		}
	}
}

func workspace(c *echo.Context) string {
	if ws := c.Request().Header.Get("X-Workspace"); ws != "" {
		return ws
	}
	return c.RealIP()
}
