// Package httpx holds the shop API's HTTP plumbing: the error renderer
// installed as fiber's ErrorHandler, request IDs and response helpers.
package httpx

import (
	"errors"
	"log/slog"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
)

// Body is the JSON body of every error response.
type Body struct {
	Code      string         `json:"code"`
	Message   string         `json:"message"`
	Details   map[string]any `json:"details,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
}

// InvalidInput is returned by Parse when a request body fails the struct
// checks; Problems lists one sentence per field.
type InvalidInput struct {
	Problems []string
}

func (e *InvalidInput) Error() string { return strings.Join(e.Problems, "; ") }

// ErrorHandler renders every error a handler or middleware returns.
func ErrorHandler(c *fiber.Ctx, err error) error {
	rid := RequestID(c)

	var ae *apperr.Error
	if errors.As(err, &ae) {
		if ae.RetryAfter > 0 {
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(ae.RetryAfter))
		}
		status := ae.StatusCode()
		if status >= fiber.StatusInternalServerError {
			slog.Error("request failed", "code", ae.Code, "path", c.Path(), "error", err, "request_id", rid)
		}
		return c.Status(status).JSON(Body{Code: ae.Code, Message: ae.Message, Details: ae.Details, RequestID: rid})
	}

	var ii *InvalidInput
	if errors.As(err, &ii) {
		return c.Status(fiber.StatusUnprocessableEntity).JSON(fiber.Map{
			"code":       apperr.CodeValidation,
			"message":    "Validation failed",
			"details":    ii.Error(),
			"request_id": rid,
		})
	}

	var fe *fiber.Error
	if errors.As(err, &fe) {
		if c.Method() == fiber.MethodHead {
			return c.SendStatus(fe.Code)
		}
		if c.Accepts(fiber.MIMEApplicationJSON) == "" {
			return c.Status(fe.Code).SendString(fe.Message)
		}
		code := apperr.CodeBadRequest
		switch {
		case fe.Code == fiber.StatusNotFound:
			code = apperr.CodeNotFound
		case fe.Code == fiber.StatusRequestEntityTooLarge:
			code = "PAYLOAD_TOO_LARGE"
		case fe.Code == fiber.StatusUnauthorized:
			code = apperr.CodeUnauthorized
		case fe.Code == fiber.StatusForbidden:
			code = apperr.CodeForbidden
		case fe.Code == fiber.StatusConflict:
			code = apperr.CodeConflict
		case fe.Code == fiber.StatusTooManyRequests:
			code = apperr.CodeRateLimited
		case fe.Code == fiber.StatusServiceUnavailable:
			code = apperr.CodeUnavailable
		case fe.Code >= fiber.StatusInternalServerError:
			code = apperr.CodeInternal
		}
		return c.Status(fe.Code).JSON(Body{Code: code, Message: fe.Message, RequestID: rid})
	}

	slog.Error("unhandled error", "path", c.Path(), "error", err, "request_id", rid)
	return c.Status(fiber.StatusInternalServerError).JSON(Body{
		Code:      "UNEXPECTED_ERROR",
		Message:   "Something went wrong on our side",
		RequestID: rid,
	})
}
