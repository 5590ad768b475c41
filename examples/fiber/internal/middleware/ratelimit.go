package middleware

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/limiter"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/respond"
)

// Limiter is a fixed-window rate limiter keyed by client.
type Limiter struct {
	mu      sync.Mutex
	limit   int
	window  time.Duration
	buckets map[string]*bucket
	locks   map[string]time.Time
	now     func() time.Time
}

type bucket struct {
	count   int
	resetAt time.Time
}

func NewLimiter(limit int, window time.Duration) *Limiter {
	return &Limiter{
		limit:   limit,
		window:  window,
		buckets: map[string]*bucket{},
		locks:   map[string]time.Time{},
		now:     time.Now,
	}
}

// Allow counts one hit for key and reports whether it is within the limit.
func (l *Limiter) Allow(key string) (remaining int, reset time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, found := l.buckets[key]
	if !found || now.After(b.resetAt) {
		b = &bucket{resetAt: now.Add(l.window)}
		l.buckets[key] = b
	}
	b.count++
	reset = b.resetAt.Sub(now)
	if b.count > l.limit {
		return 0, reset, false
	}
	return l.limit - b.count, reset, true
}

// Lock blocks key until the given time (used after repeated failed logins).
func (l *Limiter) Lock(key string, until time.Time) {
	l.mu.Lock()
	l.locks[key] = until
	l.mu.Unlock()
}

func (l *Limiter) lockedUntil(key string) (time.Time, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	until, ok := l.locks[key]
	if !ok || l.now().After(until) {
		return time.Time{}, false
	}
	return until, true
}

func clientKey(c fiber.Ctx) string {
	if claims := ClaimsFrom(c); claims != nil {
		return "user:" + claims.Subject
	}
	return "ip:" + c.IP()
}

func setRateHeaders(c fiber.Ctx, limit, remaining int, reset time.Duration) {
	c.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	c.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	c.Set("X-RateLimit-Reset", strconv.Itoa(int(reset.Seconds())))
}

// PerClient limits each authenticated user (or anonymous IP).
func (l *Limiter) PerClient() fiber.Handler {
	return func(c fiber.Ctx) error {
		remaining, reset, ok := l.Allow(clientKey(c))
		setRateHeaders(c, l.limit, remaining, reset)
		if !ok {
			return c.Status(fiber.StatusTooManyRequests).JSON(apierr.Error{
				Code:      apierr.CodeRateLimited,
				Message:   "rate limit exceeded",
				RequestID: respond.RequestID(c),
			})
		}
		return c.Next()
	}
}

// Login throttles the sign-in endpoint per IP.
func (l *Limiter) Login() fiber.Handler {
	return func(c fiber.Ctx) error {
		key := "login:" + c.IP()
		if until, locked := l.lockedUntil(key); locked {
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(time.Until(until).Seconds())+1))
			return respond.Error(c, fiber.StatusTooManyRequests, apierr.CodeRateLimited, "too many failed sign-in attempts")
		}
		if _, _, ok := l.Allow(key); !ok {
			return respond.Error(c, fiber.StatusTooManyRequests, apierr.CodeRateLimited, "slow down")
		}
		return c.Next()
	}
}

// Search is a stricter limiter for the expensive search endpoint.
func (l *Limiter) Search() fiber.Handler {
	return func(c fiber.Ctx) error {
		_, reset, ok := l.Allow("search:" + clientKey(c))
		if ok {
			return c.Next()
		}
		c.Status(fiber.StatusTooManyRequests)
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(reset.Seconds())+1))
		return c.JSON(apierr.Error{Code: apierr.CodeRateLimited, Message: "search rate limit exceeded", RequestID: respond.RequestID(c)})
	}
}

// Webhooks limits partner webhook deliveries.
func (l *Limiter) Webhooks() fiber.Handler {
	return func(c fiber.Ctx) error {
		_, reset, ok := l.Allow("hook:" + c.IP())
		if !ok {
			return respond.TooManyRequests(c, reset, "webhook delivery rate exceeded")
		}
		return c.Next()
	}
}

// Global is the coarse per-IP limiter in front of everything.
func Global(max int, window time.Duration) fiber.Handler {
	return limiter.New(limiter.Config{
		Max:          max,
		Expiration:   window,
		KeyGenerator: func(c fiber.Ctx) string { return c.IP() },
		LimitReached: func(c fiber.Ctx) error {
			return c.Status(fiber.StatusTooManyRequests).JSON(apierr.Error{
				Code:      apierr.CodeRateLimited,
				Message:   "too many requests",
				RequestID: respond.RequestID(c),
			})
		},
	})
}

// Maintenance short-circuits every request while the flag is on.
func Maintenance(enabled func() bool) fiber.Handler {
	return func(c fiber.Ctx) error {
		if !enabled() {
			return c.Next()
		}
		c.Set(fiber.HeaderRetryAfter, "300")
		return respond.Text(c, fiber.StatusServiceUnavailable, "service is down for maintenance")
	}
}
