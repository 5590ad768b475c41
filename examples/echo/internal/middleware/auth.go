// Package middleware contains the echo middleware of the inventory API.
package middleware

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/respond"
)

// RequestID sets X-Request-ID on the response.
func RequestID(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		id := c.Request().Header.Get(echo.HeaderXRequestID)
		if id == "" {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Response().Header().Set(echo.HeaderXRequestID, id)
		return next(c)
	}
}

// APIKey describes a client credential.
type APIKey struct {
	Client   string
	Scopes   []string
	Disabled bool
	Secret   []byte
}

// KeyStore resolves API keys.
type KeyStore map[string]APIKey

const ctxKeyClient = "client"

// Client returns the authenticated API key.
func Client(c echo.Context) (APIKey, bool) {
	k, ok := c.Get(ctxKeyClient).(APIKey)
	return k, ok
}

// Authenticate requires a valid X-API-Key header.
func Authenticate(keys KeyStore) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			raw := c.Request().Header.Get("X-API-Key")
			if raw == "" {
				return echo.NewHTTPError(http.StatusUnauthorized)
			}
			key, ok := keys[raw]
			if !ok {
				return respond.Error(c, http.StatusUnauthorized, apierr.CodeUnauthorized, "unknown API key")
			}
			if key.Disabled {
				return respond.Error(c, http.StatusForbidden, apierr.CodeAccountDisabled, "API key has been disabled")
			}
			c.Set(ctxKeyClient, key)
			return next(c)
		}
	}
}

const forbiddenPage = `<!doctype html><html><body><h1>403 Forbidden</h1><p>You do not have access to the admin console.</p></body></html>`

// RequireScope requires the authenticated key to carry scope.
func RequireScope(scope string) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			key, ok := Client(c)
			if !ok {
				return echo.NewHTTPError(http.StatusUnauthorized, "authentication required")
			}
			if slices.Contains(key.Scopes, scope) {
				return next(c)
			}
			if strings.Contains(c.Request().Header.Get(echo.HeaderAccept), echo.MIMETextHTML) {
				// The admin console is opened in a browser.
				return c.HTML(http.StatusForbidden, forbiddenPage)
			}
			return respond.Error(c, http.StatusUnauthorized, apierr.CodeForbidden, "API key lacks the "+scope+" scope")
		}
	}
}

// VerifySignature checks the HMAC signature of write requests from partners.
func VerifySignature(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		key, ok := Client(c)
		if !ok || len(key.Secret) == 0 || c.Request().Method == http.MethodGet {
			return next(c)
		}
		body, err := io.ReadAll(io.LimitReader(c.Request().Body, 1<<20))
		if err != nil {
			return echo.NewHTTPError(http.StatusBadRequest, "could not read request body")
		}
		c.Request().Body = io.NopCloser(bytes.NewReader(body))
		mac := hmac.New(sha256.New, key.Secret)
		mac.Write(body)
		want := hex.EncodeToString(mac.Sum(nil))
		if !hmac.Equal([]byte(want), []byte(c.Request().Header.Get("X-Signature"))) {
			return respond.Error(c, http.StatusUnauthorized, apierr.CodeInvalidSignature, "request signature does not match")
		}
		return next(c)
	}
}
