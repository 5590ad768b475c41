// Package use builds apierr values through the constructor and its options. // want package:"holds error helpers or types"
package use

import (
	"fmt"
	"log"
	"time"

	"github.com/labstack/echo/v4"

	"optvals/apierr"
	"optvals/echoerr"
	"optvals/plainerr"
)

func gone() error {
	return apierr.New(apierr.CodeNotFound, "gone", apierr.WithStatus(410)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

func goneConst() error {
	return apierr.New(apierr.CodeNotFound, "gone", apierr.Gone()) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

func typo() error {
	return apierr.New("NOT_FOUNDD", "x", apierr.WithStatus(404)) // want `unknown-code: NOT_FOUNDD is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

func limited() error {
	return apierr.New("RATE_LIMIT_EXCEEDED", "slow", apierr.WithStatus(429)) // want `missing-retry-after: New builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which its type declares for it; pass an option that sets RetryAfter`
}

func defaultStatus() error {
	return apierr.New(apierr.CodeNotFound, "x", apierr.WithDetail("d")) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func kept() error {
	e := apierr.New(apierr.CodeNotFound, "gone", apierr.WithStatus(410)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	return e
}

func made() error {
	return apierr.Make(apierr.WithStatus(404)) // want `status-mismatch: INTERNAL_ERROR is documented with 500, sent with 404`
}

// An option the analysis cannot read leaves the status unknown, but the
// code passed to the constructor is still a code.
func opaqueTypo(o apierr.Option) error {
	return apierr.New("NOT_FOUNDD", "x", o) // want `unknown-code: NOT_FOUNDD is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

// Look-alikes that stay silent.

func found() error {
	return apierr.New(apierr.CodeNotFound, "x", apierr.WithStatus(404))
}

func fromVar(o apierr.Option) error {
	return apierr.New(apierr.CodeNotFound, "x", o)
}

func spread(opts []apierr.Option) error {
	return apierr.New(apierr.CodeNotFound, "x", opts...)
}

func madeOK() error {
	return apierr.Make(apierr.WithDetail("d"))
}

func internal() error {
	return apierr.New(apierr.CodeInternal, "x", apierr.WithDetail("db"))
}

func limitedOK() error {
	return apierr.New("RATE_LIMIT_EXCEEDED", "slow", apierr.WithStatus(429), apierr.WithRetryAfter(time.Second))
}

func limitedTogether() error {
	return apierr.New(apierr.CodeRateLimited, "slow", apierr.Limited(time.Second))
}

func maybe() error {
	return apierr.New(apierr.CodeNotFound, "x", apierr.Maybe(410))
}

func later() error {
	return apierr.Later(apierr.CodeNotFound, "x", apierr.WithStatus(404))
}

func overrides() error {
	return apierr.Overrides(apierr.CodeNotFound, apierr.WithStatus(404))
}

func changedAfter() error {
	e := apierr.New(apierr.CodeNotFound, "x", apierr.WithStatus(410))
	e.Status = 404
	return e
}

func funcValue() error {
	return apierr.New(apierr.CodeNotFound, "x", apierr.Log)
}

// Helpers over the constructor: their callers supply the status.

func notFoundWith(s int) error { // want notFoundWith:`helper\(status=0 fixedcode=NOT_FOUND unset=optvals/apierr.Error.RetryAfter\)`
	return apierr.New(apierr.CodeNotFound, "x", apierr.WithStatus(s))
}

func limitedWith(s int) error { // want limitedWith:`helper\(status=0 fixedcode=RATE_LIMIT_EXCEEDED unset=optvals/apierr.Error.RetryAfter\)`
	return apierr.New(apierr.CodeRateLimited, "x", apierr.WithStatus(s))
}

func helpers(n int) error {
	switch n {
	case 0:
		return notFoundWith(404)
	case 1:
		return notFoundWith(410) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	}
	return limitedWith(429) // want `missing-retry-after: limitedWith builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which its type declares for it; set RetryAfter`
}

// echoerr's renderer sets no Retry-After: a handler that returns a 429
// built with options sets it on the response.

func echoLimited(c echo.Context) error {
	return echoerr.New("RATE_LIMIT_EXCEEDED", "slow", echoerr.WithStatus(429)) // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) is rendered by echoerr.Handler, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

func echoLimitedOK(c echo.Context) error { // want echoLimitedOK:`helper\(retryafter\)`
	c.Response().Header().Set("Retry-After", "30")
	return echoerr.New("RATE_LIMIT_EXCEEDED", "slow", echoerr.WithStatus(429))
}

func echoGone(c echo.Context) error {
	return echoerr.New("NOT_FOUND", "gone", echoerr.WithStatus(410)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

// plainerr's type is not an error body, but its renderer makes one of it:
// its values are checked as the renderer sends them.
func plainGone() error {
	return plainerr.New("NOT_FOUND", "gone", plainerr.WithStatus(410)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

func plainFound() error {
	return plainerr.New("NOT_FOUND", "gone", plainerr.WithStatus(404))
}

// Wrapped, it is still what the renderer finds (errors.As).
func plainWrapped() error {
	return fmt.Errorf("load: %w", plainerr.New("NOT_FOUND", "gone", plainerr.WithStatus(410))) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

func plainKept() error {
	e := plainerr.New("NOT_FOUND", "gone", plainerr.WithStatus(410)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	return e
}

// Logged, not returned: a value of the type is still built wrong.
func plainLogged() error {
	log.Print(plainerr.New("NOT_FOUND", "gone", plainerr.WithStatus(410))) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
	return nil
}

// rateLimited takes the code: whether Retry-After is missing is decided
// where it is called.
func rateLimited(code apierr.Code) *apierr.Error { // want rateLimited:`helper\(code=0 fixedstatus=429 unset=optvals/apierr.Error.RetryAfter\)`
	return apierr.New(code, "slow", apierr.WithStatus(429))
}

func useRateLimited() error {
	return rateLimited(apierr.CodeRateLimited) // want `missing-retry-after: rateLimited builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which its type declares for it; set RetryAfter`
}
