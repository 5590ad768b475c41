// Package apperr defines the shop API's error type, its codes and the
// documented status of each code.
package apperr

import "net/http"

// Codes of the public API contract.
const (
	CodeUnauthorized       = "UNAUTHORIZED"
	CodeInvalidCredentials = "INVALID_CREDENTIALS"
	CodeSessionExpired     = "SESSION_EXPIRED"
	CodeInvalidSignature   = "INVALID_SIGNATURE"
	CodeForbidden          = "FORBIDDEN"
	CodeCSRFFailed         = "CSRF_VALIDATION_FAILED"
	CodeAccountDisabled    = "ACCOUNT_DISABLED"
	CodeNotFound           = "NOT_FOUND"
	CodeBadRequest         = "BAD_REQUEST"
	CodeConflict           = "CONFLICT"
	CodeUnprocessable      = "UNPROCESSABLE_ENTITY"
	CodeValidation         = "VALIDATION_ERROR"
	CodeRateLimited        = "RATE_LIMIT_EXCEEDED"
	CodeInternal           = "INTERNAL_ERROR"
	CodeDatabase           = "DATABASE_ERROR"
	CodeUnavailable        = "SERVICE_UNAVAILABLE"
)

// statusByCode is the status each code is sent with unless the error says
// otherwise.
var statusByCode = map[string]int{
	CodeUnauthorized:       http.StatusUnauthorized,
	CodeInvalidCredentials: http.StatusUnauthorized,
	CodeSessionExpired:     http.StatusForbidden,
	CodeInvalidSignature:   http.StatusUnauthorized,
	CodeForbidden:          http.StatusForbidden,
	CodeCSRFFailed:         http.StatusForbidden,
	CodeNotFound:           http.StatusNotFound,
	CodeBadRequest:         http.StatusBadRequest,
	CodeConflict:           http.StatusConflict,
	CodeUnprocessable:      http.StatusUnprocessableEntity,
	CodeValidation:         http.StatusUnprocessableEntity,
	CodeRateLimited:        http.StatusTooManyRequests,
	CodeInternal:           http.StatusInternalServerError,
	CodeDatabase:           http.StatusInternalServerError,
	CodeUnavailable:        http.StatusServiceUnavailable,
}

// StatusFor returns the status code is sent with; codes outside the table are
// server errors.
func StatusFor(code string) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}
