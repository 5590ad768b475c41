package apierr

import (
	"context"
	"errors"
	"log/slog"
	"math"
	"net/http"
	"strconv"

	"github.com/labstack/echo/v5"
)

// UpstreamError is a failed call to a partner API whose response is relayed
// to the client.
type UpstreamError struct {
	Partner string
	Status  int
	Body    string
}

func (e *UpstreamError) Error() string {
	return e.Partner + ": upstream answered " + strconv.Itoa(e.Status)
}

// Renderer writes every error response of the public API.
type Renderer struct {
	Logger *slog.Logger
}

// NewRenderer returns a Renderer that logs through logger.
func NewRenderer(logger *slog.Logger) *Renderer {
	return &Renderer{Logger: logger}
}

// Handle is installed as the app's echo.HTTPErrorHandler.
func (r *Renderer) Handle(c *echo.Context, err error) {
	if resp, uerr := echo.UnwrapResponse(c.Response()); uerr == nil && resp.Committed {
		r.Logger.Warn("error after response was committed", "path", c.Path(), "error", err)
		return
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(statusOf(err))
		return
	}
	rid := c.Response().Header().Get(echo.HeaderXRequestID)

	var (
		ae *Error
		be *echo.BindingError
		ue *UpstreamError
		sc echo.HTTPStatusCoder
	)
	switch {
	case errors.As(err, &ae):
		if ae.RetryAfter > 0 {
			secs := int(math.Ceil(ae.RetryAfter.Seconds()))
			c.Response().Header().Set(echo.HeaderRetryAfter, strconv.Itoa(secs))
		}
		if ae.Status >= http.StatusInternalServerError {
			r.Logger.Error("request failed", "code", ae.Code, "path", c.Path(), "error", ae.Err)
		}
		body := Body{Code: ae.Code, Message: ae.Message, Details: ae.Details, RequestID: rid}
		if werr := c.JSON(ae.Status, body); werr != nil {
			r.Logger.Error("writing error body", "error", werr)
		}
	case errors.As(err, &be):
		_ = c.JSON(be.Code, map[string]any{
			"error":      be.Message,
			"field":      be.Field,
			"request_id": rid,
		})
	case errors.As(err, &ue):
		r.Logger.Warn("partner error", "partner", ue.Partner, "status", ue.Status)
		_ = c.String(ue.Status, ue.Body)
	case errors.As(err, &sc):
		status := sc.StatusCode()
		body := Body{Code: codeForStatus(status), Message: http.StatusText(status), RequestID: rid}
		var he *echo.HTTPError
		if errors.As(err, &he) && he.Message != "" {
			body.Message = he.Message
		}
		if status == http.StatusMethodNotAllowed {
			body.Code = "METHOD_NOT_ALLOWED"
		}
		if status >= http.StatusInternalServerError {
			r.Logger.Error("framework error", "status", status, "error", err)
		}
		_ = c.JSON(status, body)
	case errors.Is(err, context.Canceled):
		r.Logger.Debug("client went away", "path", c.Path())
	default:
		r.Logger.Error("unhandled error", "path", c.Path(), "error", err)
		_ = c.JSON(http.StatusInternalServerError, Body{
			Code:      CodeUnavailable,
			Message:   "The service could not complete the request",
			RequestID: rid,
		})
	}
}

// codeForStatus maps the status of a framework error (routing, binding, body
// limit, rate limiter) to the API code documented with it.
func codeForStatus(status int) string {
	switch status {
	case http.StatusBadRequest:
		return CodeBadRequest
	case http.StatusUnauthorized:
		return CodeUnauthorized
	case http.StatusForbidden:
		return CodeForbidden
	case http.StatusNotFound:
		return CodeNotFound
	case http.StatusConflict:
		return CodeConflict
	case http.StatusUnprocessableEntity:
		return CodeValidation
	case http.StatusTooManyRequests:
		return CodeRateLimited
	case http.StatusServiceUnavailable:
		return CodeUnavailable
	}
	if status >= http.StatusInternalServerError {
		return CodeInternal
	}
	return CodeBadRequest
}

// statusOf returns the status the renderer would send for err.
func statusOf(err error) int {
	if ae, ok := As(err); ok {
		return ae.Status
	}
	if ue := (*UpstreamError)(nil); errors.As(err, &ue) {
		return ue.Status
	}
	if s := echo.StatusCode(err); s != 0 {
		return s
	}
	return http.StatusInternalServerError
}
