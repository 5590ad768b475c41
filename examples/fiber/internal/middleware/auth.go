package middleware

import (
	"crypto/subtle"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/audit"
	"example.com/fibersvc/internal/respond"
)

// ErrTokenExpired is returned by a TokenVerifier for an expired token.
var ErrTokenExpired = errors.New("token expired")

// Claims are the verified contents of a bearer token.
type Claims struct {
	Subject  string
	Roles    []string
	Disabled bool
}

func (c *Claims) HasRole(role string) bool {
	for _, r := range c.Roles {
		if r == role || r == "admin" {
			return true
		}
	}
	return false
}

// TokenVerifier checks a bearer token.
type TokenVerifier interface {
	Verify(token string) (*Claims, error)
}

const claimsKey = "auth.claims"

// ClaimsFrom returns the claims stored by RequireAuth, or nil.
func ClaimsFrom(c fiber.Ctx) *Claims {
	cl, _ := c.Locals(claimsKey).(*Claims)
	return cl
}

// RequireAuth rejects requests without a valid bearer token.
func RequireAuth(v TokenVerifier) fiber.Handler {
	return func(c fiber.Ctx) error {
		hdr := c.Get(fiber.HeaderAuthorization)
		if hdr == "" {
			return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeUnauthorized, "missing bearer token")
		}
		token, ok := strings.CutPrefix(hdr, "Bearer ")
		if !ok {
			return c.Status(fiber.StatusUnauthorized).SendString("malformed Authorization header")
		}

		claims, err := v.Verify(token)
		switch {
		case errors.Is(err, ErrTokenExpired):
			return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeSessionExpired, "session expired, sign in again")
		case err != nil:
			return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeUnauthorized, "invalid token")
		}

		if claims.Disabled {
			audit.Event("auth.disabled").Actor(claims.Subject).Status(fiber.StatusForbidden).Log()
			return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeAccountDisabled, "account is disabled")
		}

		c.Locals(claimsKey, claims)
		return c.Next()
	}
}

// RequireRole must run after RequireAuth.
func RequireRole(role string) fiber.Handler {
	return func(c fiber.Ctx) error {
		claims := ClaimsFrom(c)
		if claims == nil {
			return fiber.NewError(fiber.StatusUnauthorized, "unauthenticated")
		}
		if !claims.HasRole(role) {
			audit.Event("auth.role_denied").Actor(claims.Subject).On(role).Status(fiber.StatusForbidden).Log()
			return c.SendStatus(fiber.StatusForbidden)
		}
		return c.Next()
	}
}

// RequireAPIKey guards the partner endpoints. keys maps key -> partner name.
func RequireAPIKey(keys map[string]string) fiber.Handler {
	return func(c fiber.Ctx) error {
		key := c.Get("X-API-Key")
		if key == "" {
			return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{"code": "API_KEY_MISSING", "message": "X-API-Key header is required"})
		}
		for k, partner := range keys {
			if subtle.ConstantTimeCompare([]byte(k), []byte(key)) == 1 {
				c.Locals("partner", partner)
				return c.Next()
			}
		}
		return c.Status(fiber.StatusUnauthorized).JSON(fiber.Map{
			"code":       apierr.CodeUnauthorized,
			"message":    "unknown API key",
			"request_id": respond.RequestID(c),
		})
	}
}
