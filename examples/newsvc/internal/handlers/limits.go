package handlers

import (
	"net/http"
	"sync/atomic"

	"example.com/newsvc/internal/apierr"
)

// Limit is middleware that lets at most Max requests be in flight, and
// answers the others with RATE_LIMIT_EXCEEDED: the writer sets its
// Retry-After (30 seconds, retry-after-value in .apierrlint.yml).
func Limit(max int64, next http.Handler) http.Handler {
	var inFlight atomic.Int64
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if inFlight.Add(1) > max {
			inFlight.Add(-1)
			apierr.Write(w, r, apierr.CodeRateLimitExceeded, "too many requests in flight")
			return
		}
		defer inFlight.Add(-1)
		next.ServeHTTP(w, r)
	})
}

// Maintenance is middleware that answers every request with MAINTENANCE,
// retried in 5 minutes, while on reports true.
func Maintenance(on func() bool, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if on() {
			apierr.WriteError(w, r, apierr.New(apierr.CodeMaintenance, "down for maintenance").WithRetryAfter(300))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// RequireKey is middleware that rejects a request without an API key.
func RequireKey(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-API-Key") == "" {
			apierr.Write(w, r, apierr.CodeUnauthorized, "no API key")
			return
		}
		next.ServeHTTP(w, r)
	})
}
