// Package respond contains the response helpers shared by handlers and
// middleware.
package respond

import (
	"encoding/json"
	"log/slog"
	"maps"
	"net/http"
	"strconv"
	"time"

	"github.com/go-chi/chi/v5/middleware"
	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
)

// JSON renders v as JSON with status.
func JSON(w http.ResponseWriter, r *http.Request, status int, v any) {
	render.Status(r, status)
	render.JSON(w, r, v)
}

// Error renders the standard error body.
func Error(w http.ResponseWriter, r *http.Request, status int, code apierr.Code, msg string) {
	if err := render.Render(w, r, apierr.New(status, code, msg)); err != nil {
		slog.Error("render error response", "err", err)
	}
}

// Err renders an *apierr.ErrResponse built elsewhere and logs 5xx causes.
func Err(w http.ResponseWriter, r *http.Request, e *apierr.ErrResponse) {
	if e.HTTPStatusCode >= http.StatusInternalServerError {
		slog.Error("request failed", "path", r.URL.Path, "code", e.Code, "err", e.Err, "request_id", middleware.GetReqID(r.Context()))
	}
	_ = render.Render(w, r, e)
}

// WriteJSON writes v with plain net/http; middleware that runs outside the
// render context uses it.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(v); err != nil {
		slog.Error("encode response", "err", err)
	}
}

// WriteError is Error for plain net/http code paths.
func WriteError(w http.ResponseWriter, r *http.Request, status int, code apierr.Code, msg string) {
	WriteJSON(w, status, apierr.ErrResponse{Code: code, Message: msg, RequestID: middleware.GetReqID(r.Context())})
}

// TooManyRequests renders a 429 with Retry-After.
func TooManyRequests(w http.ResponseWriter, r *http.Request, retryAfter time.Duration, msg string) {
	secs := int(retryAfter.Round(time.Second).Seconds())
	if secs < 1 {
		secs = 1
	}
	w.Header().Set("Retry-After", strconv.Itoa(secs))
	Error(w, r, http.StatusTooManyRequests, apierr.CodeRateLimited, msg)
}

// Text writes a plain-text body, for probes and operator endpoints.
func Text(w http.ResponseWriter, r *http.Request, status int, body string) {
	render.Status(r, status)
	render.PlainText(w, r, body)
}

// CopyHeaders forwards upstream response headers we want clients to see.
func CopyHeaders(w http.ResponseWriter, upstream http.Header) {
	maps.Copy(w.Header(), upstream)
}
