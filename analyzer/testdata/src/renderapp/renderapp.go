// Package renderapp: chi with go-chi/render. // want package:"holds error helpers or types"
package renderapp

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/render"
)

// ErrResponse is a Renderer whose Render method passes HTTPStatusCode to
// render.Status: that field is its status field.
type ErrResponse struct { // want ErrResponse:`errortype\(status=HTTPStatusCode\)`
	HTTPStatusCode int    `json:"-"`
	Code           string `json:"code"`
	Message        string `json:"message"`
}

func (e *ErrResponse) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, e.HTTPStatusCode)
	return nil
}

// Helpers that pass their status to a Renderer's status field: their call
// sites pair it with the code.
func renderError(w http.ResponseWriter, r *http.Request, status int, code string) { // want renderError:`helper\(status=2 code=3 writes\)`
	_ = render.Render(w, r, &ErrResponse{HTTPStatusCode: status, Code: code, Message: "x"})
}

func renderNotFound(status int, w http.ResponseWriter, r *http.Request) { // want renderNotFound:`helper\(status=0 fixedcode=NOT_FOUND writes\)`
	_ = render.Render(w, r, &ErrResponse{HTTPStatusCode: status, Code: "NOT_FOUND", Message: "x"})
}

// The status set on the Renderer after it is built.
func renderBuiltUp(status int, w http.ResponseWriter, r *http.Request) { // want renderBuiltUp:`helper\(status=0 fixedcode=NOT_FOUND writes\)`
	e := &ErrResponse{Code: "NOT_FOUND", Message: "x"}
	e.HTTPStatusCode = status
	_ = render.Render(w, r, e)
}

func usesRenderHelpers(w http.ResponseWriter, r *http.Request) {
	renderBuiltUp(http.StatusNotFound, w, r)
	renderBuiltUp(http.StatusGone, w, r) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	renderError(w, r, http.StatusNotFound, "NOT_FOUND")
	renderError(w, r, http.StatusBadRequest, "NOT_FOUND") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	renderNotFound(http.StatusNotFound, w, r)
	renderNotFound(http.StatusConflict, w, r) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
}

var ErrConflict = &ErrResponse{HTTPStatusCode: http.StatusBadRequest, Code: "CONFLICT", Message: "exists"} // want `status-mismatch: CONFLICT is documented with 409, sent with 400`

func statusThenJSON(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("a") != "" {
		render.Status(r, http.StatusNotFound)
		render.JSON(w, r, render.M{"code": "NOT_FOUND", "message": "x"})
		return
	}
	if r.URL.Query().Get("b") != "" {
		render.Status(r, http.StatusBadRequest) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
		render.JSON(w, r, render.M{"code": "NOT_FOUND", "message": "x"})
		return
	}
	if r.URL.Query().Get("c") != "" {
		render.Status(r, http.StatusForbidden) // want `status-mismatch: UNAUTHORIZED is documented with 401, sent with 403`
		render.Respond(w, r, render.M{"code": "UNAUTHORIZED", "message": "x"})
		return
	}
	if r.URL.Query().Get("d") != "" {
		render.Status(r, http.StatusBadRequest) // want `status-mismatch: DATABASE_ERROR is documented with 500, sent with 400`
		render.DefaultResponder(w, r, render.M{"code": "DATABASE_ERROR", "message": "x"})
		return
	}
	render.Status(r, http.StatusInternalServerError)
	render.DefaultResponder(w, r, render.M{"code": "DATABASE_ERROR", "message": "x"})
}

