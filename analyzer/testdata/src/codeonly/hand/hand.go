package hand // want package:"holds error helpers or types"

// A hand-written writer that takes a code and no status: nothing proves that
// it sends the code's catalog status, so the raw-http-error fix does not
// call it (only apierrlint gen's Write is trusted so; see genhttp/fix).

import (
	"encoding/json"
	"net/http"
)

type Code string

// Status derives the status from the code, as gen's writer does.
func (c Code) Status() int {
	if c == "NOT_FOUND" {
		return http.StatusNotFound
	}
	return http.StatusInternalServerError
}

func Write(w http.ResponseWriter, r *http.Request, code Code, message string) { // want Write:`helper\(code=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code.Status())
	json.NewEncoder(w).Encode(map[string]string{"code": string(code), "message": message})
}

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such order", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}
