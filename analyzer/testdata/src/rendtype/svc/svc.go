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
