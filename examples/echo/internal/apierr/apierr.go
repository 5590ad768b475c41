// Package apierr is the error catalog of the inventory API.
package apierr

import (
	"errors"
	"net/http"
)

// Code is a documented, machine-readable error code.
type Code string

const (
	CodeUnauthorized       Code = "UNAUTHORIZED"
	CodeInvalidCredentials Code = "INVALID_CREDENTIALS"
	CodeSessionExpired     Code = "SESSION_EXPIRED"
	CodeInvalidSignature   Code = "INVALID_SIGNATURE"
	CodeForbidden          Code = "FORBIDDEN"
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

	// CodePaymentRequired is returned for premium catalog data on a free plan.
	CodePaymentRequired Code = "PAYMENT_REQUIRED"
)

// Error is the JSON error envelope.
type Error struct {
	Status    int    `json:"-"`
	Code      Code   `json:"code"`
	Message   string `json:"message"`
	Details   any    `json:"details,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

func (e Error) Error() string { return string(e.Code) + ": " + e.Message }

// New returns an API error.
func New(status int, code Code, msg string) *Error {
	return &Error{Status: status, Code: code, Message: msg}
}

var (
	ErrNotFound     = New(http.StatusNotFound, CodeNotFound, "resource not found")
	ErrUnauthorized = New(http.StatusUnauthorized, CodeUnauthorized, "missing or invalid credentials")
	ErrConflict     = New(http.StatusConflict, CodeConflict, "resource was modified concurrently")
	ErrReadOnly     = New(http.StatusForbidden, CodeUnavailable, "catalog is read-only during maintenance")
	ErrDatabase     = New(http.StatusInternalServerError, CodeDatabase, "database error")
)

// statusByCode maps codes reported by the pricing service to our statuses.
var statusByCode = map[Code]int{
	CodeUnauthorized:   http.StatusUnauthorized,
	CodeSessionExpired: http.StatusForbidden,
	CodeForbidden:      http.StatusForbidden,
	CodeNotFound:       http.StatusNotFound,
	CodeBadRequest:     http.StatusBadRequest,
	CodeConflict:       http.StatusConflict,
	CodeValidation:     http.StatusUnprocessableEntity,
	CodeRateLimited:    http.StatusTooManyRequests,
	CodeInternal:       http.StatusInternalServerError,
	CodeUnavailable:    http.StatusServiceUnavailable,
}

// FromUpstream converts a code returned by an upstream service.
func FromUpstream(code Code, msg string) *Error {
	status, ok := statusByCode[code]
	if !ok {
		return New(http.StatusBadGateway, CodeInternal, "upstream returned an unknown error")
	}
	return New(status, code, msg)
}

// StatusOf returns the status carried by err, or 500.
func StatusOf(err error) int {
	var e *Error
	if errors.As(err, &e) && e.Status != 0 {
		return e.Status
	}
	return http.StatusInternalServerError
}
