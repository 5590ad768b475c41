package apierr

import "net/http"

// Code is a stable, machine-readable error identifier. Clients switch on it,
// so a value must never change once it has shipped.
type Code string

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
	CodeRateLimitExceeded  Code = "RATE_LIMIT_EXCEEDED"
	CodeInternal           Code = "INTERNAL_ERROR"
	CodeDatabase           Code = "DATABASE_ERROR"
	CodeServiceUnavailable Code = "SERVICE_UNAVAILABLE"

	// CodePaymentRequired is returned when the payment provider declines a
	// charge during checkout.
	CodePaymentRequired Code = "PAYMENT_REQUIRED"
)

// statusByCode is used when an *Error is written without an explicit status.
var statusByCode = map[Code]int{
	CodeUnauthorized:       http.StatusUnauthorized,
	CodeInvalidCredentials: http.StatusUnauthorized,
	CodeSessionExpired:     http.StatusUnauthorized,
	CodeInvalidSignature:   http.StatusUnauthorized,
	CodeForbidden:          http.StatusForbidden,
	CodeCSRFFailed:         http.StatusForbidden,
	CodeAccountDisabled:    http.StatusForbidden,
	CodeNotFound:           http.StatusNotFound,
	CodeBadRequest:         http.StatusBadRequest,
	CodeConflict:           http.StatusConflict,
	CodeUnprocessable:      http.StatusUnprocessableEntity,
	CodeValidation:         http.StatusBadRequest,
	CodeRateLimitExceeded:  http.StatusTooManyRequests,
	CodeInternal:           http.StatusInternalServerError,
	CodeDatabase:           http.StatusInternalServerError,
	CodeServiceUnavailable: http.StatusServiceUnavailable,
}

// StatusFor returns the HTTP status documented for code, or 500 for codes
// the table does not know about.
func StatusFor(code Code) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return http.StatusInternalServerError
}
