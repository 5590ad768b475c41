package middleware

import (
	"maps"
	"net/http"
	"strconv"
	"sync"
	"time"

	"example.com/petstore/internal/apierr"
)

// Quota enforces a daily request allowance per partner API key.
type Quota struct {
	Limit int

	mu     sync.Mutex
	day    string
	counts map[string]int
}

type quotaState struct {
	limit, remaining int
	reset            time.Time
}

func (q *Quota) take(key string, now time.Time) quotaState {
	q.mu.Lock()
	defer q.mu.Unlock()
	if day := now.UTC().Format(time.DateOnly); day != q.day || q.counts == nil {
		q.day, q.counts = day, make(map[string]int)
	}
	q.counts[key]++
	midnight := now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
	return quotaState{limit: q.Limit, remaining: q.Limit - q.counts[key], reset: midnight}
}

func (st quotaState) headers(now time.Time) http.Header {
	h := http.Header{}
	h.Set("X-RateLimit-Limit", strconv.Itoa(st.limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(max(0, st.remaining)))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(st.reset.Unix(), 10))
	if st.remaining < 0 {
		h.Set("Retry-After", apierr.RetryAfterSeconds(st.reset.Sub(now)))
	}
	return h
}

// Middleware applies the quota to requests that carry an X-Api-Key header.
func (q *Quota) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key := r.Header.Get("X-Api-Key")
		if key == "" {
			next.ServeHTTP(w, r)
			return
		}
		now := time.Now()
		st := q.take(key, now)
		maps.Copy(w.Header(), st.headers(now))
		if st.remaining < 0 {
			apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "daily API quota exhausted")
			return
		}
		next.ServeHTTP(w, r)
	})
}
