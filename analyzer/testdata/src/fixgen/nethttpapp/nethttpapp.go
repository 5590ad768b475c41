// Package nethttpapp: the fixes of a net/http service right after
// apierrlint gen (fixgen/nethttp/apierr, which no file imports yet).
package nethttpapp

import (
	"net/http"
)

func notFound(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such pet", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}

func notFound2(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `raw-http-error: http\.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND`
}

func unauthorized(w http.ResponseWriter, r *http.Request) {
	http.Error(w, http.StatusText(401), 401) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}

// Look-alikes.

func several(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "boom", http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

// No request in scope: the writer takes one.
func noRequest(w http.ResponseWriter) {
	http.Error(w, "taken", http.StatusConflict) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code CONFLICT`
}
