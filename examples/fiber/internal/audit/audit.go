// Package audit records security-relevant events as JSON lines.
package audit

import (
	"encoding/json"
	"log/slog"
	"time"
)

// Entry is one audit record, built fluently:
//
//	audit.Event("user.delete").Actor(id).Status(403).JSON()
type Entry struct {
	Action  string    `json:"action"`
	ActorID string    `json:"actor_id,omitempty"`
	Target  string    `json:"target,omitempty"`
	Result  int       `json:"status"`
	At      time.Time `json:"at"`
}

func Event(action string) *Entry {
	return &Entry{Action: action, At: time.Now().UTC()}
}

func (e *Entry) Actor(id string) *Entry  { e.ActorID = id; return e }
func (e *Entry) On(target string) *Entry { e.Target = target; return e }

// Status records the HTTP status the request ended with.
func (e *Entry) Status(code int) *Entry { e.Result = code; return e }

// JSON serializes the entry.
func (e *Entry) JSON() string {
	b, err := json.Marshal(e)
	if err != nil {
		return `{"action":"` + e.Action + `"}`
	}
	return string(b)
}

// Log writes the entry to the audit logger.
func (e *Entry) Log() {
	slog.Info("audit", "entry", e.JSON())
}
