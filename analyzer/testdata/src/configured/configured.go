package configured // want package:"holds error helpers or types"

import "net/http"

// Run with a catalog that documents MAINTENANCE as 503 and with
// -retry-after=429,503.

func maintenance(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `missing-retry-after: 503 response is written without a Retry-After header on some path; set Retry-After`
}

type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

var (
	errMaint = Error{Status: 503, Code: "MAINTENANCE", Message: "x"}
	errGone  = Error{Status: 404, Code: "NOT_FOUND", Message: "x"} // want `unknown-code: NOT_FOUND is not in the error catalog \(test catalog\)$`
)
