// Package respond contains the response writers shared by all handlers and
// middleware. Handlers should never build error bodies by hand.
package respond

import (
	"errors"
	"log/slog"
	"maps"
	"math"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
)

// RequestIDKey is the gin context key holding the request id.
const RequestIDKey = "request_id"

func requestID(c *gin.Context) string {
	return c.GetString(RequestIDKey)
}

// Error aborts the request with a JSON error envelope.
func Error(c *gin.Context, status int, code apierr.Code, msg string) {
	c.AbortWithStatusJSON(status, apierr.Error{
		Code:      code,
		Message:   msg,
		RequestID: requestID(c),
	})
}

// ErrorDetails is Error with a details object.
func ErrorDetails(c *gin.Context, status int, code apierr.Code, msg string, details any) {
	c.AbortWithStatusJSON(status, apierr.Error{
		Code:      code,
		Message:   msg,
		Details:   details,
		RequestID: requestID(c),
	})
}

// Err renders any error. *apierr.Error values keep their status and code,
// everything else becomes a 500 INTERNAL_ERROR.
func Err(c *gin.Context, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		body := *e
		body.RequestID = requestID(c)
		c.AbortWithStatusJSON(e.Status, body)
		return
	}
	slog.Error("unhandled error", "err", err, "path", c.FullPath(), "request_id", requestID(c))
	Error(c, http.StatusInternalServerError, apierr.CodeInternal, "internal server error")
}

// BadRequest writes a 400 BAD_REQUEST.
func BadRequest(c *gin.Context, msg string) {
	Error(c, http.StatusBadRequest, apierr.CodeBadRequest, msg)
}

// NotFound writes a 404 NOT_FOUND.
func NotFound(c *gin.Context, msg string) {
	Error(c, http.StatusNotFound, apierr.CodeNotFound, msg)
}

// Unauthorized writes a 401 UNAUTHORIZED.
func Unauthorized(c *gin.Context, msg string) {
	Error(c, http.StatusUnauthorized, apierr.CodeUnauthorized, msg)
}

// Forbidden writes a 403 FORBIDDEN.
func Forbidden(c *gin.Context, msg string) {
	Error(c, http.StatusForbidden, apierr.CodeForbidden, msg)
}

// Validation writes a 422 VALIDATION_ERROR with per-field messages.
func Validation(c *gin.Context, fields map[string]string) {
	ErrorDetails(c, http.StatusUnprocessableEntity, apierr.CodeValidation, "request validation failed", fields)
}

// Internal logs err and writes a 500 INTERNAL_ERROR.
func Internal(c *gin.Context, err error) {
	slog.Error("internal error", "err", err, "request_id", requestID(c))
	Error(c, http.StatusInternalServerError, apierr.CodeInternal, "internal server error")
}

// TooManyRequests writes a 429 with a Retry-After header rounded up to the
// next second.
func TooManyRequests(c *gin.Context, retryAfter time.Duration, msg string) {
	secs := int(math.Ceil(retryAfter.Seconds()))
	if secs < 1 {
		secs = 1
	}
	c.Header("Retry-After", strconv.Itoa(secs))
	Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, msg)
}

// RateHeaders sets the informational X-RateLimit-* headers.
func RateHeaders(c *gin.Context, limit, remaining int, reset time.Time) {
	c.Header("X-RateLimit-Limit", strconv.Itoa(limit))
	c.Header("X-RateLimit-Remaining", strconv.Itoa(remaining))
	c.Header("X-RateLimit-Reset", strconv.FormatInt(reset.Unix(), 10))
}

// CopyHeaders forwards upstream response headers to the client.
func CopyHeaders(c *gin.Context, h http.Header) {
	maps.Copy(c.Writer.Header(), h)
}

// Text writes a plain-text response. Used by the ops endpoints that are
// scraped by shell scripts.
func Text(c *gin.Context, status int, msg string) {
	c.String(status, msg)
}

// OK writes a 200 JSON response.
func OK(c *gin.Context, v any) {
	c.JSON(http.StatusOK, v)
}

// Created writes a 201 JSON response with a Location header.
func Created(c *gin.Context, location string, v any) {
	c.Header("Location", location)
	c.JSON(http.StatusCreated, v)
}
