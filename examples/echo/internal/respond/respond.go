// Package respond holds the response helpers shared by handlers and
// middleware.
package respond

import (
	"errors"
	"log/slog"
	"maps"
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
)

// RequestID returns the id set by the request-id middleware.
func RequestID(c echo.Context) string {
	return c.Response().Header().Get(echo.HeaderXRequestID)
}

// Error writes the JSON error envelope.
func Error(c echo.Context, status int, code apierr.Code, msg string) error {
	return c.JSON(status, apierr.Error{Code: code, Message: msg, RequestID: RequestID(c)})
}

// ErrorWithDetails writes the envelope with a details object.
func ErrorWithDetails(c echo.Context, status int, code apierr.Code, msg string, details any) error {
	return c.JSON(status, apierr.Error{Code: code, Message: msg, Details: details, RequestID: RequestID(c)})
}

// NotFound writes 404 NOT_FOUND.
func NotFound(c echo.Context, what string) error {
	return Error(c, http.StatusNotFound, apierr.CodeNotFound, what+" not found")
}

// BadRequest writes 400 BAD_REQUEST.
func BadRequest(c echo.Context, msg string) error {
	return Error(c, http.StatusBadRequest, apierr.CodeBadRequest, msg)
}

// Invalid writes 422 VALIDATION_ERROR with field errors.
func Invalid(c echo.Context, fields map[string]string) error {
	return ErrorWithDetails(c, http.StatusUnprocessableEntity, apierr.CodeValidation, "validation failed", fields)
}

// Internal logs and writes 500 INTERNAL_ERROR.
func Internal(c echo.Context, err error) error {
	slog.Error("internal error", "err", err, "path", c.Path(), "request_id", RequestID(c))
	return Error(c, http.StatusInternalServerError, apierr.CodeInternal, "internal server error")
}

// TooManyRequests writes a 429 with Retry-After.
func TooManyRequests(c echo.Context, retryAfter time.Duration) error {
	secs := max(int(retryAfter.Round(time.Second)/time.Second), 1)
	c.Response().Header().Set("Retry-After", strconv.Itoa(secs))
	return Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "rate limit exceeded")
}

// RateHeaders sets the X-RateLimit-* headers.
func RateHeaders(c echo.Context, limit, remaining int, reset time.Time) {
	h := c.Response().Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Remaining", strconv.Itoa(remaining))
	h.Set("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
}

// CopyHeaders copies upstream headers onto the response.
func CopyHeaders(c echo.Context, h http.Header) {
	maps.Copy(c.Response().Header(), h)
}

// Text writes a plain-text body.
func Text(c echo.Context, status int, body string) error {
	return c.String(status, body)
}

// FromError writes any error, keeping the status and code of *apierr.Error.
func FromError(c echo.Context, err error) error {
	var e *apierr.Error
	if errors.As(err, &e) {
		body := *e
		body.RequestID = RequestID(c)
		return c.JSON(e.Status, body)
	}
	return Internal(c, err)
}

// HTTPErrorHandler renders errors returned by handlers and middleware,
// including *echo.HTTPError values.
func HTTPErrorHandler(err error, c echo.Context) {
	if c.Response().Committed {
		return
	}
	var he *echo.HTTPError
	if errors.As(err, &he) {
		var body apierr.Error
		switch m := he.Message.(type) {
		case apierr.Error:
			body = m
		case string:
			body = apierr.Error{Code: codeForStatus(he.Code), Message: m}
		default:
			body = apierr.Error{Code: codeForStatus(he.Code), Message: http.StatusText(he.Code)}
		}
		body.RequestID = RequestID(c)
		if c.Request().Method == http.MethodHead {
			_ = c.NoContent(he.Code)
			return
		}
		_ = c.JSON(he.Code, body)
		return
	}
	_ = FromError(c, err)
}

func codeForStatus(status int) apierr.Code {
	switch status {
	case http.StatusUnauthorized:
		return apierr.CodeUnauthorized
	case http.StatusForbidden:
		return apierr.CodeForbidden
	case http.StatusNotFound:
		return apierr.CodeNotFound
	case http.StatusConflict:
		return apierr.CodeConflict
	case http.StatusUnprocessableEntity:
		return apierr.CodeValidation
	case http.StatusTooManyRequests:
		return apierr.CodeRateLimited
	case http.StatusServiceUnavailable:
		return apierr.CodeUnavailable
	}
	if status >= 500 {
		return apierr.CodeInternal
	}
	return apierr.CodeBadRequest
}
