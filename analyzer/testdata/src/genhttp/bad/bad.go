package bad // want package:"holds error helpers or types"

// Package bad misuses the code that apierrlint gen wrote (genhttp/apierr)
// beside using it well: the analysis reports what it reports in
// hand-written code, through the facts of the generated writer.

import (
	"encoding/json"
	"net/http"

	"genhttp/apierr"
)

// A code constant typed by hand, unknown to the catalog.
func typo(w http.ResponseWriter, r *http.Request) { // want typo:`helper\(writes retryafter\(some paths\)\)`
	apierr.Write(w, r, apierr.Code("NOPE"), "x") // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`
}

func typoError() error {
	return apierr.New("NOT_FOUDN", "x") // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

// The error body written by hand, with another status than its code's.
func wrongStatus(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusBadRequest) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	json.NewEncoder(w).Encode(apierr.Error{Code: apierr.Code("NOT_FOUND"), Message: "no such order"})
}

// A raw error beside the writer.
func raw(w http.ResponseWriter, r *http.Request) { // want raw:`helper\(writes retryafter\(some paths\)\)`
	if r.URL.Path == "/" {
		apierr.Write(w, r, apierr.CodeNotFound, "x")
		return
	}
	http.Error(w, "boom", http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

// 429 written by hand, without the writer's Retry-After.
func tooMany(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	json.NewEncoder(w).Encode(apierr.New(apierr.CodeRateLimitExceeded, "slow down"))
}

// A wrapper that passes the code on, and a caller that gets it wrong.
func fail(w http.ResponseWriter, r *http.Request, code apierr.Code) { // want fail:`helper\(code=2 writes retryafter\(some paths\)\)`
	apierr.Write(w, r, code, "failed")
}

func callsFail(w http.ResponseWriter, r *http.Request) { // want callsFail:`helper\(writes retryafter\(some paths\)\)`
	fail(w, r, "INTERNAL") // want `unknown-code: INTERNAL is not in the error catalog \(embedded default\)`
}
