package nocodes // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

// Run with an OpenAPI document that defines no codes: no code is unknown,
// and the rules that need no code still report.

type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(Error{Code: "THING_NOT_FOUND", Message: "no such thing"})
}

func plain(w http.ResponseWriter) {
	http.Error(w, "gone", http.StatusGone) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
