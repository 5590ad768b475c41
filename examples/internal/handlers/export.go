package handlers

import (
	"encoding/json"
	"net/http"
	"time"
)

// exportError is what the bulk-export endpoint sends when a job cannot
// start. It predates the API error document and was never migrated.
type exportError struct {
	Error   string `json:"error"`
	JobID   string `json:"job_id,omitempty"`
	Retry   bool   `json:"retry"`
	Seconds int    `json:"seconds,omitempty"`
}

// exportBackoff is how long clients wait before polling a busy export queue.
const exportBackoff = 90 * time.Second

// StartExport queues a bulk export of the caller's orders.
func (h *Handler) StartExport(w http.ResponseWriter, r *http.Request) {
	if h.Maintenance.Enabled() {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusServiceUnavailable)
		json.NewEncoder(w).Encode(exportError{Error: "exports are paused during maintenance", Retry: true})
		return
	}
	if len(h.events) == cap(h.events) {
		w.Header().Set("Retry-After", exportBackoff.String())
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		json.NewEncoder(w).Encode(map[string]any{"code": "RATE_LIMIT_EXCEEDED", "message": "the export queue is full"})
		return
	}
	w.WriteHeader(http.StatusAccepted)
}
