// Package restapp: handlers on github.com/go-pkgz/rest, a module that the // want package:"holds error helpers or types"
// command does not analyze: its helpers are rows of a table.
package restapp

import (
	"errors"
	"log"
	"net/http"

	"github.com/go-pkgz/rest"
)

var errBoom = errors.New("boom")

type logger struct{}

func (logger) Logf(format string, args ...any) { log.Printf(format, args...) }

func handler(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		// RenderJSON writes its value as the body, with the status set before.
		w.WriteHeader(http.StatusBadRequest)
		rest.RenderJSON(w, rest.JSON{"error": "bad request"}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key; send \{"code", "message", "details", "request_id"\}`
	case "/b":
		// SendErrorJSON always writes {"error": msg}.
		rest.SendErrorJSON(w, r, logger{}, http.StatusNotFound, errBoom, "no such pet") // want `error-body-shape: rest.SendErrorJSON writes the error body \{"error"\} with status 404: no "code" and no "message" key; send \{"code", "message", "details", "request_id"\}`
	case "/c":
		w.WriteHeader(http.StatusConflict) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
		rest.RenderJSON(w, rest.JSON{"code": "NOT_FOUND", "message": "x"})
	case "/d":
		// Left alone: success bodies; the documented body.
		rest.RenderJSON(w, rest.JSON{"id": 1})
	case "/e":
		w.WriteHeader(http.StatusNotFound)
		rest.RenderJSON(w, rest.JSON{"code": "NOT_FOUND", "message": "x"})
	default:
		sendError(w, r, http.StatusForbidden, "no") // want `error-body-shape: sendError writes an error body that is not \{"code", "message", "details", "request_id"\} with status 403 \(see its declaration\); send`
	}
}

// A helper over SendErrorJSON: its call sites with an error status are
// reported.
func sendError(w http.ResponseWriter, r *http.Request, status int, msg string) { // want sendError:`helper\(status=2 writes badbody\)`
	rest.SendErrorJSON(w, r, logger{}, status, nil, msg)
}
