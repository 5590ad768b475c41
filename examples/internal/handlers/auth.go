package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

const sessionTTL = 12 * time.Hour

// lockouts locks an email address after too many failed sign-ins.
type lockouts struct {
	max int
	ttl time.Duration

	mu    sync.Mutex
	state map[string]*lockState
}

type lockState struct {
	failures    int
	lockedUntil time.Time
}

func newLockouts(max int, ttl time.Duration) *lockouts {
	return &lockouts{max: max, ttl: ttl, state: make(map[string]*lockState)}
}

// locked reports whether email is locked. lockedUntil is zero for accounts
// that were locked manually by support and have no automatic expiry.
func (l *lockouts) locked(email string) (lockedUntil time.Time, locked bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s, ok := l.state[email]
	if !ok || s.failures < l.max {
		return time.Time{}, false
	}
	if !s.lockedUntil.IsZero() && time.Now().After(s.lockedUntil) {
		delete(l.state, email)
		return time.Time{}, false
	}
	return s.lockedUntil, true
}

func (l *lockouts) fail(email string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	s, ok := l.state[email]
	if !ok {
		s = &lockState{}
		l.state[email] = s
	}
	s.failures++
	if s.failures == l.max {
		s.lockedUntil = time.Now().Add(l.ttl)
	}
}

func (l *lockouts) reset(email string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	delete(l.state, email)
}

func (l *lockouts) lockIndefinitely(email string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.state[email] = &lockState{failures: l.max}
}

// LockAccount: POST /admin/lockouts/{email} blocks sign-in for an address
// until support clears it.
func (h *Handler) LockAccount(w http.ResponseWriter, r *http.Request) {
	email := strings.ToLower(r.PathValue("email"))
	h.lockouts.lockIndefinitely(email)
	h.Logger.InfoContext(r.Context(), "account locked", "email", email, "by", middleware.MustUser(r.Context()).ID)
	respond.NoContent(w)
}

type loginResponse struct {
	Token     string     `json:"token"`
	CSRFToken string     `json:"csrf_token"`
	ExpiresAt time.Time  `json:"expires_at"`
	User      store.User `json:"user"`
}

// Login: POST /auth/login
func (h *Handler) Login(w http.ResponseWriter, r *http.Request) {
	if ok, wait := h.loginLimiter.Allow(middleware.ClientIP(r)); !ok {
		w.Header().Set("retry-after", strconv.Itoa(int(wait.Seconds())+1))
		apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "too many sign-in attempts from this address")
		return
	}
	var req struct {
		Email    string `json:"email"`
		Password string `json:"password"`
	}
	if err := decodeJSON(w, r, &req); err != nil || req.Email == "" || req.Password == "" {
		apierr.BadRequest(w, r, "body must be a JSON object with email and password")
		return
	}
	email := strings.ToLower(strings.TrimSpace(req.Email))

	if until, locked := h.lockouts.locked(email); locked {
		if !until.IsZero() {
			w.Header().Set("Retry-After", apierr.RetryAfterSeconds(time.Until(until)))
		}
		apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "too many failed sign-in attempts, account temporarily locked")
		return
	}

	user, err := h.Store.Authenticate(r.Context(), email, req.Password)
	if errors.Is(err, store.ErrNotFound) {
		h.lockouts.fail(email)
		apierr.Write(w, r, http.StatusUnauthorized, apierr.CodeInvalidCredentials, "email or password is incorrect")
		return
	}
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	if user.Disabled {
		apierr.Write(w, r, http.StatusForbidden, apierr.CodeAccountDisabled, "this account has been disabled")
		return
	}
	h.lockouts.reset(email)

	sess, err := h.Store.CreateSession(r.Context(), user.ID, sessionTTL)
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     middleware.SessionCookie,
		Value:    sess.Token,
		Path:     "/",
		Expires:  sess.ExpiresAt,
		HttpOnly: true,
		Secure:   true,
		SameSite: http.SameSiteLaxMode,
	})
	respond.OK(w, loginResponse{Token: sess.Token, CSRFToken: sess.CSRFToken, ExpiresAt: sess.ExpiresAt, User: user})
}

// Logout: POST /auth/logout (behind Require, which checks CSRF for cookies)
func (h *Handler) Logout(w http.ResponseWriter, r *http.Request) {
	sess, ok := middleware.SessionFrom(r.Context())
	if !ok {
		apierr.Unauthorized(w, r, "not signed in")
		return
	}
	if err := h.Store.DeleteSession(r.Context(), sess.Token); err != nil {
		respond.DBError(w, r, err)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: middleware.SessionCookie, Path: "/", MaxAge: -1})
	respond.NoContent(w)
}

// Refresh: POST /auth/refresh extends a session that has not expired yet.
func (h *Handler) Refresh(w http.ResponseWriter, r *http.Request) {
	token, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		apierr.Unauthorized(w, r, "bearer token required")
		return
	}
	old, err := h.Store.Session(r.Context(), token)
	if errors.Is(err, store.ErrNotFound) {
		apierr.Unauthorized(w, r, "invalid session token")
		return
	}
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	if time.Now().After(old.ExpiresAt) {
		apierr.Write(w, r, http.StatusUnauthorized, apierr.CodeSessionExpired, "session expired, please sign in again")
		return
	}
	sess, err := h.Store.CreateSession(r.Context(), old.UserID, sessionTTL)
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	_ = h.Store.DeleteSession(r.Context(), old.Token)
	respond.OK(w, map[string]any{"token": sess.Token, "csrf_token": sess.CSRFToken, "expires_at": sess.ExpiresAt})
}
