package middleware

import (
	"encoding/json"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"

	"example.com/petstore/internal/apierr"
)

// RateLimiter is a keyed token bucket limiter.
type RateLimiter struct {
	rate  float64 // tokens per second
	burst float64
	now   func() time.Time

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

func NewRateLimiter(perSecond float64, burst int) *RateLimiter {
	return &RateLimiter{
		rate:    perSecond,
		burst:   float64(burst),
		now:     time.Now,
		buckets: make(map[string]*bucket),
	}
}

// Allow takes a token for key. When none is left it reports how long the
// caller has to wait for the next one.
func (l *RateLimiter) Allow(key string) (bool, time.Duration) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[key]
	if !ok {
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[key] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens >= 1 {
		b.tokens--
		return true, 0
	}
	wait := time.Duration((1 - b.tokens) / l.rate * float64(time.Second))
	return false, wait
}

// ClientIP returns the remote address without the port.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// PerIP limits anonymous traffic by client address.
func (l *RateLimiter) PerIP(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ok, wait := l.Allow("ip:" + ClientIP(r))
		if !ok {
			hdr := w.Header()
			hdr.Set("Retry-After", strconv.Itoa(int(wait/time.Second)+1))
			hdr.Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeRateLimitExceeded, Message: "rate limit exceeded", RequestID: apierr.RequestID(r)})
			return
		}
		next.ServeHTTP(w, r)
	})
}

// PerUser limits authenticated traffic by account. It must be mounted
// inside Authenticator.Require; anonymous requests pass through.
func (l *RateLimiter) PerUser(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if u, ok := UserFrom(r.Context()); ok {
			if allowed, _ := l.Allow("user:" + u.ID); !allowed {
				w.Header().Set("Content-Type", "application/json")
				w.WriteHeader(http.StatusTooManyRequests)
				json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeRateLimitExceeded, Message: "too many requests for this account", RequestID: apierr.RequestID(r)})
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
