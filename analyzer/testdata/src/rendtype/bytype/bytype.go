// Package bytype declares an error type whose renderer is not visible // want package:"holds error helpers or types"
// anywhere: its values are judged by what the type says, a status and code
// pair and a Retry-After field.
package bytype

type Error struct {
	Status            int    `json:"-"`
	Code              string `json:"code"`
	Message           string `json:"message"`
	RetryAfterSeconds int    `json:"-"`
}

func (e *Error) Error() string { return e.Message }

var (
	errLimited = &Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "x"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfterSeconds field unset, which its type declares for it; set RetryAfterSeconds`
	errWaits   = &Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "x", RetryAfterSeconds: 5}
	errGone    = &Error{Status: 404, Code: "NOT_FOUND", Message: "x"}
)
