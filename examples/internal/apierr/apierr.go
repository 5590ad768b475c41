// Package apierr implements the error document described in
// docs/api-errors.md: every non-2xx response is a JSON object with
// code, message, details and request_id.
package apierr

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"strconv"
	"time"
)

const contentTypeJSON = "application/json; charset=utf-8"

// Error is both a Go error and the wire format of an error response.
type Error struct {
	Status    int    `json:"-"`
	Code      Code   `json:"code"`
	Message   string `json:"message"`
	Details   any    `json:"details,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s (%d): %s", e.Code, e.Status, e.Message)
}

// New returns an error that will be rendered with the given status and code.
func New(status int, code Code, msg string) *Error {
	return &Error{Status: status, Code: code, Message: msg}
}

// WithDetails returns a copy of e carrying machine-readable details, for
// example per-field validation messages.
func (e *Error) WithDetails(details any) *Error {
	cp := *e
	cp.Details = details
	return &cp
}

type requestIDKey struct{}

// WithRequestID stores the request id in ctx. It is called by the
// request-id middleware.
func WithRequestID(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, requestIDKey{}, id)
}

// RequestID returns the id assigned to r by the middleware, if any.
func RequestID(r *http.Request) string {
	if r == nil {
		return ""
	}
	id, _ := r.Context().Value(requestIDKey{}).(string)
	return id
}

// Write renders an error response.
func Write(w http.ResponseWriter, r *http.Request, status int, code Code, msg string) {
	WriteError(w, r, New(status, code, msg))
}

// WriteCode renders an error response using the documented status of code.
func WriteCode(w http.ResponseWriter, r *http.Request, code Code, msg string) {
	Write(w, r, StatusFor(code), code, msg)
}

// WriteError renders e. A zero Status is filled in from the code table.
func WriteError(w http.ResponseWriter, r *http.Request, e *Error) {
	body := *e
	if body.RequestID == "" {
		body.RequestID = RequestID(r)
	}
	status := body.Status
	if status == 0 {
		status = StatusFor(body.Code)
	}
	w.Header().Set("Content-Type", contentTypeJSON)
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(&body); err != nil {
		slog.Warn("apierr: encoding error response", "code", body.Code, "err", err)
	}
}

// JSON writes body as a JSON document with the given status.
func JSON[T any](w http.ResponseWriter, status int, body T) {
	w.Header().Set("Content-Type", contentTypeJSON)
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(body); err != nil {
		slog.Warn("apierr: encoding response", "err", err)
	}
}

func BadRequest(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusBadRequest, CodeBadRequest, msg)
}

func Unauthorized(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusUnauthorized, CodeUnauthorized, msg)
}

func Forbidden(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusForbidden, CodeForbidden, msg)
}

func NotFound(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusNotFound, CodeNotFound, msg)
}

func Conflict(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusConflict, CodeConflict, msg)
}

func Internal(w http.ResponseWriter, r *http.Request, msg string) {
	Write(w, r, http.StatusInternalServerError, CodeInternal, msg)
}

// Validation reports per-field problems as details.
func Validation(w http.ResponseWriter, r *http.Request, msg string, fields map[string]string) {
	WriteError(w, r, New(http.StatusUnprocessableEntity, CodeValidation, msg).WithDetails(fields))
}

// TooManyRequests tells the client to back off for at least retryAfter.
func TooManyRequests(w http.ResponseWriter, r *http.Request, retryAfter time.Duration, msg string) {
	w.Header().Set("Retry-After", RetryAfterSeconds(retryAfter))
	Write(w, r, http.StatusTooManyRequests, CodeRateLimitExceeded, msg)
}

// Unavailable reports a temporary outage. A positive retryAfter is sent as
// a Retry-After hint.
func Unavailable(w http.ResponseWriter, r *http.Request, retryAfter time.Duration, msg string) {
	if retryAfter > 0 {
		w.Header().Set("Retry-After", RetryAfterSeconds(retryAfter))
	}
	Write(w, r, http.StatusServiceUnavailable, CodeServiceUnavailable, msg)
}

// RetryAfterSeconds formats d as a Retry-After delay, rounding up to at
// least one second.
func RetryAfterSeconds(d time.Duration) string {
	return strconv.Itoa(max(1, int(math.Ceil(d.Seconds()))))
}
