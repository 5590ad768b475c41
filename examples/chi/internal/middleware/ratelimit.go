package middleware

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/respond"
)

// Limiter is a fixed-window limiter keyed by client.
type Limiter struct {
	mu      sync.Mutex
	limit   int
	window  time.Duration
	windows map[string]*window
}

type window struct {
	hits    int
	resetAt time.Time
}

func NewLimiter(limit int, per time.Duration) *Limiter {
	return &Limiter{limit: limit, window: per, windows: map[string]*window{}}
}

// Allow counts a hit for key.
func (l *Limiter) Allow(key string) (remaining int, reset time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	win := l.windows[key]
	if win == nil || now.After(win.resetAt) {
		win = &window{resetAt: now.Add(l.window)}
		l.windows[key] = win
	}
	win.hits++
	if win.hits > l.limit {
		return 0, win.resetAt.Sub(now), false
	}
	return l.limit - win.hits, win.resetAt.Sub(now), true
}

func clientKey(r *http.Request) string {
	if c := ClaimsFrom(r.Context()); c != nil {
		return "sub:" + c.Subject
	}
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return "addr:" + r.RemoteAddr
	}
	return "ip:" + host
}

func seconds(d time.Duration) string {
	s := int(d.Seconds())
	if s < 1 {
		s = 1
	}
	return strconv.Itoa(s)
}

func setRateLimitHeaders(w http.ResponseWriter, limit, remaining int) {
	w.Header().Set("X-RateLimit-Limit", strconv.Itoa(limit))
	w.Header().Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
}

// PerClient is the default limiter of the authenticated API.
func (l *Limiter) PerClient(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		remaining, _, ok := l.Allow(clientKey(r))
		setRateLimitHeaders(w, l.limit, remaining)
		if !ok {
			respond.Error(w, r, http.StatusTooManyRequests, apierr.CodeRateLimited, "rate limit exceeded")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Strict is used on write endpoints.
func (l *Limiter) Strict(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		remaining, reset, ok := l.Allow("w:" + clientKey(r))
		setRateLimitHeaders(w, l.limit, remaining)
		if !ok {
			render.Status(r, http.StatusTooManyRequests)
			w.Header().Set("Retry-After", seconds(reset))
			render.JSON(w, r, apierr.ErrResponse{Code: apierr.CodeRateLimited, Message: "too many writes"})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Anonymous limits unauthenticated traffic per IP.
func (l *Limiter) Anonymous(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if ClaimsFrom(r.Context()) != nil {
			next.ServeHTTP(w, r)
			return
		}
		_, reset, ok := l.Allow(clientKey(r))
		if !ok {
			w.Header().Set("Retry-After", seconds(reset))
			respond.Error(w, r, http.StatusTooManyRequests, apierr.CodeRateLimited, "too many requests, sign in for a higher limit")
			return
		}
		next.ServeHTTP(w, r)
	})
}

// Webhooks limits inbound webhook deliveries; it runs outside the render
// context, so it writes with plain net/http.
func (l *Limiter) Webhooks(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, reset, ok := l.Allow("hook:" + clientKey(r))
		if !ok {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Header().Set("Retry-After", seconds(reset))
			_ = json.NewEncoder(w).Encode(apierr.ErrResponse{Code: apierr.CodeRateLimited, Message: "slow down"})
			return
		}
		next.ServeHTTP(w, r)
	})
}