func renderer(w http.ResponseWriter, r *http.Request) { // want renderer:`helper\(writes retryafter\(some paths\)\)`
	if r.URL.Query().Get("a") != "" {
		_ = render.Render(w, r, &ErrResponse{HTTPStatusCode: http.StatusNotFound, Code: "NOT_FOUND", Message: "x"})
		return
	}
	if r.URL.Query().Get("b") != "" {
		_ = render.Render(w, r, &ErrResponse{HTTPStatusCode: http.StatusTooManyRequests, Code: "RATE_LIMIT_EXCEEDED", Message: "x"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
		return
	}
	w.Header().Set("Retry-After", "30")
	_ = render.Render(w, r, &ErrResponse{HTTPStatusCode: http.StatusTooManyRequests, Code: "RATE_LIMIT_EXCEEDED", Message: "x"})
}

func plain(w http.ResponseWriter, r *http.Request, err error) {
	switch r.URL.Query().Get("k") {
	case "a":
		render.Status(r, http.StatusBadRequest)
		render.PlainText(w, r, err.Error()) // want `raw-http-error: render\.PlainText sends a non-JSON body after status 400; send a JSON error body with code BAD_REQUEST`
	case "b":
		render.Status(r, 500)
		render.HTML(w, r, "<p>oops</p>") // want `raw-http-error: render\.HTML sends a non-JSON body after status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	case "c":
		render.Status(r, 502)
		render.Data(w, r, []byte("bad gateway")) // want `raw-http-error: render\.Data sends a non-JSON body after status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	case "d":
		render.Status(r, 404)
		render.XML(w, r, ErrResponse{}) // want `raw-http-error: render\.XML sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
	case "e":
		render.PlainText(w, r, "pong") // 200
	default:
		render.NoContent(w, r)
	}
}

// Retry-After between render.Status and the write is in time; missing on
// one path it is not.
func limited(w http.ResponseWriter, r *http.Request, wait string) { // want limited:`helper\(writes retryafter\)`
	render.Status(r, http.StatusTooManyRequests)
	w.Header().Set("Retry-After", "60")
	render.JSON(w, r, render.M{"code": "RATE_LIMIT_EXCEEDED", "message": "x"})
}

func limitedMissing(w http.ResponseWriter, r *http.Request, wait string) { // want limitedMissing:`helper\(retryaftervalue=2 writes retryafter\(some paths\)\)`
	render.Status(r, http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	if wait != "" {
		w.Header().Set("Retry-After", wait)
	}
	render.JSON(w, r, render.M{"code": "RATE_LIMIT_EXCEEDED", "message": "x"})
}

// Plain net/http in the same service counts as in net/http.
func plainHTTP(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusUnauthorized) // want `status-mismatch: FORBIDDEN is documented with 403, sent with 401`
	json.NewEncoder(w).Encode(render.M{"code": "FORBIDDEN", "message": "x"})
}

// A project's own Status function is not render's.
func Status(r *http.Request, status int) {}

func ownStatus(w http.ResponseWriter, r *http.Request) {
	Status(r, http.StatusBadRequest)
	render.JSON(w, r, render.M{"code": "NOT_FOUND", "message": "x"})
}

// The classic go-chi/render error renderer: keys "status", "code" as a
// number and "error". Its constructors set the status field to an error
// status: an error body, reported at its declaration.
type ErrRenderer struct { // want ErrRenderer:`errortype\(status=HTTPStatusCode badshape\)` `error-body-shape: ErrRenderer encodes as \{"status", "code", "error"\}: no "message" key; "code" is a number, not a string; send \{"code", "message", "details", "request_id"\}`
	Err            error `json:"-"`
	HTTPStatusCode int   `json:"-"`

	StatusText string `json:"status"`
	AppCode    int64  `json:"code,omitempty"`
	ErrorText  string `json:"error,omitempty"`
}

func (e *ErrRenderer) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, e.HTTPStatusCode)
	return nil
}

func ErrInvalidRequest(err error) render.Renderer {
	return &ErrRenderer{Err: err, HTTPStatusCode: 400, StatusText: "Invalid request.", ErrorText: err.Error()}
}

// A renderer whose "details" is a string.
type DetailRenderer struct { // want DetailRenderer:`errortype\(status=Status badshape\)` `error-body-shape: DetailRenderer encodes as \{"code", "message", "details"\}: "details" is a string, not an object; send`
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	Details string `json:"details"`
}

func (d *DetailRenderer) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, d.Status)
	return nil
}

func errValidation(msg string) render.Renderer {
	return &DetailRenderer{Status: http.StatusUnprocessableEntity, Code: "VALIDATION_ERROR", Message: "invalid", Details: msg}
}

// Left alone: a renderer of success responses (its status field set to
// 201), whatever its keys.
type CreatedRenderer struct { // want CreatedRenderer:`errortype\(status=Status\)`
	Status int    `json:"-"`
	ID     string `json:"id"`
}

func (c *CreatedRenderer) Render(w http.ResponseWriter, r *http.Request) error {
	render.Status(r, c.Status)
	return nil
}

func created(id string) render.Renderer {
	return &CreatedRenderer{Status: http.StatusCreated, ID: id}
}
