// Package plainuse calls plainhelp's writers.
package plainuse

import (
	"errors"
	"net/http"

	"plainhelp"
)

var errBoom = errors.New("boom")

func handler(w http.ResponseWriter, r *http.Request, err error, msg string) {
	switch r.URL.Path {
	case "/a":
		plainhelp.Text(w, http.StatusNotFound, "not found") // want `raw-http-error: Text sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	case "/b":
		plainhelp.Bytes(w, 500, []byte(err.Error())) // want `raw-http-error: Bytes sends a non-JSON body with status 500; send a JSON error body \{"code", "message", ...\}`
	case "/c":
		plainhelp.Print(w, http.StatusBadRequest, "bad request: "+msg) // want `raw-http-error: Print sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
	case "/d":
		plainhelp.Errorf(w, http.StatusConflict, errBoom) // want `raw-http-error: Errorf sends a non-JSON body with status 409; send a JSON error body with code CONFLICT`
	case "/e":
		plainhelp.Wrap(w, http.StatusForbidden, err.Error()) // want `raw-http-error: Wrap sends a non-JSON body with status 403; send a JSON error body \{"code", "message", \.\.\.\}`
	case "/f":
		plainhelp.Fail(w, http.StatusUnauthorized) // want `raw-http-error: Fail sends a non-JSON body with status 401; send a JSON error body \{"code", "message", \.\.\.\}`
	// Left alone: a success status, text the analysis cannot know, a JSON
	// text, writers that are not raw on every path.
	case "/g":
		plainhelp.Text(w, http.StatusOK, "pong")
	case "/h":
		plainhelp.Text(w, http.StatusNotFound, msg)
	case "/i":
		plainhelp.Text(w, http.StatusNotFound, `{"code": "NOT_FOUND", "message": "no such pet"}`)
	case "/j":
		plainhelp.Respond(w, http.StatusNotFound, map[string]string{"code": "NOT_FOUND", "message": "x"})
	default:
		plainhelp.TextOrJSON(w, http.StatusNotFound, "not found", map[string]string{"code": "NOT_FOUND", "message": "x"})
	}
}
