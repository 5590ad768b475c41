package withtests

import (
	"net/http"
	"testing"
)

// With -tests, a function that takes a *testing.T is checked too.
func helper(t *testing.T, w http.ResponseWriter) {
	http.Error(w, "test double", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
