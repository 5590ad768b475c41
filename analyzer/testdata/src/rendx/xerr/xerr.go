// Package xerr declares an error type whose fields say nothing by their
// names: only its renderer (rendx/xrender) tells which is the status, the
// code and the Retry-After delay.
package xerr

import "time"

type Error struct {
	HTTP    int
	Kind    string
	Message string
	Wait    time.Duration
}

func (e *Error) Error() string { return e.Kind + ": " + e.Message }

// New builds an error value: the renderer is not visible here, so
// nothing is known of its fields.
func New(http int, kind, msg string) *Error {
	return &Error{HTTP: http, Kind: kind, Message: msg}
}

// Values built here are not judged: the renderer is not visible.
var (
	ErrGone    = &Error{HTTP: 404, Kind: "NOT_FOUND", Message: "gone"}
	ErrLimited = &Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down"}
)
