package withtests

import (
	"net/http"
	"testing"
)

func TestH(t *testing.T) {
	_ = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "test server", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
	})
}
