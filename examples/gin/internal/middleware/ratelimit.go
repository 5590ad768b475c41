package middleware

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/respond"
)

// bucket is a token bucket.
type bucket struct {
	tokens float64
	last   time.Time
}

// take removes one token if available. It returns whether the request is
// allowed, the remaining whole tokens and how long until the next token.
func (b *bucket) take(now time.Time, rate float64, burst int) (bool, int, time.Duration) {
	elapsed := now.Sub(b.last).Seconds()
	b.last = now
	b.tokens += elapsed * rate
	if b.tokens > float64(burst) {
		b.tokens = float64(burst)
	}
	if b.tokens < 1 {
		wait := time.Duration((1 - b.tokens) / rate * float64(time.Second))
		return false, 0, wait
	}
	b.tokens--
	return true, int(b.tokens), 0
}

// Limiter is a per-client token bucket limiter with a global ceiling.
type Limiter struct {
	mu      sync.Mutex
	rate    float64
	burst   int
	clients map[string]*bucket
	global  *bucket
	gRate   float64
	gBurst  int
}

// NewLimiter allows rate requests/second per client (burst tokens) and
// globalRate requests/second in total.
func NewLimiter(rate float64, burst int, globalRate float64) *Limiter {
	return &Limiter{
		rate:    rate,
		burst:   burst,
		clients: map[string]*bucket{},
		global:  &bucket{tokens: globalRate, last: time.Now()},
		gRate:   globalRate,
		gBurst:  int(globalRate),
	}
}

func clientKey(c *gin.Context) string {
	if cl := ClaimsFrom(c); cl != nil {
		return "user:" + cl.UserID
	}
	return "ip:" + c.ClientIP()
}

// Middleware enforces the limits.
func (l *Limiter) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		now := time.Now()
		l.mu.Lock()
		okGlobal, _, _ := l.global.take(now, l.gRate, l.gBurst)
		if !okGlobal {
			l.mu.Unlock()
			// Shed load before touching per-client state.
			c.AbortWithStatusJSON(http.StatusTooManyRequests, apierr.Error{Code: apierr.CodeRateLimited, Message: "server is busy, try again shortly"})
			return
		}
		key := clientKey(c)
		b, ok := l.clients[key]
		if !ok {
			b = &bucket{tokens: float64(l.burst), last: now}
			l.clients[key] = b
		}
		allowed, remaining, wait := b.take(now, l.rate, l.burst)
		l.mu.Unlock()

		respond.RateHeaders(c, l.burst, remaining, now.Add(wait))
		if !allowed {
			respond.TooManyRequests(c, wait, "rate limit exceeded")
			return
		}
		c.Next()
	}
}

// LoginThrottle limits failed sign-in attempts per IP address.
type LoginThrottle struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	failures map[string][]time.Time
}

func NewLoginThrottle(max int, window time.Duration) *LoginThrottle {
	return &LoginThrottle{max: max, window: window, failures: map[string][]time.Time{}}
}

// Fail records a failed attempt.
func (t *LoginThrottle) Fail(ip string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.failures[ip] = append(t.failures[ip], time.Now())
}

func (t *LoginThrottle) recent(ip string, now time.Time) []time.Time {
	cut := now.Add(-t.window)
	kept := t.failures[ip][:0]
	for _, f := range t.failures[ip] {
		if f.After(cut) {
			kept = append(kept, f)
		}
	}
	t.failures[ip] = kept
	return kept
}

// Middleware rejects clients that failed too often.
func (t *LoginThrottle) Middleware() gin.HandlerFunc {
	return func(c *gin.Context) {
		now := time.Now()
		t.mu.Lock()
		recent := t.recent(c.ClientIP(), now)
		t.mu.Unlock()
		if len(recent) >= t.max {
			reset := recent[0].Add(t.window)
			respond.RateHeaders(c, t.max, 0, reset)
			respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "too many failed sign-in attempts")
			return
		}
		c.Next()
	}
}

// Concurrency caps in-flight requests for expensive endpoints.
func Concurrency(n int) gin.HandlerFunc {
	sem := make(chan struct{}, n)
	return func(c *gin.Context) {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
			c.Next()
		default:
			c.Header("Retry-After", strconv.Itoa(2))
			c.AbortWithStatusJSON(http.StatusTooManyRequests, apierr.Error{
				Code:      apierr.CodeRateLimited,
				Message:   "too many concurrent requests",
				RequestID: c.GetString(respond.RequestIDKey),
			})
		}
	}
}
