package configured // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

// Run with a catalog that documents MAINTENANCE as 503 and SLOW_DOWN as
// 429, with -retry-after=429,503, -retry-after-value=120 and
// -error-writer=configured.writeError.

func maintenance(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `missing-retry-after: 503 response is written without a Retry-After header on some path; set Retry-After`
}

type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

var (
	errMaint = Error{Status: 503, Code: "MAINTENANCE", Message: "x"}
	errGone  = Error{Status: 404, Code: "NOT_FOUND", Message: "x"} // want `unknown-code: NOT_FOUND is not in the error catalog \(test catalog\)$`
)

var (
	errMaintTypo = Error{Status: 503, Code: "MAINTENANCE_", Message: "x"} // want `unknown-code: MAINTENANCE_ is not in the error catalog \(test catalog\); did you mean MAINTENANCE\?`
	errMaint500  = Error{Status: 500, Code: "MAINTENANCE", Message: "x"}  // want `status-mismatch: MAINTENANCE is documented with 503, sent with 500`
)

// A code suggested from a configured catalog is not "from the embedded
// default catalog" (the $ after MAINTENANCE below).
//
// Two error writers: the configuration names the one that the
// raw-http-error fix calls.
func writeError(w http.ResponseWriter, status int, code, msg string) { // want writeError:`helper\(status=1 code=2 writes\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: code, Message: msg})
}

func writeOther(w http.ResponseWriter, status int, code, msg string) { // want writeOther:`helper\(status=1 code=2 writes\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: code, Message: msg})
}

func handlers(w http.ResponseWriter, r *http.Request) { // want handlers:`helper\(writes retryafter\(some paths\)\)`
	switch r.URL.Path {
	case "/a":
		http.Error(w, "down", http.StatusServiceUnavailable) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code MAINTENANCE$` `missing-retry-after: 503 response is written without a Retry-After header on some path; set Retry-After`
	case "/b":
		http.Error(w, "gone", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
	case "/c":
		writeOther(w, http.StatusTooManyRequests, "SLOW_DOWN", "later") // want `missing-retry-after: SLOW_DOWN response \(429\) is written without a Retry-After header on some path; set Retry-After`
	case "/d":
		writeError(w, http.StatusInternalServerError, "MAINTENANCE", "later") // want `status-mismatch: MAINTENANCE is documented with 503, sent with 500` `missing-retry-after: MAINTENANCE response \(documented with 503\) is written without a Retry-After header on some path; set Retry-After`
	case "/e":
		w.Header().Set("Retry-After", "120")
		writeError(w, http.StatusServiceUnavailable, "MAINTENANCE", "later")
	}
}
