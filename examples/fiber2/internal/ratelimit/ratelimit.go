// Package ratelimit holds the quota counters and the headers that describe
// them.
package ratelimit

import (
	"strconv"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"
)

// StatusLimited is the status of a request refused by a quota.
const StatusLimited = fiber.StatusTooManyRequests

// Window is a fixed-window counter per key.
type Window struct {
	mu    sync.Mutex
	limit int
	size  time.Duration
	start time.Time
	hits  map[string]int
}

// State describes a key's quota after a request was counted.
type State struct {
	Limit, Remaining int
	Reset            time.Duration
}

func NewWindow(limit int, size time.Duration) *Window {
	return &Window{limit: limit, size: size, start: time.Now(), hits: map[string]int{}}
}

// Hit counts a request for key and reports whether it is allowed.
func (w *Window) Hit(key string) (State, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if time.Since(w.start) > w.size {
		w.start, w.hits = time.Now(), map[string]int{}
	}
	w.hits[key]++
	st := State{Limit: w.limit, Remaining: max(w.limit-w.hits[key], 0), Reset: w.size - time.Since(w.start)}
	return st, w.hits[key] <= w.limit
}

// SetHeaders writes the X-RateLimit-* headers of st.
func SetHeaders(c *fiber.Ctx, st State) {
	c.Set("X-RateLimit-Limit", strconv.Itoa(st.Limit))
	c.Set("X-RateLimit-Remaining", strconv.Itoa(st.Remaining))
	c.Set("X-RateLimit-Reset", strconv.Itoa(int(st.Reset/time.Second)))
}

// SetRetryAfter writes Retry-After in whole seconds, at least one.
func SetRetryAfter(c *fiber.Ctx, wait time.Duration) {
	secs := int((wait + time.Second - 1) / time.Second)
	if secs < 1 {
		secs = 1
	}
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
}
