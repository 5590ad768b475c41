// Package respond holds the few writers used outside the error renderer:
// success bodies, the quota middleware and the net/http webhook receiver.
package respond

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
)

// JSON writes v as the body with status.
func JSON[T any](c *echo.Context, status int, v T) error {
	return c.JSON(status, v)
}

// Error writes the documented error body directly. Handlers return errors
// instead; this is for middleware that answers before the handler runs.
func Error(c *echo.Context, status int, code, msg string) error {
	return c.JSON(status, apierr.Body{
		Code:      code,
		Message:   msg,
		RequestID: c.Response().Header().Get(echo.HeaderXRequestID),
	})
}

// Page is the envelope of list responses.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next,omitempty"`
}

// WriteJSONError writes the documented error body on a plain ResponseWriter.
func WriteJSONError(w http.ResponseWriter, status int, code, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(apierr.Body{Code: code, Message: msg})
}

// Text writes msg as text/plain with status.
func Text(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	_, _ = io.WriteString(w, msg)
}
