// Package bufuse calls bufhelp's writers after setting the status: the
// body's shape is that of the value they encode.
package bufuse

import (
	"net/http"

	"bufhelp"
)

func handler(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		w.WriteHeader(http.StatusBadRequest)
		bufhelp.RenderJSON(w, bufhelp.JSON{"error": "bad request"}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key; send \{"code", "message", "details", "request_id"\}`
	case "/b":
		w.WriteHeader(http.StatusNotFound)
		bufhelp.WriteString(w, map[string]string{"code": "NOT_FOUND", "message": "x"})
	case "/c":
		w.WriteHeader(http.StatusConflict) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
		bufhelp.RenderJSON(w, map[string]string{"code": "NOT_FOUND", "message": "x"})
	case "/d":
		// Left alone: a success body; writers whose body is not the value.
		bufhelp.RenderJSON(w, bufhelp.JSON{"id": 1})
	case "/e":
		w.WriteHeader(http.StatusBadRequest)
		bufhelp.Prefixed(w, bufhelp.JSON{"error": "bad request"})
	default:
		w.WriteHeader(http.StatusBadRequest)
		bufhelp.Two(w, bufhelp.JSON{"error": "a"}, bufhelp.JSON{"error": "b"})
	}
}
