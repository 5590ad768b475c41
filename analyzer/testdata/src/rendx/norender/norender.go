// Package norender builds xerr values without importing the renderer's
// package: nothing is known of the fields, so nothing is reported.
package norender

import "rendx/xerr"

func errs() []error {
	return []error{
		&xerr.Error{HTTP: 409, Kind: "NOT_FOUND", Message: "x"},
		&xerr.Error{HTTP: 404, Kind: "NOT_FOUN", Message: "x"},
		&xerr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "x"},
	}
}
