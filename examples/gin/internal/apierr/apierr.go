// Package apierr defines the public error catalog of the orders API and the
// JSON error envelope every handler is expected to return.
package apierr

import (
	"errors"
	"fmt"
	"net/http"
)

// Code is a machine-readable error code from the public API error catalog.
type Code string

// Documented error codes. Keep in sync with docs/errors.md.
const (
	CodeUnauthorized       Code = "UNAUTHORIZED"
	CodeInvalidCredentials Code = "INVALID_CREDENTIALS"
	CodeSessionExpired     Code = "SESSION_EXPIRED"
	CodeInvalidSignature   Code = "INVALID_SIGNATURE"
	CodeForbidden          Code = "FORBIDDEN"
	CodeCSRFFailed         Code = "CSRF_VALIDATION_FAILED"
	CodeAccountDisabled    Code = "ACCOUNT_DISABLED"
	CodeNotFound           Code = "NOT_FOUND"
	CodeBadRequest         Code = "BAD_REQUEST"
	CodeConflict           Code = "CONFLICT"
	CodeUnprocessable      Code = "UNPROCESSABLE_ENTITY"
	CodeValidation         Code = "VALIDATION_ERROR"
	CodeRateLimited        Code = "RATE_LIMIT_EXCEEDED"
	CodeInternal           Code = "INTERNAL_ERROR"
	CodeDatabase           Code = "DATABASE_ERROR"
	CodeUnavailable        Code = "SERVICE_UNAVAILABLE"
)

// CodeQuotaExceeded is returned when an account has used up its monthly
// order quota.
const CodeQuotaExceeded Code = "QUOTA_EXCEEDED"

// Error is the JSON error envelope: {"code","message","details","request_id"}.
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

// New builds an API error carrying its HTTP status.
func New(status int, code Code, msg string) *Error {
	return &Error{Status: status, Code: code, Message: msg}
}

// Newf is New with a formatted message.
func Newf(status int, code Code, format string, args ...any) *Error {
	return New(status, code, fmt.Sprintf(format, args...))
}

// WithDetails returns a copy of e with details attached.
func (e *Error) WithDetails(details any) *Error {
	cp := *e
	cp.Details = details
	return &cp
}

// Sentinel errors shared by the store and handlers.
var (
	ErrNotFound        = New(http.StatusNotFound, CodeNotFound, "resource not found")
	ErrUnauthorized    = New(http.StatusUnauthorized, CodeUnauthorized, "authentication required")
	ErrConflict        = New(http.StatusConflict, CodeConflict, "resource already exists")
	ErrInternal        = New(http.StatusInternalServerError, CodeInternal, "internal server error")
	ErrAccountDisabled = New(http.StatusUnauthorized, CodeAccountDisabled, "account is disabled")
	ErrDatabase        = New(http.StatusInternalServerError, CodeDatabase, "database unavailable")
)

// defaultStatus is used when an error is built from a bare code, for example
// when a downstream service only returns the code.
var defaultStatus = map[Code]int{
	CodeUnauthorized:  http.StatusUnauthorized,
	CodeForbidden:     http.StatusForbidden,
	CodeNotFound:      http.StatusNotFound,
	CodeBadRequest:    http.StatusBadRequest,
	CodeConflict:      http.StatusConflict,
	CodeValidation:    http.StatusUnprocessableEntity,
	CodeUnprocessable: http.StatusBadRequest,
	CodeRateLimited:   http.StatusTooManyRequests,
	CodeInternal:      http.StatusInternalServerError,
	CodeUnavailable:   http.StatusServiceUnavailable,
}

// FromCode builds an error from a bare code using the default status table.
func FromCode(code Code, msg string) *Error {
	status, ok := defaultStatus[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	return New(status, code, msg)
}

// StatusOf returns the HTTP status carried by err, or 500.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) && e.Status != 0 {
		return e.Status
	}
	return http.StatusInternalServerError
}

// CodeOf returns the code carried by err, or INTERNAL_ERROR.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return CodeInternal
}
