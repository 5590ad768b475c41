// Package statustables: status tables written as switches and lookups
// with a fallback.
package statustables

import "net/http"

type Code string

const (
	NotFound   Code = "NOT_FOUND"
	BadRequest Code = "BAD_REQUEST"
	Conflict   Code = "CONFLICT"
	RateLimit  Code = "RATE_LIMIT_EXCEEDED"
	Internal   Code = "INTERNAL_ERROR"
	Database   Code = "DATABASE_ERROR"
)

// A switch that returns a status per code: each case is a pair.
func statusFor(c Code) int {
	switch c {
	case NotFound:
		return http.StatusNotFound
	case BadRequest: // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 422`
		return http.StatusUnprocessableEntity
	case Conflict, "FORBIDDEN": // want `status-mismatch: FORBIDDEN is documented with 403, sent with 409`
		return 409
	case "PAYMENT_REQUIRED": // want `unknown-code: PAYMENT_REQUIRED is not in the error catalog \(embedded default\)`
		return 402
	default:
		return http.StatusInternalServerError // want `status-mismatch: the switch has no case for RATE_LIMIT_EXCEEDED \(documented with 429\), which fall back to 500 here; add them with their documented statuses`
	}
}

// The fallback after the switch; the codes documented with 500 that fall
// back to 500 are right.
func (c Code) Status() int {
	switch c {
	case NotFound:
		return 404
	case BadRequest:
		return 400
	case Conflict:
		return 409
	case RateLimit:
		return 429
	}
	return 500
}

func (c Code) StatusOr503() int {
	switch c {
	case NotFound:
		return 404
	case Internal, Database:
		return 500
	}
	return http.StatusServiceUnavailable // want `status-mismatch: the switch has no case for BAD_REQUEST \(documented with 400\), CONFLICT \(documented with 409\), RATE_LIMIT_EXCEEDED \(documented with 429\), which fall back to 503 here; add them with their documented statuses`
}

// A lookup in a map with a fallback for the codes it lacks.
var statuses = map[Code]int{
	NotFound:   http.StatusNotFound,
	BadRequest: http.StatusBadRequest,
	Conflict:   http.StatusConflict,
}

func lookup(c Code) int {
	if s, ok := statuses[c]; ok {
		return s
	}
	return http.StatusInternalServerError // want `status-mismatch: the status table has no entry for RATE_LIMIT_EXCEEDED \(documented with 429\), which fall back to 500 here; add them with their documented statuses`
}

func lookupNotOK(c Code) int {
	s, ok := statuses[c]
	if !ok {
		return 500 // want `status-mismatch: the status table has no entry for RATE_LIMIT_EXCEEDED \(documented with 429\), which fall back to 500 here; add them with their documented statuses`
	}
	return s
}

// Left alone: a switch over something else than codes, statuses that are
// not constant, a plain string code type (its codes are not declared), a
// complete table.

func methodStatus(method string) int {
	switch method {
	case http.MethodGet:
		return 200
	default:
		return http.StatusMethodNotAllowed
	}
}

func notAllConstant(c Code, fallback int) int {
	switch c {
	case NotFound:
		return 404
	default:
		return fallback
	}
}

func plainString(code string) int {
	switch code {
	case "NOT_FOUND":
		return 404
	default:
		return 500
	}
}

var complete = map[Code]int{
	NotFound:   404,
	BadRequest: 400,
	Conflict:   409,
	RateLimit:  429,
}

func lookupComplete(c Code) int {
	if s, ok := complete[c]; ok {
		return s
	}
	return 500
}

// Two different constants returned: no single fallback.
func twoFallbacks(c Code, strict bool) int {
	if s, ok := statuses[c]; ok {
		return s
	}
	if strict {
		return 400
	}
	return 500
}
