package apierr // want package:"holds error helpers or types"

import (
	"encoding/json"
	"net/http"
	"strconv"
)

type Code string

const (
	CodeNotFound   Code = "NOT_FOUND"
	CodeBadRequest Code = "BAD_REQUEST"
	CodeInternal   Code = "INTERNAL_ERROR"
	CodeRateLimit  Code = "RATE_LIMIT_EXCEEDED"
)

type Error struct {
	Status    int            `json:"-"`
	Code      Code           `json:"code"`
	Message   string         `json:"message"`
	Details   map[string]any `json:"details,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
}

func (e *Error) Error() string { return string(e.Code) + ": " + e.Message }

// New builds an error value.
func New(status int, code Code, msg string) *Error { // want New:`helper\(status=0 code=1\)`
	return &Error{Status: status, Code: code, Message: msg}
}

// Write sends an error response.
func Write(w http.ResponseWriter, r *http.Request, status int, code Code, msg string) { // want Write:`helper\(status=2 code=3 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(&Error{Code: code, Message: msg, RequestID: r.Header.Get("X-Request-ID")})
}

// JSON writes any body with a status.
func JSON[T any](w http.ResponseWriter, status int, body T) { // want JSON:`helper\(status=1 body=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// Render writes an error value with its own status.
func Render(w http.ResponseWriter, e *Error) { // want Render:`helper\(body=1 writes\)`
	JSON(w, e.Status, e)
}

func NotFound(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusNotFound, CodeNotFound, msg)
}

// Fail always sends 500 with the caller's code.
func Fail(w http.ResponseWriter, r *http.Request, code Code) { // want Fail:`helper\(code=2 fixedstatus=500 writes\)`
	Write(w, r, http.StatusInternalServerError, code, "internal")
}

// Status always sends BAD_REQUEST with the caller's status.
func Status(w http.ResponseWriter, r *http.Request, status int) { // want Status:`helper\(status=2 fixedcode=BAD_REQUEST writes\)`
	Write(w, r, status, CodeBadRequest, "bad")
}

// TooMany sets Retry-After itself.
func TooMany(w http.ResponseWriter, r *http.Request, secs int) { // want TooMany:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	Write(w, r, http.StatusTooManyRequests, CodeRateLimit, "slow down")
}

// WriteCode looks the status up at run time.
func WriteCode(w http.ResponseWriter, code Code, msg string) { // want WriteCode:`helper\(code=1 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(statusOf[code])
	json.NewEncoder(w).Encode(Error{Code: code, Message: msg})
}

var statusOf = map[Code]int{
	CodeNotFound:   404,
	CodeBadRequest: 400,
	CodeInternal:   500,
	CodeRateLimit:  429,
}

// Wrong fixes a wrong pair: reported here, not at its callers.
func Wrong(w http.ResponseWriter, r *http.Request) {
	Write(w, r, 500, CodeNotFound, "x") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

// Raw wraps http.Error: reported inside; its status parameter is a helper's.
func Raw(w http.ResponseWriter, msg string, status int) { // want Raw:`helper\(status=2 writes\)`
	http.Error(w, msg, status) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
