// Package testhelp is a test helper package (not a _test.go file): a
// function that takes a *testing.T or a testing.TB is test code, and its
// findings, its function literals' too, are reported only with -tests.
package testhelp

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// NewUnauthorizedServer is a test double: its bodyless 401 is no API's.
func NewUnauthorizedServer(t *testing.T) *httptest.Server {
	t.Helper()
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusUnauthorized)
	}))
}

func Fail(tb testing.TB, w http.ResponseWriter) {
	http.Error(w, "test double", http.StatusInternalServerError)
}

// Not test code: a handler in the same package is checked.
func Handler(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "down", http.StatusServiceUnavailable) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code SERVICE_UNAVAILABLE`
}
