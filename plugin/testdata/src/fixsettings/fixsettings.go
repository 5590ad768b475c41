package fixsettings // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

// Checked with retry-after-value "120" and error-writer fixsettings.writeJSON
// (see TestFixSettings). writeJSON and writeProblem both take a status and a
// code: without error-writer the raw-http-error fix could not choose one and
// would not be offered.

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeJSON(w http.ResponseWriter, status int, code, msg string) { // want writeJSON:`helper\(status=1 code=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(errorBody{Code: code, Message: msg})
}

func writeProblem(w http.ResponseWriter, status int, code string) { // want writeProblem:`helper\(status=1 code=2 writes\)`
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(errorBody{Code: code})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such pet", http.StatusNotFound) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}

func tooMany(w http.ResponseWriter) {
	writeJSON(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\)`
}
