package middleware

import (
	"context"
	"crypto/subtle"
	"errors"
	"net/http"
	"strings"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

type userKey struct{}
type sessionKey struct{}

// UserFrom returns the authenticated user stored by Authenticator.Require.
func UserFrom(ctx context.Context) (store.User, bool) {
	u, ok := ctx.Value(userKey{}).(store.User)
	return u, ok
}

// MustUser is UserFrom for handlers that are only mounted behind Require.
func MustUser(ctx context.Context) store.User {
	u, ok := UserFrom(ctx)
	if !ok {
		panic("middleware: MustUser called on an unauthenticated request")
	}
	return u
}

// SessionFrom returns the session the request was authenticated with.
func SessionFrom(ctx context.Context) (store.Session, bool) {
	s, ok := ctx.Value(sessionKey{}).(store.Session)
	return s, ok
}

// SessionCookie is the name of the browser session cookie.
const SessionCookie = "petstore_session"

// Authenticator resolves bearer tokens and session cookies to users.
type Authenticator struct {
	Store *store.Store
	Now   func() time.Time
}

func (a *Authenticator) now() time.Time {
	if a.Now != nil {
		return a.Now()
	}
	return time.Now()
}

func sessionToken(r *http.Request) (token string, fromCookie bool) {
	if h := r.Header.Get("Authorization"); h != "" {
		if t, ok := strings.CutPrefix(h, "Bearer "); ok {
			return strings.TrimSpace(t), false
		}
		return "", false
	}
	if c, err := r.Cookie(SessionCookie); err == nil {
		return c.Value, true
	}
	return "", false
}

// Require rejects requests without a valid, unexpired session. Cookie
// sessions must also present the CSRF token on unsafe methods.
func (a *Authenticator) Require(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		token, fromCookie := sessionToken(r)
		if token == "" {
			apierr.Unauthorized(w, r, "authentication required")
			return
		}
		sess, err := a.Store.Session(r.Context(), token)
		if errors.Is(err, store.ErrNotFound) {
			apierr.Unauthorized(w, r, "invalid session token")
			return
		}
		if err != nil {
			respond.Err(w, r, err)
			return
		}
		if a.now().After(sess.ExpiresAt) {
			apierr.Write(w, r, http.StatusUnauthorized, apierr.CodeSessionExpired, "session expired, please sign in again")
			return
		}
		if fromCookie && !safeMethod(r.Method) {
			sent := r.Header.Get("X-CSRF-Token")
			if subtle.ConstantTimeCompare([]byte(sent), []byte(sess.CSRFToken)) != 1 {
				apierr.Write(w, r, http.StatusForbidden, apierr.CodeCSRFFailed, "missing or invalid CSRF token")
				return
			}
		}
		user, err := a.Store.GetUser(r.Context(), sess.UserID)
		if err != nil {
			respond.Err(w, r, err)
			return
		}
		if user.Disabled {
			apierr.Write(w, r, http.StatusForbidden, apierr.CodeAccountDisabled, "this account has been disabled")
			return
		}
		ctx := context.WithValue(r.Context(), userKey{}, user)
		ctx = context.WithValue(ctx, sessionKey{}, sess)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// RequireRole only lets users with the given role through. It must be
// mounted inside Require.
func RequireRole(role string, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		u, ok := UserFrom(r.Context())
		if !ok || u.Role != role {
			http.Error(w, "forbidden", http.StatusForbidden)
			return
		}
		next.ServeHTTP(w, r)
	})
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}
