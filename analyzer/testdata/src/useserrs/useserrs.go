package useserrs

import "errsonly"

// Neither net/http nor a "code" string here: the package fact of errsonly
// makes the analysis look.

var errA = errsonly.New(500, "NOT_FOUND", "x") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`

var errB = &errsonly.Error{Status: 400, Code: "NOPE", Message: "x"} // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`
