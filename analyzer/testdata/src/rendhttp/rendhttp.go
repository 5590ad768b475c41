// Package rendhttp: a net/http adapter type (a func(w, r) error with a // want package:"holds error helpers or types" package:`renders\(rendhttp.httpError status=Status code=Code retryafter=RetryAfterSeconds by rendhttp.renderError\)`
// ServeHTTP) that hands the error its handler returns to renderError.
package rendhttp

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
)

type httpError struct {
	Status            int
	Code              string
	Message           string
	RetryAfterSeconds int
}

func (e *httpError) Error() string { return e.Message }

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type appHandler func(w http.ResponseWriter, r *http.Request) error

func (h appHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) { // want ServeHTTP:`renderer\(net/http\)` ServeHTTP:`helper\(writes retryafter\(some paths\)\)`
	if err := h(w, r); err != nil {
		renderError(w, r, err)
	}
}

func renderError(w http.ResponseWriter, r *http.Request, err error) { // want renderError:`renderer\(net/http fallback=400 fallbackcode=BAD_REQUEST\)` renderError:`helper\(writes retryafter\(some paths\)\)`
	var e *httpError
	if errors.As(err, &e) {
		if e.RetryAfterSeconds > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(e.RetryAfterSeconds))
		}
		if r.Header.Get("Accept") == "text/plain" {
			w.WriteHeader(e.Status)
			io.WriteString(w, err.Error()) // want `raw-http-error: a plain-text body is written in the error renderer renderError: everything a renderer writes is an error response; send a JSON error body \{"code", "message", \.\.\.\}`
			return
		}
		w.WriteHeader(e.Status)
		json.NewEncoder(w).Encode(body{Code: e.Code, Message: e.Message})
		return
	}
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(body{Code: "BAD_REQUEST", Message: err.Error()}) // want `status-mismatch: renderError sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`
}

func get(w http.ResponseWriter, r *http.Request) error {
	if r.URL.Query().Get("id") == "" {
		return &httpError{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfterSeconds field unset, which rendhttp.renderError sends as the Retry-After header; set RetryAfterSeconds`
	}
	return &httpError{Status: 404, Code: "NOT_FOUND", Message: "no such item"}
}

func routes(mux *http.ServeMux) {
	mux.Handle("/items", appHandler(get))
}
