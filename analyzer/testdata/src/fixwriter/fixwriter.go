package fixwriter // want package:"holds error helpers or types"

import (
	"net/http"

	"apierr"
)

func handler(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/a" {
		http.Error(w, "bad input", http.StatusBadRequest) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST`
		return
	}
	if r.URL.Path == "/b" {
		http.NotFound(w, r) // want `raw-http-error: http\.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND`
		return
	}
	// no fix: two codes are documented with 500
	http.Error(w, "boom", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

var _ = apierr.CodeNotFound

func noRequest(w http.ResponseWriter) {
	// no fix: no request in scope
	http.Error(w, "conflict", 409) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code CONFLICT`
}

func runtimeStatus(w http.ResponseWriter, r *http.Request, status int) { // want runtimeStatus:`helper\(status=2 writes\)`
	// no fix: status unknown
	http.Error(w, "x", status) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
