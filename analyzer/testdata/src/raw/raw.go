package raw // want package:"holds error helpers or types"

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

type Error struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

// Flagged.

func httpError(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "boom", http.StatusInternalServerError) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body \{"code", "message", ...\}`
}

func httpErrorRuntimeStatus(w http.ResponseWriter, status int) { // want httpErrorRuntimeStatus:`helper\(status=1 writes\)`
	http.Error(w, "boom", status) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func httpErrorSuggestsCode(w http.ResponseWriter) {
	http.Error(w, "conflict", 409) // want `raw-http-error: .* with code CONFLICT \(from the embedded default catalog\)$`
}

// A body that is JSON already: the content type is what is wrong.
func httpErrorJSONBody(w http.ResponseWriter, err error) {
	http.Error(w, `{"code": "CONFLICT", "message": "taken"}`, http.StatusConflict)    // want `raw-http-error: http.Error sends this JSON-looking body as text/plain \(it sets Content-Type: text/plain\); set Content-Type: application/json and write a JSON error body with code CONFLICT \(from the embedded default catalog\)$`
	http.Error(w, fmt.Sprintf(`{"code": "INTERNAL_ERROR", "message": %q}`, err), 503) // want `raw-http-error: http.Error sends this JSON-looking body as text/plain .* with code SERVICE_UNAVAILABLE`
	b, _ := json.Marshal(Error{Code: "BAD_REQUEST", Message: "no"})
	http.Error(w, string(b), 400) // want `raw-http-error: http\.Error sends this JSON-looking body as text/plain \(it sets Content-Type: text/plain\); set Content-Type: application/json and write a JSON error body with code BAD_REQUEST`
	const list = ` [1, 2]`
	http.Error(w, list, 500) // want `raw-http-error: http.Error sends this JSON-looking body as text/plain .* \{"code", "message", ...\}$`
}

// Text that is not JSON keeps the plain-text message, whatever it mentions.
func httpErrorTextMentioningJSON(w http.ResponseWriter, err error) {
	http.Error(w, "invalid JSON: "+err.Error(), 400)        // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST`
	http.Error(w, fmt.Sprintf("bad {field}: %v", err), 400) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST`
}

func notFound(w http.ResponseWriter, r *http.Request) {
	http.NotFound(w, r) // want `raw-http-error: http.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND`
}

func routes(mux *http.ServeMux) {
	mux.Handle("/older", http.StripPrefix("/older", http.NotFoundHandler())) // want `raw-http-error: http\.NotFoundHandler serves a plain-text 404; use a handler that sends a JSON error body with code NOT_FOUND`
	mux.Handle("/old", http.NotFoundHandler())                               // want `raw-http-error: http\.NotFoundHandler serves a plain-text 404; use a handler that sends a JSON error body with code NOT_FOUND`
	mux.HandleFunc("/gone", http.NotFound)                                   // want `raw-http-error: http\.NotFound used as a handler sends a plain-text 404; use a handler that sends a JSON error body with code NOT_FOUND`
	var h http.HandlerFunc = http.NotFound                                   // want `raw-http-error: http\.NotFound used as a handler sends a plain-text 404; use a handler that sends a JSON error body with code NOT_FOUND`
	_ = h
}

func plainAfterStatus(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadGateway)
	fmt.Fprintf(w, "upstream failed: %v", errors.New("x")) // want `raw-http-error: plain-text body written after status 502; send a JSON error body \{"code", "message", \.\.\.\}`
}

func plainWriteAfterStatus(w http.ResponseWriter, err error) {
	w.WriteHeader(500)
	w.Write([]byte(err.Error())) // want `raw-http-error: plain-text body written after status 500; send a JSON error body \{"code", "message", \.\.\.\}`
}

func plainStringAfterStatus(w http.ResponseWriter) {
	w.WriteHeader(http.StatusForbidden)
	io.WriteString(w, "forbidden") // want `raw-http-error: plain-text body written after status 403; send a JSON error body \{"code", "message", ...\}`
}

func plainOnOneBranch(w http.ResponseWriter, ok bool) {
	if !ok {
		w.WriteHeader(http.StatusServiceUnavailable)
	}
	fmt.Fprintln(w, "maybe") // want `raw-http-error: plain-text body written after status 503; send a JSON error body with code SERVICE_UNAVAILABLE`
}

func plainErrorValue(w http.ResponseWriter, err error) {
	w.WriteHeader(400)
	fmt.Fprint(w, err) // want `raw-http-error: plain-text body written after status 400; send a JSON error body with code BAD_REQUEST`
}

// Not flagged.

type apierr struct{}

// NotFound is the project's own, not net/http's.
func (apierr) NotFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(404)
	json.NewEncoder(w).Encode(&Error{Code: "NOT_FOUND", Message: "no"})
}

func NotFound(w http.ResponseWriter, r *http.Request) { apierr{}.NotFound(w, r) }

func useOwnNotFound(mux *http.ServeMux) {
	mux.HandleFunc("/x", NotFound)
}

func health(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusOK)
	fmt.Fprintln(w, "ok")
}

func plainOnSuccessPathOnly(w http.ResponseWriter, err error) {
	if err != nil {
		w.WriteHeader(500)
		json.NewEncoder(w).Encode(&Error{Code: "INTERNAL_ERROR", Message: "x"})
		return
	}
	fmt.Fprintln(w, "done")
}

func jsonLooking(w http.ResponseWriter, code string) {
	w.WriteHeader(500)
	fmt.Fprintf(w, `{"code": %q, "message": "x"}`, code)
	w.Write([]byte(`{"code": "INTERNAL_ERROR", "message": "x"}`))
}

// A raw helper: its call sites with a constant error status are raw.
func runtimeStatus(w http.ResponseWriter, status int) { // want runtimeStatus:`helper\(status=1 writes rawtext\)`
	w.WriteHeader(status)
	fmt.Fprintln(w, "whatever")
}

func unknownBytes(w http.ResponseWriter, b []byte) {
	w.WriteHeader(500)
	w.Write(b)
}

func formatOnly(w http.ResponseWriter, s string) {
	w.WriteHeader(500)
	fmt.Fprintf(w, "%s", s)
}

func panicsFirst(w http.ResponseWriter) {
	w.WriteHeader(500)
	panic("no body")
}

func otherWriter(out io.Writer) {
	fmt.Fprintln(out, "not a response")
	http.StatusText(500)
}

func deferredAndGoroutine(w http.ResponseWriter) {
	w.WriteHeader(http.StatusOK)
	defer fmt.Fprintln(w, "after")
	go func() {}()
}

func recoverer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if rec := recover(); rec != nil {
				w.WriteHeader(http.StatusInternalServerError)
				fmt.Fprintf(w, "internal server error: %v\n", rec) // want `raw-http-error: plain-text body written after status 500; send a JSON error body \{"code", "message", \.\.\.\}`
			}
		}()
		next.ServeHTTP(w, r)
	})
}

func concatenated(w http.ResponseWriter, err error) {
	w.WriteHeader(http.StatusServiceUnavailable)
	io.WriteString(w, "not ready: "+err.Error()+"\n") // want `raw-http-error: plain-text body written after status 503; send a JSON error body with code SERVICE_UNAVAILABLE`
}

func sprintfBody(w http.ResponseWriter, err error) {
	w.WriteHeader(http.StatusBadRequest)
	w.Write([]byte(fmt.Sprintf("bad input: %v", err))) // want `raw-http-error: plain-text body written after status 400; send a JSON error body with code BAD_REQUEST`
}

// Not flagged: a JSON document assembled at run time.
func concatenatedJSON(w http.ResponseWriter, code string) {
	w.WriteHeader(http.StatusBadRequest)
	io.WriteString(w, `{"code":"`+code+`","message":"x"}`)
	w.Write([]byte(fmt.Sprintf(`{"code":%q}`, code)))
}

// Not flagged: the deferred write runs after the handler returns.
func deferredWrite(w http.ResponseWriter) {
	defer io.WriteString(w, "trailer text")
	w.WriteHeader(http.StatusOK)
}

// The writer of http.Error is a ResponseWriter by its parameter's type, even
// a nil argument (a test stub).
func nilWriter() {
	http.NotFound(nil, nil) // want `raw-http-error: http\.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND`
}
