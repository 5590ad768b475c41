// Package apierr holds the API's error type, its constructors, the error
// codes of the public contract and the renderer that turns a returned error
// into the documented JSON body.
package apierr

// Error codes of the public API. The table in docs/api-errors.md is the
// source of truth; keep the two in sync.
const (
	CodeUnauthorized       = "UNAUTHORIZED"
	CodeInvalidCredentials = "INVALID_CREDENTIALS"
	CodeSessionExpired     = "SESSION_EXPIRED"
	CodeInvalidSignature   = "INVALID_SIGNATURE"
	CodeForbidden          = "FORBIDDEN"
	CodeCSRFFailed         = "CSRF_VALIDATION_FAILED"
	CodeAccountDisabled    = "ACCOUNT_DISABLED"

	CodeNotFound      = "NOT_FOUND"
	CodeBadRequest    = "BAD_REQUEST"
	CodeConflict      = "CONFLICT"
	CodeUnprocessable = "UNPROCESSABLE_ENTITY"
	CodeValidation    = "VALIDATION_ERROR"
	CodeRateLimited   = "RATE_LIMIT_EXCEEDED"

	CodeInternal    = "INTERNAL_ERROR"
	CodeDatabase    = "DATABASE_ERROR"
	CodeUnavailable = "SERVICE_UNAVAILABLE"
)

// CodeSeatLimit is sent when a workspace has used every seat of its plan.
// Billing asked for it during the seats launch.
const CodeSeatLimit = "SEAT_LIMIT_REACHED"

// Body is the JSON body of every error response.
type Body struct {
	Code      string         `json:"code"`
	Message   string         `json:"message"`
	Details   map[string]any `json:"details,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
}

// FieldError describes one invalid field of a request body.
type FieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}
