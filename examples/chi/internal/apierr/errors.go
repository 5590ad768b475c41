package apierr

import (
	"errors"
	"net/http"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/render"
)

// ErrResponse is the renderer for every error response.
type ErrResponse struct {
	Err            error `json:"-"`
	HTTPStatusCode int   `json:"-"`

	Code      Code   `json:"code"`
	Message   string `json:"message"`
	Details   any    `json:"details,omitempty"`
	RequestID string `json:"request_id"`
}

// Render implements render.Renderer.
func (e *ErrResponse) Render(w http.ResponseWriter, r *http.Request) error {
	e.RequestID = middleware.GetReqID(r.Context())
	render.Status(r, e.HTTPStatusCode)
	return nil
}

func (e *ErrResponse) Error() string {
	if e.Err != nil {
		return string(e.Code) + ": " + e.Err.Error()
	}
	return string(e.Code) + ": " + e.Message
}

// New builds an error response.
func New(status int, code Code, msg string) *ErrResponse {
	return &ErrResponse{HTTPStatusCode: status, Code: code, Message: msg}
}

// FromCode builds an error response whose status comes from StatusByCode.
func FromCode(code Code, msg string) *ErrResponse {
	status, ok := StatusByCode[code]
	if !ok {
		status = http.StatusInternalServerError
	}
	return &ErrResponse{HTTPStatusCode: status, Code: code, Message: msg}
}

// As extracts an *ErrResponse from err, or wraps err as an internal error.
func As(err error) *ErrResponse {
	var e *ErrResponse
	if errors.As(err, &e) {
		return e
	}
	return ErrInternal(err)
}

func ErrInvalidRequest(err error) render.Renderer {
	return &ErrResponse{Err: err, HTTPStatusCode: http.StatusBadRequest, Code: CodeBadRequest, Message: "invalid request: " + err.Error()}
}

func ErrValidation(fields map[string]string) render.Renderer {
	return &ErrResponse{HTTPStatusCode: http.StatusBadRequest, Code: CodeValidation, Message: "validation failed", Details: fields}
}

func ErrNotFound(what string) *ErrResponse {
	return &ErrResponse{HTTPStatusCode: http.StatusNotFound, Code: CodeNotFound, Message: what + " not found"}
}

func ErrConflict(msg string) *ErrResponse {
	return New(http.StatusConflict, CodeConflict, msg)
}

func ErrUnauthorized(msg string) *ErrResponse {
	return New(http.StatusUnauthorized, CodeUnauthorized, msg)
}

func ErrSessionExpired() *ErrResponse {
	return New(http.StatusForbidden, CodeSessionExpired, "session expired, sign in again")
}

func ErrForbidden(msg string) *ErrResponse {
	return New(http.StatusForbidden, CodeForbidden, msg)
}

func ErrInternal(err error) *ErrResponse {
	return &ErrResponse{
		Err:            err,
		HTTPStatusCode: http.StatusInternalServerError,
		Code:           CodeInternal,
		Message:        "internal server error",
	}
}

func ErrDatabase(err error) *ErrResponse {
	return &ErrResponse{Err: err, HTTPStatusCode: http.StatusInternalServerError, Code: CodeDatabase, Message: "database error"}
}
