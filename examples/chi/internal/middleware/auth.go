// Package middleware holds the HTTP middleware of the catalog service.
package middleware

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"slices"
	"strings"

	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/respond"
)

var (
	ErrTokenExpired = errors.New("auth: token expired")
	ErrTokenRevoked = errors.New("auth: token revoked")
)

// Claims are the verified contents of an access token.
type Claims struct {
	Subject string
	Roles   []string
}

func (c *Claims) Has(role string) bool {
	return slices.Contains(c.Roles, role) || slices.Contains(c.Roles, "admin")
}

// Verifier validates access tokens.
type Verifier interface {
	Verify(ctx context.Context, token string) (*Claims, error)
}

type claimsKey struct{}

// ClaimsFrom returns the claims stored by Authenticate, or nil.
func ClaimsFrom(ctx context.Context) *Claims {
	c, _ := ctx.Value(claimsKey{}).(*Claims)
	return c
}

// Authenticate requires a valid bearer token.
func Authenticate(v Verifier) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
			if !ok || token == "" {
				respond.Err(w, r, apierr.ErrUnauthorized("missing bearer token"))
				return
			}
			claims, err := v.Verify(r.Context(), token)
			switch {
			case errors.Is(err, ErrTokenExpired):
				respond.Err(w, r, apierr.ErrSessionExpired())
				return
			case errors.Is(err, ErrTokenRevoked):
				render.Status(r, http.StatusUnauthorized)
				render.JSON(w, r, render.M{"code": "TOKEN_REVOKED", "message": "token has been revoked"})
				return
			case err != nil:
				http.Error(w, "invalid token", http.StatusUnauthorized)
				return
			}
			next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), claimsKey{}, claims)))
		})
	}
}

// RequireRole must be mounted after Authenticate.
func RequireRole(role string) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			claims := ClaimsFrom(r.Context())
			if claims == nil {
				respond.Error(w, r, http.StatusForbidden, apierr.CodeUnauthorized, "sign in first")
				return
			}
			if !claims.Has(role) {
				render.Status(r, http.StatusUnauthorized)
				render.JSON(w, r, &apierr.ErrResponse{Code: apierr.CodeForbidden, Message: "requires role " + role})
				return
			}
			next.ServeHTTP(w, r)
		})
	}
}

// VerifySignature checks the HMAC-SHA256 signature of webhook bodies.
func VerifySignature(secret []byte) func(http.Handler) http.Handler {
	return func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			sig := r.Header.Get("X-Signature")
			if sig == "" {
				respond.WriteError(w, r, http.StatusUnauthorized, apierr.CodeInvalidSignature, "missing X-Signature header")
				return
			}
			body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
			if err != nil {
				respond.WriteError(w, r, http.StatusBadRequest, apierr.CodeBadRequest, "could not read body")
				return
			}
			mac := hmac.New(sha256.New, secret)
			mac.Write(body)
			want := hex.EncodeToString(mac.Sum(nil))
			if !hmac.Equal([]byte(want), []byte(strings.TrimPrefix(sig, "sha256="))) {
				respond.WriteError(w, r, http.StatusUnauthorized, "SIGNATURE_MISMATCH", "signature does not match body")
				return
			}
			r.Body = io.NopCloser(bytes.NewReader(body))
			next.ServeHTTP(w, r)
		})
	}
}
