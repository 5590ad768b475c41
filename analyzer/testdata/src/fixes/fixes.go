package fixes // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
)

type Code string

type Error struct {
	Status  int    `json:"-"`
	Code    Code   `json:"code"`
	Message string `json:"message"`
}

func (e *Error) Error() string { return e.Message }

const statusTeapot = 418

// unknown-code: one close catalog code.

var (
	errSnake = &Error{Status: 404, Code: "not_found", Message: "x"}        // want `unknown-code: not_found is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	errCamel = &Error{Status: 404, Code: "NotFound", Message: "x"}         // want `unknown-code: NotFound is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	errTypo  = &Error{Status: 404, Code: "NOT_FOUNDD", Message: "x"}       // want `unknown-code: NOT_FOUNDD is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	errSwap  = &Error{Status: 409, Code: "CONFLCIT", Message: "x"}         // want `unknown-code: CONFLCIT is not in the error catalog \(embedded default\); did you mean CONFLICT\?`
	errKebab = &Error{Status: 422, Code: "validation-error", Message: "x"} // want `unknown-code: validation-error is not in the error catalog \(embedded default\); did you mean VALIDATION_ERROR\?`
	errConv  = &Error{Status: 404, Code: Code("Not-Found"), Message: "x"}  // want `unknown-code: Not-Found is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
)

// No fix: nothing close, or ambiguous.
var (
	errFar       = &Error{Status: 402, Code: "PAYMENT_REQUIRED", Message: "x"} // want `unknown-code: PAYMENT_REQUIRED is not in the error catalog \(embedded default\)$`
	errAmbiguous = &Error{Status: 401, Code: "INVALID", Message: "x"}          // want `unknown-code: INVALID is not in the error catalog \(embedded default\)$`
)

const typoConst Code = "NOT_FOUDN"

var errConst = &Error{Status: 404, Code: typoConst, Message: "x"} // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`

// status-mismatch: the documented status in the original style.

var (
	errNumber   = &Error{Status: 500, Code: "NOT_FOUND", Message: "x"}                           // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
	errConstant = &Error{Status: http.StatusBadRequest, Code: "CONFLICT", Message: "x"}          // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	errParen    = &Error{Status: (http.StatusTeapot), Code: "RATE_LIMIT_EXCEEDED", Message: "x"} // want `status-mismatch: RATE_LIMIT_EXCEEDED is documented with 429, sent with 418`
	errNamed    = &Error{Status: statusTeapot, Code: "BAD_REQUEST", Message: "x"}                // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 418`
)

var table = map[Code]int{
	"UNAUTHORIZED": http.StatusForbidden, // want `status-mismatch: UNAUTHORIZED is documented with 401, sent with 403`
	"FORBIDDEN":    403,
}

func writeHeaderThenBody(w http.ResponseWriter) {
	w.WriteHeader(http.StatusInternalServerError) // want `status-mismatch: SERVICE_UNAVAILABLE is documented with 503, sent with 500`
	json.NewEncoder(w).Encode(&Error{Code: "SERVICE_UNAVAILABLE", Message: "later"})
}

// missing-retry-after: set the header before the write.

func plain(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func inBranch(w http.ResponseWriter, slow bool) {
	if slow {
		http.Error(w, "slow down", 429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After` `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code RATE_LIMIT_EXCEEDED`
		return
	}
	switch {
	case !slow:
		w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	}
}

type server struct{ rw http.ResponseWriter }

func (s *server) field() {
	s.rw.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// No fix: not alone in a block.
func oneLine(w http.ResponseWriter) { w.WriteHeader(429) } // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`

func writer() http.ResponseWriter { return nil }

func computedWriter() {
	writer().WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// No fix: the function sets Retry-After on another path, or too late; an
// unconditional Set would overwrite or duplicate it.
func conditional(w http.ResponseWriter, wait string) { // want conditional:`helper\(retryaftervalue=1 writes retryafter\(some paths\)\)`
	if wait != "" {
		w.Header().Set("Retry-After", wait)
	}
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func late(w http.ResponseWriter) { // want late:`helper\(writes retryafter\)`
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set Retry-After`
	w.Header().Set("Retry-After", "1")
}

// status-mismatch in a switch table: the case's status is fixed when the
// case has one code.
func statusFor(c Code) int {
	switch c {
	case "NOT_FOUND": // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
		return http.StatusGone
	case "CONFLICT":
		return 409
	default:
		return 500
	}
}
