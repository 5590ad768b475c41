package middleware

import (
	"io"
	"net/http"
	"strings"
	"sync/atomic"
)

// Maintenance turns the API off for everything but health checks while a
// migration is running. It is toggled from the admin endpoint.
type Maintenance struct {
	enabled atomic.Bool
}

func (m *Maintenance) Set(on bool)   { m.enabled.Store(on) }
func (m *Maintenance) Enabled() bool { return m.enabled.Load() }

func (m *Maintenance) Middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if m.enabled.Load() && !strings.HasPrefix(r.URL.Path, "/healthz") && !strings.HasPrefix(r.URL.Path, "/admin/") {
			w.Header().Set("Retry-After", "300")
			w.WriteHeader(http.StatusServiceUnavailable)
			io.WriteString(w, "The pet store is down for scheduled maintenance. Please try again in a few minutes.\n")
			return
		}
		next.ServeHTTP(w, r)
	})
}
