package disabled // want package:"holds error helpers or types"

import "net/http"

type Error struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

var errX = Error{Status: 500, Code: "NOPE", Message: "x"}

func h(w http.ResponseWriter) {
	http.Error(w, "x", 404)
	w.WriteHeader(429) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// A directive for a disabled rule is moot, not unused.
func moot(w http.ResponseWriter) {
	//apierrlint:ignore raw-http-error the rule is disabled
	w.WriteHeader(http.StatusOK)
	//apierrlint:ignore missing-retry-after,unknown-code one of them is disabled
	w.WriteHeader(http.StatusOK)
}
