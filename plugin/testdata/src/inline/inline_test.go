package inline

import "net/http"

// Test files are checked: tests is true.

func testHelper(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable) // want `missing-retry-after: 503 response`
}
