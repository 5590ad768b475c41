package unknowncode // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

type Code string

const (
	CodeNotFound Code = "NOT_FOUND"
	CodeTypo     Code = "NOT_FOUDN"
	CodeUnused   Code = "NEVER_USED" // declared but unused: not a finding
)

type APIError struct {
	Status  int    `json:"-"`
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string { return e.Message }

// Banner has code and message tags but is not an error: served with 200.
type Banner struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Flagged.

var ErrPayment = &APIError{Status: 402, Code: "PAYMENT_REQUIRED", Message: "pay"} // want `unknown-code: PAYMENT_REQUIRED is not in the error catalog \(embedded default\)`

func typo() error {
	return &APIError{Status: 404, Code: CodeTypo, Message: "x"} // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

func mapBody(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusTeapot)
	json.NewEncoder(w).Encode(map[string]any{"code": "TEAPOT", "message": "short and stout"}) // want `unknown-code: TEAPOT is not in the error catalog \(embedded default\)`
}

func assigned() *APIError {
	e := &APIError{Status: 500, Message: "x"}
	e.Code = "OOPS" // want `unknown-code: OOPS is not in the error catalog \(embedded default\)`
	return e
}

func constJSON(w http.ResponseWriter) {
	w.WriteHeader(500)
	w.Write([]byte(`{"code": "KABOOM", "message": "x"}`)) // want `unknown-code: KABOOM is not in the error catalog \(embedded default\)`
}

func bannerAsError(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(Banner{Code: "SALE_ENDED", Message: "x"}) // want `unknown-code: SALE_ENDED is not in the error catalog \(embedded default\)`
}

func localVar(w http.ResponseWriter) {
	code := "LOCAL_TYPO"
	body := APIError{Status: 400, Code: Code(code), Message: "x"} // want `unknown-code: LOCAL_TYPO is not in the error catalog \(embedded default\)`
	w.WriteHeader(400)
	json.NewEncoder(w).Encode(body)
}

func positional() error {
	return &APIError{409, "CONFLICTED", "x"} // want `unknown-code: CONFLICTED is not in the error catalog \(embedded default\); did you mean CONFLICT\?`
}

// Not flagged.

func known() error {
	return &APIError{Status: 404, Code: CodeNotFound, Message: "x"}
}

func banner(w http.ResponseWriter) {
	json.NewEncoder(w).Encode(Banner{Code: "SUMMER_SALE", Message: "20% off"})
}

func bannerOK(w http.ResponseWriter) {
	w.WriteHeader(http.StatusOK)
	json.NewEncoder(w).Encode(Banner{Code: "SUMMER_SALE", Message: "20% off"})
}

func runtimeCode(code Code) error { // want runtimeCode:`helper\(code=0 fixedstatus=400\)`
	return &APIError{Status: 400, Code: code, Message: "x"}
}

func notAnErrorMap(w http.ResponseWriter) {
	json.NewEncoder(w).Encode(map[string]any{"code": "promo"}) // no message key
	_ = map[string]int{"apples": 3, "pears": 4}                // not a status table
}

type untagged struct {
	Code    string
	Message string
	Status  int
}

// An untagged Code field is the code its author meant (error-body-shape
// reports that it encodes as "Code").
func untaggedFields() any { return untagged{Code: "WHATEVER", Message: "x", Status: 500} } // want `unknown-code: WHATEVER is not in the error catalog \(embedded default\)`

func reassigned(cond bool) error {
	code := Code("FIRST")
	if cond {
		code = "SECOND"
	}
	return &APIError{Status: 400, Code: code, Message: "x"}
}

// Regression: github.com/go-ozzo/ozzo-validation's ErrorObject, seen in
// pocketbase core/validators: unexported fields are not encoded, and its codes
// are field-level validation codes, not API error codes.
type validationError struct{ code, message string }

func (e validationError) Error() string { return e.message }

func newValidationError(code, message string) error { return validationError{code, message} }

var errNotUnique = newValidationError("validation_not_unique", "x")

// Untagged exported fields encode as "Code" and "Message" (error-body-shape),
// but the code is still the code its author meant.
type legacyError struct {
	Code    string
	Message string
	Status  int
}

func (e legacyError) Error() string { return e.Message }

var errLegacy = legacyError{Code: "legacy_code", Message: "x", Status: 500} // want `unknown-code: legacy_code is not in the error catalog \(embedded default\)`

// A map is an error body by its own status: 400 is one.
var errBadRequestMap = map[string]any{"status": 400, "code": "BAD_REQEST", "message": "x"} // want `unknown-code: BAD_REQEST is not in the error catalog \(embedded default\); did you mean BAD_REQUEST\?`

// A writer that takes the code (no status: the response's is 200 unless
// set): its callers' codes are checked.
func writeCode(w http.ResponseWriter, code string) { // want writeCode:`helper\(code=1 writes\)`
	json.NewEncoder(w).Encode(APIError{Code: Code(code), Message: "x"})
}

// A writer that takes the body first.
func encodeFirst(v any, w http.ResponseWriter) { // want encodeFirst:`helper\(body=0 writes\)`
	w.WriteHeader(http.StatusBadRequest)
	json.NewEncoder(w).Encode(v)
}

// A constructor that assigns the code it is given.
func withCode(code Code) *APIError { // want withCode:`helper\(code=0\)`
	e := &APIError{Status: 400, Message: "x"}
	e.Code = code
	return e
}

var errWithCode = withCode("BAD_REQUESTS") // want `unknown-code: BAD_REQUESTS is not in the error catalog \(embedded default\); did you mean BAD_REQUEST\?`

// A writer that takes the code first and builds the body up.
func writeBuiltUp(code string, w http.ResponseWriter) { // want writeBuiltUp:`helper\(code=0 writes\)`
	body := map[string]any{"message": "x"}
	body["code"] = code
	json.NewEncoder(w).Encode(body)
}

func callsWriters(w http.ResponseWriter) {
	writeBuiltUp("NOT_FOUND", w)
	writeBuiltUp("NOT_FUOND", w) // want `unknown-code: NOT_FUOND is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	writeCode(w, "NOT_FOUND")
	writeCode(w, "GONE_AWAY") // want `unknown-code: GONE_AWAY is not in the error catalog \(embedded default\)`
	encodeFirst(APIError{Code: "NOT_FOUND", Message: "x"}, w)
	encodeFirst(APIError{Code: "NOPE", Message: "x"}, w) // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`
}

// A wrapper that passes its first parameter on as the body.
func encodeVia(v any, w http.ResponseWriter) { // want encodeVia:`helper\(body=0 writes\)`
	encodeFirst(v, w)
}

// A helper called with the results of another call: its arguments are not
// known one by one.
func writerAndCode(w http.ResponseWriter) (http.ResponseWriter, string) { return w, "NOPE" }

func spread(w http.ResponseWriter) {
	writeCode(writerAndCode(w))
}

// A body whose code is documented with 429, written by a helper without a
// status of its own: the response needs Retry-After.
func encodesRateLimited(w http.ResponseWriter) {
	encodeFirst(map[string]any{"code": "RATE_LIMIT_EXCEEDED", "message": "x"}, w) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set Retry-After`
}
