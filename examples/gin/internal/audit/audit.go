// Package audit records security-relevant events. Events are buffered and
// flushed to the audit sink by a background worker.
package audit

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// Entry is one audit record.
type Entry struct {
	At      time.Time `json:"at"`
	Status  int       `json:"status"`
	Message string    `json:"message"`
	Payload any       `json:"payload,omitempty"`
}

// Log is an append-only audit log.
type Log struct {
	mu      sync.Mutex
	entries []Entry
}

// String records a plain message together with the HTTP status that was
// returned to the client.
func (l *Log) String(status int, format string, args ...any) {
	l.append(Entry{At: time.Now().UTC(), Status: status, Message: fmt.Sprintf(format, args...)})
}

// JSON records a structured payload.
func (l *Log) JSON(status int, payload any) {
	l.append(Entry{At: time.Now().UTC(), Status: status, Payload: payload})
}

func (l *Log) append(e Entry) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.entries = append(l.entries, e)
	if len(l.entries) > 10_000 {
		l.entries = l.entries[len(l.entries)-10_000:]
	}
}

// Flush drains buffered entries to the structured logger.
func (l *Log) Flush() {
	l.mu.Lock()
	entries := l.entries
	l.entries = nil
	l.mu.Unlock()
	for _, e := range entries {
		b, _ := json.Marshal(e)
		slog.Info("audit", "entry", string(b))
	}
}
