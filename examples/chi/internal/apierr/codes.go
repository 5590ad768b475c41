// Package apierr holds the error catalog and the error response type of the
// catalog service.
package apierr

import "net/http"

// Code is the value of the "code" field of an error body.
type Code string

const (
	CodeUnauthorized     Code = "UNAUTHORIZED"
	CodeSessionExpired   Code = "SESSION_EXPIRED"
	CodeInvalidSignature Code = "INVALID_SIGNATURE"
	CodeForbidden        Code = "FORBIDDEN"
	CodeNotFound         Code = "NOT_FOUND"
	CodeBadRequest       Code = "BAD_REQUEST"
	CodeConflict         Code = "CONFLICT"
	CodeUnprocessable    Code = "UNPROCESSABLE_ENTITY"
	CodeValidation       Code = "VALIDATION_ERROR"
	CodeRateLimited      Code = "RATE_LIMIT_EXCEEDED"
	CodeInternal         Code = "INTERNAL_ERROR"
	CodeDatabase         Code = "DATABASE_ERROR"
	CodeUnavailable      Code = "SERVICE_UNAVAILABLE"

	// Inventory codes, added with the stock reservation endpoints.
	CodeOutOfStock Code = "OUT_OF_STOCK"
)

// StatusByCode is the HTTP status each documented code is sent with.
var StatusByCode = map[Code]int{
	CodeUnauthorized:     http.StatusUnauthorized,
	CodeSessionExpired:   http.StatusUnauthorized,
	CodeInvalidSignature: http.StatusBadRequest,
	CodeForbidden:        http.StatusForbidden,
	CodeNotFound:         http.StatusNotFound,
	CodeBadRequest:       http.StatusBadRequest,
	CodeConflict:         http.StatusConflict,
	CodeUnprocessable:    http.StatusUnprocessableEntity,
	CodeValidation:       http.StatusUnprocessableEntity,
	CodeRateLimited:      http.StatusTooManyRequests,
	CodeInternal:         http.StatusInternalServerError,
	CodeDatabase:         http.StatusInternalServerError,
	CodeUnavailable:      http.StatusServiceUnavailable,
}
