// Package apierr declares an error type, functional options that set its // want package:"holds error helpers or types"
// fields, and constructors that apply them: their calls in other packages
// are checked like literals of the type (optvals/use).
package apierr

import "time"

type Code string

const (
	CodeNotFound    Code = "NOT_FOUND"
	CodeRateLimited Code = "RATE_LIMIT_EXCEEDED"
	CodeInternal    Code = "INTERNAL_ERROR"
)

type Error struct {
	Status     int           `json:"-"`
	Code       Code          `json:"code"`
	Message    string        `json:"message"`
	Detail     string        `json:"detail,omitempty"`
	RetryAfter time.Duration `json:"-"`
}

func (e *Error) Error() string { return e.Message }

type Option func(*Error)

func WithStatus(s int) Option { return func(e *Error) { e.Status = s } } // want WithStatus:`option\(optvals/apierr.Error Status=param0\)`

func WithRetryAfter(d time.Duration) Option { return func(e *Error) { e.RetryAfter = d } } // want WithRetryAfter:`option\(optvals/apierr.Error RetryAfter=param0\)`

func WithDetail(d string) Option { return func(e *Error) { e.Detail = d } } // want WithDetail:`option\(optvals/apierr.Error Detail=param0\)`

// Gone sets a constant status.
func Gone() Option { return func(e *Error) { e.Status = 410 } } // want Gone:`option\(optvals/apierr.Error Status=410\)`

// Limited sets the status and the delay together.
func Limited(d time.Duration) Option { // want Limited:`option\(optvals/apierr.Error RetryAfter=param0 Status=429\)`
	return func(e *Error) {
		e.Status = 429
		e.RetryAfter = d
	}
}

// Maybe sets the status on some paths only: not an option the analysis
// reads.
func Maybe(s int) Option {
	return func(e *Error) {
		if e.Status == 0 {
			e.Status = s
		}
	}
}

// New applies its options to the value it builds, after its defaults.
func New(code Code, msg string, opts ...Option) *Error { // want New:`applies\(optvals/apierr.Error opts=2 Code=param0 Message=param1 Status=500\)` New:`helper\(code=0 fixedstatus=500 unset=optvals/apierr.Error.RetryAfter\)`
	e := &Error{Code: code, Message: msg, Status: 500}
	for _, o := range opts {
		o(e)
	}
	return e
}

// Make takes nothing but options, and applies them to a value it builds
// in a variable (o(&e), return &e).
func Make(opts ...Option) *Error { // want Make:`applies\(optvals/apierr.Error opts=0 Code="INTERNAL_ERROR" Message="internal" Status=500\)`
	e := Error{Code: CodeInternal, Message: "internal", Status: 500}
	for _, o := range opts {
		o(&e)
	}
	return &e
}

// Later keeps its options for later instead of applying them: a call's
// options say nothing of the value it returns.
func Later(code Code, msg string, opts ...Option) *Error { // want Later:`helper\(code=0 fixedstatus=500 unset=optvals/apierr.Error.RetryAfter\)`
	e := &Error{Code: code, Message: msg, Status: 500}
	pending = append(pending, opts...)
	return e
}

var pending []Option

// Overrides sets a field after its options: they do not decide the value,
// and it is not read as a constructor that applies them.
func Overrides(code Code, opts ...Option) *Error { // want Overrides:`helper\(code=0 fixedstatus=500 unset=optvals/apierr.Error.RetryAfter\)`
	e := &Error{Code: code, Status: 500}
	for _, o := range opts {
		o(e)
	}
	if e.Status == 0 {
		e.Status = 500
	}
	return e
}

// Log is a func(*Error) that is not an option constructor.
func Log(e *Error) {}

// Uses in the package itself: the facts are its own.

func NotFound(msg string) *Error {
	return New(CodeNotFound, msg, WithStatus(404))
}

func badGone() *Error {
	return New(CodeNotFound, "gone", Gone()) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

// Hooked applies options that are not option constructors: the value is
// not known.
func hooked() *Error {
	return New(CodeNotFound, "x", Log)
}
