package middleware

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/store"
)

const userKey = "user"

// Sessions looks up the session behind a token.
type Sessions interface {
	Session(ctx context.Context, token string) (store.Session, store.User, error)
}

// Auth authenticates the request by bearer token or session cookie.
func Auth(sessions Sessions) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c *echo.Context) error {
			token, fromCookie := credentials(c)
			if token == "" {
				return apierr.Unauthorized("No authentication provided")
			}
			sess, user, err := sessions.Session(c.Request().Context(), token)
			switch {
			case errors.Is(err, store.ErrNotFound):
				return apierr.New(http.StatusUnauthorized, apierr.CodeInvalidCredentials, "Unknown API key")
			case err != nil:
				return apierr.Database(err)
			}
			if time.Now().After(sess.ExpiresAt) {
				return apierr.SessionExpired()
			}
			if user.Disabled {
				return apierr.AccountDisabled("This account has been disabled")
			}
			if fromCookie && unsafeMethod(c.Request().Method) && c.Request().Header.Get(echo.HeaderXCSRFToken) == "" {
				return &apierr.Error{
					Status:  http.StatusForbidden,
					Code:    apierr.CodeCSRFFailed,
					Message: "CSRF token missing or invalid",
				}
			}
			c.Set(userKey, user)
			return next(c)
		}
	}
}

// RequireAdmin lets only administrators through.
func RequireAdmin(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c *echo.Context) error {
		if u, ok := CurrentUser(c); !ok || !u.Admin {
			return echo.NewHTTPError(http.StatusForbidden, "Administrator role required")
		}
		return next(c)
	}
}

// CurrentUser returns the user that Auth stored on the context.
func CurrentUser(c *echo.Context) (store.User, bool) {
	u, ok := c.Get(userKey).(store.User)
	return u, ok
}

func credentials(c *echo.Context) (token string, fromCookie bool) {
	if h := c.Request().Header.Get(echo.HeaderAuthorization); strings.HasPrefix(h, "Bearer ") {
		return strings.TrimPrefix(h, "Bearer "), false
	}
	if ck, err := c.Cookie("session"); err == nil {
		return ck.Value, true
	}
	return "", false
}

func unsafeMethod(m string) bool {
	return m != http.MethodGet && m != http.MethodHead && m != http.MethodOptions
}
