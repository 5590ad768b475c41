// Package ratelimit implements the per-workspace quotas and the headers that
// describe them.
package ratelimit

import (
	"math"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// StatusLimited is the status of a request refused by a quota.
const StatusLimited = http.StatusTooManyRequests

// State is a quota's state after a request was counted.
type State struct {
	Limit     int
	Remaining int
	Reset     time.Duration
}

// SetHeaders writes the X-RateLimit-* headers that describe st.
func SetHeaders(h http.Header, st State) {
	h.Set("X-RateLimit-Limit", strconv.Itoa(st.Limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(st.Remaining, 0)))
	h.Set("X-RateLimit-Reset", strconv.Itoa(int(st.Reset.Seconds())))
}

// SetRetryAfter writes Retry-After as whole seconds, never less than one.
func SetRetryAfter(h http.Header, wait time.Duration) {
	secs := int(math.Ceil(wait.Seconds()))
	if secs < 1 {
		secs = 1
	}
	h.Set("Retry-After", strconv.Itoa(secs))
}

// Quota counts requests per key in fixed windows.
type Quota struct {
	mu     sync.Mutex
	limit  int
	window time.Duration
	start  time.Time
	used   map[string]int
}

func NewQuota(limit int, window time.Duration) *Quota {
	return &Quota{limit: limit, window: window, start: time.Now(), used: make(map[string]int)}
}

// Take counts one request for key and reports whether it is within quota.
func (q *Quota) Take(key string) (State, bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	now := time.Now()
	if now.Sub(q.start) >= q.window {
		q.start = now
		q.used = make(map[string]int)
	}
	q.used[key]++
	st := State{Limit: q.limit, Remaining: q.limit - q.used[key], Reset: q.window - now.Sub(q.start)}
	return st, q.used[key] <= q.limit
}
