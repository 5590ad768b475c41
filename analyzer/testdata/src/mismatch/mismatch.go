package mismatch // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

type Code string

const (
	NotFound   Code = "NOT_FOUND"
	BadRequest Code = "BAD_REQUEST"
	RateLimit  Code = "RATE_LIMIT_EXCEEDED"
)

type Error struct {
	HTTPStatus int    `json:"status"`
	Code       Code   `json:"code"`
	Message    string `json:"message"`
}

func (e Error) Error() string { return e.Message }

// Problem's status field is known from its own method, not its name.
type Problem struct { // want Problem:`errortype\(status=HTTP\)`
	HTTP    int    `json:"-"`
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

func (p *Problem) Render(w http.ResponseWriter) {
	w.WriteHeader(p.HTTP)
	json.NewEncoder(w).Encode(p)
}

// Flagged.

var statuses = map[Code]int{
	NotFound:              404,
	BadRequest:            422, // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 422`
	"CONFLICT":            http.StatusConflict,
	"PAYMENT_REQUIRED":    402, // want `unknown-code: PAYMENT_REQUIRED is not in the error catalog \(embedded default\)`
	"RATE_LIMIT_EXCEEDED": 429,
}

func literal() error {
	return Error{HTTPStatus: 500, Code: NotFound, Message: "x"} // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func methodStatus() *Problem {
	return &Problem{HTTP: http.StatusBadRequest, Code: "FORBIDDEN", Message: "x"} // want `status-mismatch: FORBIDDEN is documented with 403, sent with 400`
}

func writeHeaderThenBody(w http.ResponseWriter) {
	w.WriteHeader(http.StatusForbidden) // want `status-mismatch: UNAUTHORIZED is documented with 401, sent with 403`
	json.NewEncoder(w).Encode(map[string]string{"code": "UNAUTHORIZED", "message": "log in"})
}

func writeHeaderThenMarshal(w http.ResponseWriter) {
	b, _ := json.Marshal(Error{Code: "CONFLICT", Message: "x"})
	w.WriteHeader(400) // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	w.Write(b)
}

func branchThenBody(w http.ResponseWriter, gone bool) {
	status := http.StatusNotFound
	if gone {
		w.WriteHeader(http.StatusGone) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	} else {
		w.WriteHeader(status)
	}
	enc := json.NewEncoder(w)
	enc.Encode(Error{Code: NotFound, Message: "x"})
}

func mapWithStatus() any {
	return map[string]any{"status": 500, "code": "VALIDATION_ERROR", "message": "x"} // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 500`
}

func constJSONAfterStatus(w http.ResponseWriter) {
	w.WriteHeader(500) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
	w.Write([]byte(`{"code":"NOT_FOUND","message":"x"}`))
}

// Not flagged.

func right(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(Error{Code: NotFound, Message: "x"})
}

func runtimeStatus(w http.ResponseWriter, err error) {
	status := statusOf(err)
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Error{Code: NotFound, Message: "x"})
}

func statusOf(error) int { return 500 }

func separatePaths(w http.ResponseWriter, missing bool) {
	if missing {
		w.WriteHeader(404)
		json.NewEncoder(w).Encode(Error{Code: NotFound, Message: "x"})
		return
	}
	w.WriteHeader(500)
	json.NewEncoder(w).Encode(Error{Code: "INTERNAL_ERROR", Message: "x"})
}

func notAStatusTable() map[string]int {
	return map[string]int{"NOT_FOUND": 3, "retries": 5} // counts, not statuses
}

func runtimeCodeTable(c Code) map[Code]int {
	return map[Code]int{c: 500}
}

// Tables at the ends of the error statuses.
var edges = map[string]int{
	"BAD_REQUEST":    400,
	"NOT_FOUND":      410, // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	"INTERNAL_ERROR": 599, // want `status-mismatch: INTERNAL_ERROR is documented with 500, sent with 599`
}
