// Package respond holds the response helpers used by handlers. Error
// responses are delegated to apierr so that every error has the same shape.
package respond

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/store"
)

func OK[T any](w http.ResponseWriter, body T) {
	apierr.JSON(w, http.StatusOK, body)
}

func Created[T any](w http.ResponseWriter, location string, body T) {
	if location != "" {
		w.Header().Set("Location", location)
	}
	apierr.JSON(w, http.StatusCreated, body)
}

func NoContent(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNoContent)
}

// Err maps an error returned by the domain layer to an error response.
func Err(w http.ResponseWriter, r *http.Request, err error) {
	var apiErr *apierr.Error
	switch {
	case errors.As(err, &apiErr):
		apierr.WriteError(w, r, apiErr)
	case errors.Is(err, store.ErrNotFound):
		apierr.NotFound(w, r, "resource not found")
	case errors.Is(err, store.ErrConflict):
		apierr.Conflict(w, r, "resource already exists")
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, store.ErrClosed):
		apierr.Unavailable(w, r, 5*time.Second, "temporarily unavailable, please retry")
	default:
		slog.ErrorContext(r.Context(), "unhandled error", "err", err, "path", r.URL.Path)
		apierr.Internal(w, r, "internal error")
	}
}

// NotFound reports that the named resource does not exist.
func NotFound(w http.ResponseWriter, r *http.Request, resource string) {
	apierr.NotFound(w, r, resource+" not found")
}

// Invalid reports request validation failures, keyed by field name.
func Invalid(w http.ResponseWriter, r *http.Request, fields map[string]string) {
	apierr.WriteError(w, r, &apierr.Error{
		Status:  http.StatusUnprocessableEntity,
		Code:    apierr.CodeValidation,
		Message: "request validation failed",
		Details: fields,
	})
}

// DBError logs a storage failure and reports it without leaking internals.
func DBError(w http.ResponseWriter, r *http.Request, err error) {
	slog.ErrorContext(r.Context(), "database error", "err", err, "path", r.URL.Path)
	apierr.Write(w, r, http.StatusServiceUnavailable, apierr.CodeDatabase, "database temporarily unavailable")
}

// MethodNotAllowed is for handlers mounted without a method pattern.
func MethodNotAllowed(w http.ResponseWriter, r *http.Request, allowed string) {
	w.Header().Set("Allow", allowed)
	apierr.Write(w, r, http.StatusMethodNotAllowed, "METHOD_NOT_ALLOWED", r.Method+" is not supported here")
}

// RateLimited reports that the caller exceeded a limit.
func RateLimited(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "too many requests, please slow down")
}

// Throttled reports that the caller exceeded a limit and may retry after wait.
func Throttled(w http.ResponseWriter, r *http.Request, wait time.Duration) {
	w.Header().Add("Retry-After", apierr.RetryAfterSeconds(wait))
	apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "too many requests, please slow down")
}
