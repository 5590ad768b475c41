package retryafter // want package:"holds error helpers or types"

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"time"
)

type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, code, msg string) { // want writeJSON:`helper\(status=1 code=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: code, Message: msg})
}

// tooMany fixes 429 and sets Retry-After first: its callers are fine.
func tooMany(w http.ResponseWriter, wait time.Duration) { // want tooMany:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())))
	writeJSON(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "slow down")
}

// setRetry only sets the header.
func setRetry(h http.Header, secs int) { // want setRetry:`helper\(retryafter\)`
	h.Set("Retry-After", strconv.Itoa(secs))
}

// setHeader sets any header; a call with "Retry-After" counts.
func setHeader(w http.ResponseWriter, key, value string) { // want setHeader:`helper\(headerkey=1 headervalue=2\)`
	w.Header().Set(key, value)
}

// Flagged.

func plain429(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After on the response header before writing the status`
}

func tooLate(w http.ResponseWriter) { // want tooLate:`helper\(writes retryafter\)`
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set Retry-After`
	w.Header().Set("Retry-After", "10")
}

// Set on another path only: not late on this one, just missing.
func otherPathOnly(w http.ResponseWriter, ok bool) { // want otherPathOnly:`helper\(writes retryafter\)`
	if ok {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func oneBranch(w http.ResponseWriter, known bool) { // want oneBranch:`helper\(writes retryafter\)`
	if known {
		w.Header().Set("Retry-After", "5")
	}
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func httpError429(w http.ResponseWriter) {
	http.Error(w, "slow down", 429) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code RATE_LIMIT_EXCEEDED` `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func helperWith429(w http.ResponseWriter) {
	writeJSON(w, 429, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func helperWithCodeOnly(w http.ResponseWriter) {
	writeJSON(w, 503, "RATE_LIMIT_EXCEEDED", "slow down") // want `status-mismatch: RATE_LIMIT_EXCEEDED is documented with 429, sent with 503` `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set Retry-After`
}

// limited fixes a 429 without Retry-After: reported inside, not at its callers.
func limited(w http.ResponseWriter) {
	writeJSON(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "x") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func callsLimited(w http.ResponseWriter) {
	limited(w)
}

func requestHeaderDoesNotCount(w http.ResponseWriter, r *http.Request) {
	r.Header.Set("Retry-After", "1")
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func otherHeader(w http.ResponseWriter) {
	w.Header().Set("X-RateLimit-Remaining", "0")
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// Not flagged.

func setFirst(w http.ResponseWriter) { // want setFirst:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "30")
	w.WriteHeader(http.StatusTooManyRequests)
}

func lowerCase(w http.ResponseWriter) { // want lowerCase:`helper\(writes retryafter\)`
	w.Header().Add("retry-after", "30")
	w.WriteHeader(429)
}

func viaVariable(w http.ResponseWriter) { // want viaVariable:`helper\(writes retryafter\)`
	h := w.Header()
	h["Retry-After"] = []string{"30"}
	w.WriteHeader(429)
}

func viaMapsCopy(w http.ResponseWriter, extra http.Header) { // want viaMapsCopy:`helper\(writes retryafter\)`
	maps.Copy(w.Header(), extra)
	w.WriteHeader(429)
}

// Copying from the response's headers sets nothing on them.
func copiesFromResponse(w http.ResponseWriter) http.Header {
	saved := http.Header{}
	maps.Copy(saved, w.Header())
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	return saved
}

func viaLoop(w http.ResponseWriter, extra http.Header) { // want viaLoop:`helper\(writes retryafter\)`
	for k, v := range extra {
		w.Header()[k] = v
	}
	w.WriteHeader(429)
}

func viaHelper(w http.ResponseWriter) { // want viaHelper:`helper\(writes retryafter\)`
	setRetry(w.Header(), 3)
	w.WriteHeader(429)
}

func viaKeyHelper(w http.ResponseWriter) { // want viaKeyHelper:`helper\(writes retryafter\)`
	setHeader(w, "Retry-After", "3")
	w.WriteHeader(429)
}

func viaClosure(w http.ResponseWriter) {
	set := func() { w.Header().Set("Retry-After", "1") }
	set()
	w.WriteHeader(429)
}

func callsTooMany(w http.ResponseWriter) { // want callsTooMany:`helper\(writes retryafter\)`
	tooMany(w, time.Second)
}

func bothBranches(w http.ResponseWriter, slow bool) { // want bothBranches:`helper\(writes retryafter\)`
	if slow {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(429)
		return
	}
	w.WriteHeader(503)
}

func runtimeStatus(w http.ResponseWriter, status int) { // want runtimeStatus:`helper\(status=1 writes\)`
	w.WriteHeader(status)
}

func unknownCallee(w http.ResponseWriter, decorate func(http.ResponseWriter)) {
	decorate(w)
	w.WriteHeader(429)
}

func otherStatus(w http.ResponseWriter) {
	writeJSON(w, 503, "SERVICE_UNAVAILABLE", "later")
}

// A callback stored in a struct field: its caller (here, limiter.serve) may
// set Retry-After before calling it, as rate-limiting middleware does.
// Regression: github.com/go-chi/httprate limiter.go onRateLimited.
type limiter struct {
	onLimited http.HandlerFunc
}

func defaultOnLimited(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "too many requests", http.StatusTooManyRequests) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code RATE_LIMIT_EXCEEDED`
}

func newLimiter() *limiter {
	l := &limiter{}
	l.onLimited = defaultOnLimited
	return &limiter{onLimited: func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(429) }}
}

func (l *limiter) serve(w http.ResponseWriter, r *http.Request) { // want serve:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "1")
	l.onLimited(w, r)
}

// A handler returned by a constructor is not a callback: reported.
func limitHandler() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	}
}

// A ResponseWriter of the project's own (a test double, a buffer): its
// methods are a ResponseWriter's, whatever they do.
type buffer struct {
	header http.Header
	status int
	body   []byte
}

func (b *buffer) Header() http.Header         { return b.header }
func (b *buffer) Write(p []byte) (int, error) { b.body = append(b.body, p...); return len(p), nil }
func (b *buffer) WriteHeader(status int)      { b.status = status }

func buffered() *buffer {
	b := &buffer{header: http.Header{}}
	b.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	return b
}

// Helpers whose first parameter is the status or the header's name.
func writeStatusFirst(status int, w http.ResponseWriter) { // want writeStatusFirst:`helper\(status=0 writes\)`
	w.WriteHeader(status)
}

func setHeaderFirst(key string, w http.ResponseWriter, value string) { // want setHeaderFirst:`helper\(headerkey=0 headervalue=2\)`
	w.Header().Set(key, value)
}

func usesFirstParams(w http.ResponseWriter) { // want usesFirstParams:`helper\(writes retryafter\)`
	setHeaderFirst("Retry-After", w, "1m") // want `retry-after-format: Retry-After is set to "1m", not a whole number of seconds`
	setHeaderFirst("Retry-After", w, "60")
	writeStatusFirst(http.StatusTooManyRequests, w)
}

func writesFirstWithout(w http.ResponseWriter) {
	writeStatusFirst(http.StatusTooManyRequests, w) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// A limiter that writes through a field: its callers are not handed the
// response, so what they write through it is not theirs.
type fieldLimiter struct{ w http.ResponseWriter }

func (l *fieldLimiter) reject() { // want reject:`helper\(writes retryafter\)`
	l.w.Header().Set("Retry-After", "1")
	l.w.WriteHeader(http.StatusTooManyRequests)
}

func (l *fieldLimiter) rejectWith(key string) { // want rejectWith:`helper\(headerkey=0\)`
	l.reject()
	l.w.Header().Set(key, "x")
}
