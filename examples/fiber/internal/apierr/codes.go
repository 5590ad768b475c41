// Package apierr defines the error envelope and the error code catalog shared
// by every endpoint of the orders API.
package apierr

import "github.com/gofiber/fiber/v3"

// Code is the machine-readable value of the "code" field of an error body.
type Code string

// Error codes. Clients switch on these, so never rename one.
const (
	CodeUnauthorized       Code = "UNAUTHORIZED"
	CodeInvalidCredentials Code = "INVALID_CREDENTIALS"
	CodeSessionExpired     Code = "SESSION_EXPIRED"
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

// Codes added for the billing integration (see BILL-212).
const (
	CodePaymentRequired Code = "PAYMENT_REQUIRED"
	CodeOrderLocked     Code = "ORDER_LOCKED"
)

// statusByCode is the HTTP status each code is sent with. FromCode and the
// app error handler look codes up here.
var statusByCode = map[Code]int{
	CodeUnauthorized:       fiber.StatusUnauthorized,
	CodeInvalidCredentials: fiber.StatusUnauthorized,
	CodeSessionExpired:     fiber.StatusUnauthorized,
	CodeForbidden:          fiber.StatusForbidden,
	CodeCSRFFailed:         fiber.StatusForbidden,
	CodeAccountDisabled:    fiber.StatusForbidden,
	CodeNotFound:           fiber.StatusNotFound,
	CodeBadRequest:         fiber.StatusBadRequest,
	CodeConflict:           fiber.StatusConflict,
	CodeUnprocessable:      fiber.StatusUnprocessableEntity,
	CodeValidation:         fiber.StatusBadRequest,
	CodeRateLimited:        fiber.StatusTooManyRequests,
	CodeInternal:           fiber.StatusInternalServerError,
	CodeDatabase:           fiber.StatusInternalServerError,
	CodeUnavailable:        fiber.StatusServiceUnavailable,
}

// StatusOf returns the HTTP status registered for code, or 500 for a code
// that is not in the table.
func StatusOf(code Code) int {
	if s, ok := statusByCode[code]; ok {
		return s
	}
	return fiber.StatusInternalServerError
}

// CodeForStatus picks a generic code for a bare HTTP status, used when a
// handler returned a *fiber.Error instead of one of ours.
func CodeForStatus(status int) Code {
	switch {
	case status == fiber.StatusUnauthorized:
		return CodeUnauthorized
	case status == fiber.StatusForbidden:
		return CodeForbidden
	case status == fiber.StatusNotFound:
		return CodeNotFound
	case status == fiber.StatusConflict:
		return CodeConflict
	case status == fiber.StatusTooManyRequests:
		return CodeRateLimited
	case status == fiber.StatusServiceUnavailable:
		return CodeUnavailable
	case status >= 500:
		return CodeInternal
	default:
		return CodeBadRequest
	}
}
