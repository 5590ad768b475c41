package retryafter // want package:"holds error helpers or types"

import (
	"encoding/json"
	"maps"
	"net/http"
	"strconv"
	"time"

	"rahelp"
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
func otherPathOnly(w http.ResponseWriter, ok bool) { // want otherPathOnly:`helper\(writes retryafter\(some paths\)\)`
	if ok {
		w.Header().Set("Retry-After", "1")
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func oneBranch(w http.ResponseWriter, known bool) { // want oneBranch:`helper\(writes retryafter\(some paths\)\)`
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
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set` `raw-http-error: \(http\.ResponseWriter\)\.WriteHeader sends status 429 without a body: nothing writes one after it on some path to the return; send a JSON error body with code RATE_LIMIT_EXCEEDED \(from`
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

func viaMapsCopy(w http.ResponseWriter, extra http.Header) { // want viaMapsCopy:`helper\(writes retryafter\(maybe\)\)`
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

func viaLoop(w http.ResponseWriter, extra http.Header) { // want viaLoop:`helper\(writes retryafter\(maybe\)\)`
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

func bothBranches(w http.ResponseWriter, slow bool) { // want bothBranches:`helper\(writes retryafter\(some paths\)\)`
	if slow {
		w.Header().Set("Retry-After", "60")
		w.WriteHeader(429)
		return
	}
	w.WriteHeader(503)
}

func runtimeStatus(w http.ResponseWriter, status int) { // want runtimeStatus:`helper\(status=1 writes bodyless\)`
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
		w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set` `raw-http-error: \(http\.ResponseWriter\)\.WriteHeader sends status 429 without a body: nothing writes one after it on some path to the return; send a JSON error body with code RATE_LIMIT_EXCEEDED \(from`
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
func writeStatusFirst(status int, w http.ResponseWriter) { // want writeStatusFirst:`helper\(status=0 writes bodyless\)`
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

// Header helpers of another package, by their facts.

func rateLimitHeadersOnly(w http.ResponseWriter) {
	rahelp.RateLimitHeaders(w.Header(), 10, 0)
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After on the response header before writing the status`
}

func readsHeadersOnly(w http.ResponseWriter) {
	if rahelp.ReadsHeaders(w.Header()) {
		return
	}
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set`
}

func retryWhenKnown(w http.ResponseWriter, secs int) { // want retryWhenKnown:`helper\(writes retryafter\(some paths\)\)`
	rahelp.RetryWhenKnown(w.Header(), secs)
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path \(RetryWhenKnown sets it on some of its paths only\); set Retry-After`
}

func retryAlways(w http.ResponseWriter, secs int) { // want retryAlways:`helper\(writes retryafter\)`
	rahelp.RateLimitHeaders(w.Header(), 10, 0)
	rahelp.Retry(w.Header(), secs)
	w.WriteHeader(http.StatusTooManyRequests)
}

func retryOrPanic(w http.ResponseWriter, secs int) { // want retryOrPanic:`helper\(writes retryafter\)`
	rahelp.RetryOrPanic(w, secs)
	w.WriteHeader(http.StatusTooManyRequests)
}

func copied(w http.ResponseWriter, from http.Header) { // want copied:`helper\(writes retryafter\(maybe\)\)`
	rahelp.Copy(w.Header(), from)
	w.WriteHeader(http.StatusTooManyRequests)
}

func limitedWriter(w http.ResponseWriter) { // want limitedWriter:`helper\(writes retryafter\(some paths\)\)`
	rahelp.Limited(w, http.StatusTooManyRequests, 5)
}

// Retry-After set under a condition in a helper of this package: the
// same.
func setWhen(w http.ResponseWriter, ok bool) { // want setWhen:`helper\(retryafter\(some paths\)\)`
	if ok {
		w.Header().Set("Retry-After", "5")
	}
}

func callsSetWhen(w http.ResponseWriter, ok bool) { // want callsSetWhen:`helper\(writes retryafter\(some paths\)\)`
	setWhen(w, ok)
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path \(setWhen sets it on some of its paths only\); set`
}

// The other branch writes no 429: Retry-After on the branch that does is
// enough.
func setWhenLimited(w http.ResponseWriter, limited bool) { // want setWhenLimited:`helper\(writes retryafter\(some paths\)\)`
	if limited {
		rahelp.Retry(w.Header(), 1)
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// A code documented with 429 needs Retry-After whatever status it is sent
// with (and another status is a status-mismatch).
func rateLimitRuntimeStatus(w http.ResponseWriter, status int) {
	s := status + 0
	w.WriteHeader(s) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set Retry-After on the response header before writing the status`
	json.NewEncoder(w).Encode(Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func rateLimitOtherStatus(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `status-mismatch: RATE_LIMIT_EXCEEDED is documented with 429, sent with 503` `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set`
	json.NewEncoder(w).Encode(Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func rateLimitOneBranch(w http.ResponseWriter, status int, limited bool) {
	st := status + 0
	w.WriteHeader(st) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set`
	if limited {
		json.NewEncoder(w).Encode(Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
		return
	}
	json.NewEncoder(w).Encode(Error{Code: "SERVICE_UNAVAILABLE", Message: "later"})
}

// Not flagged: Retry-After set first; a parameter status (its callers are
// checked); another code.
func rateLimitRuntimeStatusSet(w http.ResponseWriter, status int) { // want rateLimitRuntimeStatusSet:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "1")
	s := status + 0
	w.WriteHeader(s)
	json.NewEncoder(w).Encode(Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func rateLimitParamStatus(w http.ResponseWriter, status int) { // want rateLimitParamStatus:`helper\(status=1 fixedcode=RATE_LIMIT_EXCEEDED writes\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func otherCodeRuntimeStatus(w http.ResponseWriter, status int) {
	s := status + 0
	w.WriteHeader(s)
	json.NewEncoder(w).Encode(Error{Code: "SERVICE_UNAVAILABLE", Message: "later"})
}

// Misses of services written blind: a 429 through a generic writer, a 429
// re-exported as a constant of another package, Retry-After set after a
// project writer has written the 429.
func genericWriter(w http.ResponseWriter) {
	rahelp.JSON(w, http.StatusTooManyRequests, Error{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func reexported(w http.ResponseWriter) {
	writeJSON(w, rahelp.StatusLimited, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func writerThenRetryAfter(w http.ResponseWriter) { // want writerThenRetryAfter:`helper\(writes retryafter\)`
	writeJSON(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set`
	w.Header().Set("Retry-After", "30")
}

// Left alone: a status in a variable of another package (it may change).
func reexportedVar(w http.ResponseWriter) {
	writeJSON(w, rahelp.StatusVar, "SERVICE_UNAVAILABLE", "later")
}
