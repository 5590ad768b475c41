package apierr

import (
	"errors"
	"fmt"
	"net/http"
	"time"
)

// Error is the error that handlers return. The renderer writes it as a Body
// with Status; RetryAfter, when set, becomes the Retry-After header.
type Error struct {
	Status     int
	Code       string
	Message    string
	Details    map[string]any
	RetryAfter time.Duration
	Err        error
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s (%d): %s: %v", e.Code, e.Status, e.Message, e.Err)
	}
	return fmt.Sprintf("%s (%d): %s", e.Code, e.Status, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// WithDetail adds one entry to the details object and returns e.
func (e *Error) WithDetail(key string, value any) *Error {
	if e.Details == nil {
		e.Details = make(map[string]any)
	}
	e.Details[key] = value
	return e
}

// WithCause records the underlying error for the logs; it is never sent.
func (e *Error) WithCause(err error) *Error {
	e.Err = err
	return e
}

// New returns an error with the given status, code and message.
func New(status int, code, msg string) *Error {
	return &Error{Status: status, Code: code, Message: msg}
}

// FromCode returns an error whose status is the documented status of code.
func FromCode(code, msg string) *Error {
	return New(StatusFor(code), code, msg)
}

// As reports whether err is an *Error and returns it.
func As(err error) (*Error, bool) {
	var ae *Error
	ok := errors.As(err, &ae)
	return ae, ok
}

func NotFound(what string) *Error {
	return New(http.StatusNotFound, CodeNotFound, what+" not found")
}

func BadRequest(msg string) *Error {
	return New(http.StatusBadRequest, CodeBadRequest, msg)
}

func Unauthorized(msg string) *Error {
	return New(http.StatusUnauthorized, CodeUnauthorized, msg)
}

func SessionExpired() *Error {
	return New(http.StatusUnauthorized, CodeSessionExpired, "Session has expired")
}

func Forbidden(msg string) *Error {
	return New(http.StatusForbidden, CodeForbidden, msg)
}

func AccountDisabled(msg string) *Error {
	return New(http.StatusUnauthorized, CodeAccountDisabled, msg)
}

func Conflict(msg string) *Error {
	return New(http.StatusConflict, CodeConflict, msg)
}

// Validation returns a VALIDATION_ERROR whose details map each invalid field
// to its FieldError.
func Validation(fields map[string]FieldError) *Error {
	e := New(http.StatusUnprocessableEntity, CodeValidation, "Validation failed")
	for name, fe := range fields {
		e.WithDetail(name, fe)
	}
	return e
}

// RateLimited returns a RATE_LIMIT_EXCEEDED error that tells the client to
// come back after wait.
func RateLimited(wait time.Duration) *Error {
	return &Error{
		Status:     http.StatusTooManyRequests,
		Code:       CodeRateLimited,
		Message:    "Rate limit exceeded",
		RetryAfter: wait,
	}
}

func Internal(err error) *Error {
	return New(http.StatusInternalServerError, CodeInternal, "Unexpected server error").WithCause(err)
}

func Database(err error) *Error {
	return &Error{Status: http.StatusInternalServerError, Code: CodeDatabase, Message: "Database operation failed", Err: err}
}

func Unavailable(msg string, retry time.Duration) *Error {
	return &Error{Status: http.StatusServiceUnavailable, Code: CodeUnavailable, Message: msg, RetryAfter: retry}
}

// StatusFor returns the documented HTTP status of an API code. Codes that are
// not part of the contract are server errors.
func StatusFor(code string) int {
	switch code {
	case CodeUnauthorized, CodeInvalidCredentials, CodeSessionExpired, CodeInvalidSignature:
		return http.StatusUnauthorized
	case CodeForbidden, CodeCSRFFailed, CodeAccountDisabled:
		return http.StatusForbidden
	case CodeNotFound:
		return http.StatusNotFound
	case CodeBadRequest:
		return http.StatusBadRequest
	case CodeConflict:
		return http.StatusConflict
	case CodeUnprocessable:
		return http.StatusBadRequest
	case CodeValidation:
		return http.StatusUnprocessableEntity
	case CodeRateLimited:
		return http.StatusTooManyRequests
	case CodeUnavailable:
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}
