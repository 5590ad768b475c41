package inline // want package:"holds error helpers or types"

import "net/http"

// Checked with the inline catalog GONE=410, BUSY=503, retry-after [503] and
// raw-http-error disabled (see TestAnalyzer).

type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e Error) Error() string { return e.Message }

var (
	errGone    = Error{Status: 410, Code: "GONE", Message: "gone"}
	errBusy    = Error{Status: 503, Code: "BUSY", Message: "busy"}
	errWrong   = Error{Status: 404, Code: "GONE", Message: "x"}      // want `status-mismatch: GONE is documented with 410, sent with 404`
	errMissing = Error{Status: 404, Code: "NOT_FOUND", Message: "x"} // want `unknown-code: NOT_FOUND is not in the error catalog`
)

func busy(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `missing-retry-after: 503 response`
}

func busyWithHeader(w http.ResponseWriter) { // want busyWithHeader:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "30")
	w.WriteHeader(http.StatusServiceUnavailable)
}

func tooMany(w http.ResponseWriter) {
	// 429 does not need Retry-After: retry-after lists only 503.
	w.WriteHeader(http.StatusTooManyRequests)
}

func plain(w http.ResponseWriter) {
	// raw-http-error is disabled.
	http.Error(w, "nope", http.StatusInternalServerError)
}
