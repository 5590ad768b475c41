package middleware

import (
	"errors"
	"log/slog"
	"net/http"
	"runtime/debug"

	"example.com/petstore/internal/apierr"
)

// Recover turns a panicking handler into a 500 response.
func Recover(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			v := recover()
			if v == nil {
				return
			}
			if err, ok := v.(error); ok && errors.Is(err, http.ErrAbortHandler) {
				panic(v)
			}
			logger.ErrorContext(r.Context(), "panic serving request",
				"panic", v, "method", r.Method, "path", r.URL.Path, "stack", string(debug.Stack()))
			apierr.Internal(w, r, "internal error")
		}()
		next.ServeHTTP(w, r)
	})
}
