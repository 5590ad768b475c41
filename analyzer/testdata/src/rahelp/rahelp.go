// Package rahelp: header helpers in another package than their callers // want package:"holds error helpers or types"
// (retryafter), known by their facts: the headers each sets on every path,
// on some, or never.
package rahelp

import (
	"encoding/json"
	"net/http"
	"strconv"
)

// RateLimitHeaders sets only the RateLimit-* and X-RateLimit-* headers:
// never Retry-After.
func RateLimitHeaders(h http.Header, limit, remaining int) { // want RateLimitHeaders:`helper\(noretryafter\)`
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("RateLimit-Policy", "10;w=1")
}

// RetryWhenKnown sets Retry-After under a condition: the other path goes
// without it.
func RetryWhenKnown(h http.Header, secs int) { // want RetryWhenKnown:`helper\(retryafter\(some paths\)\)`
	if secs > 0 {
		h.Set("Retry-After", strconv.Itoa(secs))
	}
}

// Retry sets it on every path.
func Retry(h http.Header, secs int) { // want Retry:`helper\(retryafter\)`
	if secs <= 0 {
		secs = 1
	}
	h.Set("Retry-After", strconv.Itoa(secs))
}

// RetryOrPanic sets it on every path that returns.
func RetryOrPanic(w http.ResponseWriter, secs int) { // want RetryOrPanic:`helper\(retryafter\)`
	if secs < 0 {
		panic("negative wait")
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
}

// Copy copies headers whose names it cannot know: it may set Retry-After.
func Copy(h, from http.Header) { // want Copy:`helper\(retryafter\(maybe\)\)`
	for k, v := range from {
		h[k] = v
	}
}

// Limited writes a 429 and sets Retry-After first on one path only: its
// condition may be the status's, so its callers count it as setting it.
func Limited(w http.ResponseWriter, status int, secs int) { // want Limited:`helper\(status=1 writes retryafter\(some paths\) bodyless\)`
	if status == http.StatusTooManyRequests {
		w.Header().Set("Retry-After", strconv.Itoa(secs))
	}
	w.WriteHeader(status)
}

// LimitedBody takes its status first and writes a RATE_LIMIT_EXCEEDED
// body: whether the response needs Retry-After is for its callers' status
// to say, not for the helper.
func LimitedBody(status int, w http.ResponseWriter) { // want LimitedBody:`helper\(status=0 fixedcode=RATE_LIMIT_EXCEEDED writes\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
}

// ReadsHeaders only reads the header map it is handed.
func ReadsHeaders(h http.Header) bool { // want ReadsHeaders:`helper\(noretryafter\)`
	return h.Get("X-Debug") != ""
}

// StatusLimited re-exports 429 as a constant; StatusVar as a variable.
const StatusLimited = http.StatusTooManyRequests

var StatusVar = http.StatusTooManyRequests

// JSON is a generic writer: its fact is on its origin.
func JSON[T any](w http.ResponseWriter, status int, v T) { // want JSON:`helper\(status=1 body=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
