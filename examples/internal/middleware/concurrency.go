package middleware

import (
	"encoding/json"
	"net/http"

	"example.com/petstore/internal/apierr"
)

// MaxInFlight sheds load once n requests are being served concurrently.
func MaxInFlight(n int, next http.Handler) http.Handler {
	sem := make(chan struct{}, n)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case sem <- struct{}{}:
			defer func() { <-sem }()
			next.ServeHTTP(w, r)
		default:
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusTooManyRequests)
			w.Header().Set("Retry-After", "1")
			_ = json.NewEncoder(w).Encode(&apierr.Error{
				Code:      apierr.CodeRateLimitExceeded,
				Message:   "server is busy, please retry shortly",
				RequestID: apierr.RequestID(r),
			})
		}
	})
}
