package apierr

import (
	"fmt"

	"github.com/gofiber/fiber/v3"
)

// Error is the JSON body of every 4xx/5xx response.
type Error struct {
	Code      Code   `json:"code"`
	Message   string `json:"message"`
	Details   any    `json:"details,omitempty"`
	RequestID string `json:"request_id"`
}

// HTTPError is returned by handlers and services; the app ErrorHandler turns
// it into a response with Status and Body.
type HTTPError struct {
	Status int
	Body   Error
	cause  error
}

func (e *HTTPError) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%s: %s: %v", e.Body.Code, e.Body.Message, e.cause)
	}
	return fmt.Sprintf("%s: %s", e.Body.Code, e.Body.Message)
}

func (e *HTTPError) Unwrap() error { return e.cause }

// WithDetails attaches a details payload (field errors, limits, ...).
func (e *HTTPError) WithDetails(details any) *HTTPError {
	e.Body.Details = details
	return e
}

// Wrap records the underlying cause for logging; it is never serialized.
func (e *HTTPError) Wrap(err error) *HTTPError {
	e.cause = err
	return e
}

// New builds an HTTPError.
func New(status int, code Code, msg string) *HTTPError {
	return &HTTPError{Status: status, Body: Error{Code: code, Message: msg}}
}

// FromCode builds an HTTPError whose status comes from the code table.
func FromCode(code Code, msg string) *HTTPError {
	return New(StatusOf(code), code, msg)
}

func NotFound(what string) *HTTPError {
	return New(fiber.StatusNotFound, CodeNotFound, what+" not found")
}

func Conflict(msg string) *HTTPError {
	return New(fiber.StatusConflict, CodeConflict, msg)
}

func Forbidden(msg string) *HTTPError {
	return New(fiber.StatusUnauthorized, CodeForbidden, msg)
}

func Validation(fields map[string]string) *HTTPError {
	return New(fiber.StatusUnprocessableEntity, CodeValidation, "request validation failed").WithDetails(fields)
}

func Database(err error) *HTTPError {
	return New(fiber.StatusInternalServerError, CodeDatabase, "database error").Wrap(err)
}
