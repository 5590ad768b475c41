// Package svc is a service layer: it imports only apierr, builds values
// away from any response.
package svc

import (
	"time"

	"rendtype/apierr"
)

func find(id string) error {
	if id == "" {
		return apierr.New(400, "BAD_REQUEST", "no id")
	}
	if id == "x" {
		return apierr.New(429, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: New builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which apierr.Handler sends as the Retry-After header; set RetryAfter`
	}
	if id == "y" {
		e := apierr.New(429, "RATE_LIMIT_EXCEEDED", "slow down")
		e.RetryAfter = time.Second
		return e
	}
	if id == "z" {
		return apierr.TooMany(time.Minute)
	}
	return apierr.New(404, "CONFLICT", "x") // want `status-mismatch: CONFLICT is documented with 409, sent with 404`
}

func limited() error {
	return &apierr.Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "x"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfter field unset, which apierr.Handler sends as the Retry-After header; set RetryAfter`
}

//apierrlint:ignore missing-retry-after the gateway in front of this service sets it
func ignored() error {
	return &apierr.Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "x"}
}

// Options from another package: their facts say what they set.
func withOptions(id string, opts []apierr.Option) error {
	switch id {
	case "a":
		return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", apierr.WithRetryAfter(time.Minute))
	case "b":
		return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", apierr.WithMessage("busy"), apierr.WithRetryAfter(time.Minute))
	case "c":
		return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", opts...) // options not known here
	case "d":
		return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", func(e *apierr.Error) { e.RetryAfter = time.Second })
	case "e":
		return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", apierr.WithAny(nil)) // an option without a fact
	}
	return apierr.NewWith(429, "RATE_LIMIT_EXCEEDED", apierr.WithMessage("busy")) // want `missing-retry-after: NewWith builds a RATE_LIMIT_EXCEEDED error \(429\) without its RetryAfter field, which apierr.Handler sends as the Retry-After header; pass an option that sets RetryAfter`
}
