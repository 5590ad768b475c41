// Package use builds bytype values: judged by the type, as in its package.
package use

import "rendtype/bytype"

func limited() error {
	return &bytype.Error{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "x"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfterSeconds field unset, which its type declares for it; set RetryAfterSeconds`
}

func pair() error {
	return &bytype.Error{Status: 500, Code: "NOT_FOUND", Message: "x"} // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}
