// Package use builds apierr values through the constructor and its options. // want package:"holds error helpers or types"
package use

import (
	"time"

	"optvals/apierr"
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
