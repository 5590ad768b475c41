// Package respond holds the response writers used by handlers and
// middleware, so that every error body has the same shape.
package respond

import (
	"log/slog"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
)

// RequestIDKey is the Locals key the requestid middleware stores the id under.
const RequestIDKey = "request_id"

// RequestID returns the id of the current request, or "".
func RequestID(c fiber.Ctx) string {
	if id, ok := c.Locals(RequestIDKey).(string); ok {
		return id
	}
	return ""
}

// JSON writes v with the given status.
func JSON(c fiber.Ctx, status int, v any) error {
	return c.Status(status).JSON(v)
}

// Error writes the standard error body.
func Error(c fiber.Ctx, status int, code apierr.Code, msg string) error {
	return c.Status(status).JSON(apierr.Error{
		Code:      code,
		Message:   msg,
		RequestID: RequestID(c),
	})
}

// ErrorDetails is Error with a details payload.
func ErrorDetails(c fiber.Ctx, status int, code apierr.Code, msg string, details any) error {
	return c.Status(status).JSON(apierr.Error{
		Code:      code,
		Message:   msg,
		Details:   details,
		RequestID: RequestID(c),
	})
}

// HTTPError renders an *apierr.HTTPError built by a service.
func HTTPError(c fiber.Ctx, e *apierr.HTTPError) error {
	body := e.Body
	body.RequestID = RequestID(c)
	return c.Status(e.Status).JSON(body)
}

func BadRequest(c fiber.Ctx, msg string) error {
	return Error(c, fiber.StatusBadRequest, apierr.CodeBadRequest, msg)
}

func NotFound(c fiber.Ctx, what string) error {
	return Error(c, fiber.StatusNotFound, apierr.CodeNotFound, what+" not found")
}

// Unprocessable reports a semantically invalid request; callers pick the code.
func Unprocessable(c fiber.Ctx, code apierr.Code, msg string, details any) error {
	return c.Status(fiber.StatusUnprocessableEntity).JSON(apierr.Error{
		Code:      code,
		Message:   msg,
		Details:   details,
		RequestID: RequestID(c),
	})
}

// ServerError logs err and writes a generic internal error with status.
func ServerError(c fiber.Ctx, status int, err error) error {
	slog.Error("request failed", "path", c.Path(), "status", status, "err", err, "request_id", RequestID(c))
	return Error(c, status, apierr.CodeInternal, "internal server error")
}

// TooManyRequests writes a 429 with the Retry-After header.
func TooManyRequests(c fiber.Ctx, retryAfter time.Duration, msg string) error {
	secs := int(retryAfter.Seconds())
	if secs < 1 {
		secs = 1
	}
	c.Set(fiber.HeaderRetryAfter, strconv.Itoa(secs))
	return Error(c, fiber.StatusTooManyRequests, apierr.CodeRateLimited, msg)
}

// Text writes a plain-text body; used for probes and the metrics endpoint.
func Text(c fiber.Ctx, status int, body string) error {
	c.Set(fiber.HeaderContentType, fiber.MIMETextPlainCharsetUTF8)
	return c.Status(status).SendString(body)
}

// WithHeaders copies extra response headers (rate-limit hints from the
// upstream, cache hints, ...) onto the response.
func WithHeaders(c fiber.Ctx, headers map[string]string) {
	for k, v := range headers {
		c.Set(k, v)
	}
}
