package middleware

import (
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/respond"
)

type window struct {
	start time.Time
	count int
	// strikes counts consecutive windows in which the client hit the limit.
	strikes int
}

// RateLimiter is a fixed-window limiter keyed by API client, with a global
// ceiling protecting the database.
type RateLimiter struct {
	mu       sync.Mutex
	limit    int
	period   time.Duration
	global   window
	gLimit   int
	clients  map[string]*window
	penalty  time.Duration
	disabled bool
}

func NewRateLimiter(limit, globalLimit int, period, penalty time.Duration) *RateLimiter {
	return &RateLimiter{limit: limit, gLimit: globalLimit, period: period, penalty: penalty, clients: map[string]*window{}}
}

func (w *window) hit(now time.Time, period time.Duration) int {
	if now.Sub(w.start) >= period {
		if w.count == 0 {
			w.strikes = 0
		}
		w.start, w.count = now, 0
	}
	w.count++
	return w.count
}

func clientID(c echo.Context) string {
	if k, ok := Client(c); ok {
		return k.Client
	}
	return c.RealIP()
}

// Middleware enforces the limits.
func (rl *RateLimiter) Middleware(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if rl.disabled {
			return next(c)
		}
		now := time.Now()
		rl.mu.Lock()
		if rl.global.hit(now, rl.period) > rl.gLimit {
			rl.mu.Unlock()
			return c.JSON(http.StatusTooManyRequests, apierr.Error{Code: apierr.CodeRateLimited, Message: "service is under heavy load"})
		}
		id := clientID(c)
		w, ok := rl.clients[id]
		if !ok {
			w = &window{start: now}
			rl.clients[id] = w
		}
		n := w.hit(now, rl.period)
		reset := w.start.Add(rl.period)
		if n > rl.limit {
			w.strikes++
		}
		strikes := w.strikes
		rl.mu.Unlock()

		respond.RateHeaders(c, rl.limit, max(rl.limit-n, 0), reset)
		switch {
		case n <= rl.limit:
			return next(c)
		case strikes > 3:
			// Repeat offenders are blocked for the penalty period.
			if wait := time.Until(reset) + rl.penalty; wait > 0 {
				c.Response().Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
			}
			return respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "temporarily blocked for exceeding the rate limit repeatedly")
		default:
			return respond.TooManyRequests(c, time.Until(reset))
		}
	}
}

// WriteGuard rejects writes while a stock count is running. The stock count
// usually finishes within a few minutes.
func WriteGuard(counting func() (bool, time.Time)) echo.MiddlewareFunc {
	return func(next echo.HandlerFunc) echo.HandlerFunc {
		return func(c echo.Context) error {
			if c.Request().Method == http.MethodGet {
				return next(c)
			}
			running, eta := counting()
			if !running {
				return next(c)
			}
			if until := time.Until(eta); until > 0 {
				c.Response().Header().Set("Retry-After", strconv.Itoa(int(until.Seconds())+1))
			} else {
				c.Response().Header().Set("Retry-After", "30")
			}
			return c.JSON(http.StatusTooManyRequests, apierr.Error{
				Code:      apierr.CodeRateLimited,
				Message:   "writes are paused during the stock count",
				RequestID: respond.RequestID(c),
			})
		}
	}
}
