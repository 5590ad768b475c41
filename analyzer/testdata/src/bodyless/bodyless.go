// Package bodyless: a status written with no body after it on a path to // want package:"holds error helpers or types"
// the return, in net/http handlers; helpers whose callers write the body.
package bodyless

import (
	"encoding/json"
	"errors"
	"html/template"
	"io"
	"net/http"
	"os"
)

type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Flagged: handlers.

func get(w http.ResponseWriter, r *http.Request) {
	id := r.URL.Query().Get("id")
	if id == "" {
		w.WriteHeader(http.StatusNotFound) // want `raw-http-error: \(http.ResponseWriter\).WriteHeader sends status 404 without a body: nothing writes one after it on some path to the return; send a JSON error body with code NOT_FOUND`
		return
	}
	json.NewEncoder(w).Encode(map[string]string{"id": id})
}

func fallsOffTheEnd(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Allow", "GET")
	w.WriteHeader(http.StatusMethodNotAllowed) // want `raw-http-error: \(http\.ResponseWriter\)\.WriteHeader sends status 405 without a body: nothing writes one after it on some path to the return; send a JSON error body \{"code", "message", \.\.\.\}`
}

type server struct{ tmpl *template.Template }

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Authorization") == "" {
		w.WriteHeader(http.StatusUnauthorized) // want `raw-http-error: \(http.ResponseWriter\).WriteHeader sends status 401 without a body: nothing writes one after it on some path to the return; send a JSON error body \{"code", "message", ...\}`
		return
	}
	s.tmpl.Execute(w, nil)
}

// A middleware's handler is a function literal.
func auth(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			w.WriteHeader(http.StatusForbidden) // want `raw-http-error: \(http\.ResponseWriter\)\.WriteHeader sends status 403 without a body: nothing writes one after it on some path to the return; send a JSON error body \{"code", "message", \.\.\.\}`
			return
		}
		next.ServeHTTP(w, r)
	})
}

// A helper that leaves the body of its caller's status to the caller, and
// a handler that writes none after it.
func status(w http.ResponseWriter, code int) { // want status:`helper\(status=1 writes bodyless\)`
	w.WriteHeader(code)
}

func wrapsStatus(w http.ResponseWriter, code int) { // want wrapsStatus:`helper\(status=1 writes bodyless\)`
	w.Header().Set("Content-Type", "application/json")
	status(w, code)
}

func viaHelpers(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		status(w, http.StatusConflict) // want `raw-http-error: status sends status 409 without a body: nothing writes one after it on some path to the return; send a JSON error body with code CONFLICT`
	case "/b":
		wrapsStatus(w, http.StatusNotFound) // want `raw-http-error: wrapsStatus sends status 404 without a body: nothing writes one after it on some path to the return; send a JSON error body with code NOT_FOUND \(from`
	case "/c":
		status(w, http.StatusConflict)
		json.NewEncoder(w).Encode(Error{Code: "CONFLICT", Message: "exists"})
	case "/d":
		status(w, http.StatusOK)
	}
}

// A helper that writes a constant status alone: its callers may write the
// body after it, and they are not told (not flagged, there or here).
func notFound(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusNotFound)
}

func callsNotFound(w http.ResponseWriter, r *http.Request) {
	notFound(w)
}

// Left alone.

// A body follows on every path: the encoder, w.Write, a template, io.Copy,
// a file server, a function handed the response.
func bodies(w http.ResponseWriter, r *http.Request, f *os.File, t *template.Template, render func(http.ResponseWriter)) {
	switch r.URL.Path {
	case "/a":
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(Error{Code: "NOT_FOUND", Message: "x"})
	case "/b":
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"code": "NOT_FOUND", "message": "x"}`))
	case "/c":
		w.WriteHeader(http.StatusInternalServerError)
		t.Execute(w, nil)
	case "/d":
		w.WriteHeader(http.StatusBadGateway)
		io.Copy(w, f)
	case "/e":
		w.WriteHeader(http.StatusNotFound)
		http.ServeFile(w, r, "404.json")
	default:
		w.WriteHeader(http.StatusServiceUnavailable)
		render(w)
	}
}

// Not an error status; a status of the caller (a helper's parameter); a
// run-time status.
func success(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func runtime(w http.ResponseWriter, r *http.Request, codes map[string]int) {
	w.WriteHeader(codes[r.URL.Path])
}

// A helper whose caller writes the body: not a handler (it is called).
func writeHead(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusUnprocessableEntity)
}

func callsWriteHead(w http.ResponseWriter, r *http.Request) {
	writeHead(w, r)
	json.NewEncoder(w).Encode(Error{Code: "VALIDATION_ERROR", Message: "x"})
}

// An exported helper without a handler's signature: its callers decide.
func WriteStatus(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest)
}

// A helper that writes a body on some paths: its callers are not told.
func maybeBody(w http.ResponseWriter, err error) {
	w.WriteHeader(http.StatusInternalServerError)
	if err != nil {
		json.NewEncoder(w).Encode(Error{Code: "INTERNAL_ERROR", Message: err.Error()})
	}
}

func callsMaybeBody(w http.ResponseWriter, r *http.Request) {
	maybeBody(w, errors.New("x"))
}

// A deferred call may write the body.
func recovers(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if recover() != nil {
			json.NewEncoder(w).Encode(Error{Code: "INTERNAL_ERROR", Message: "panic"})
		}
	}()
	w.WriteHeader(http.StatusInternalServerError)
}

// A path that ends in a panic does not return.
func panics(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	panic("unreachable")
}

// An adapter of func(w, r) error writes the body of a returned error.
func adapted(w http.ResponseWriter, r *http.Request) error {
	w.WriteHeader(http.StatusNotFound)
	return errors.New("not found")
}

// A closure called after the status may write.
func closure(w http.ResponseWriter, r *http.Request) {
	write := func() { json.NewEncoder(w).Encode(Error{Code: "NOT_FOUND", Message: "x"}) }
	w.WriteHeader(http.StatusNotFound)
	write()
}
