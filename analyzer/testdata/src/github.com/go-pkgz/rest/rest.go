// Package rest is a stub of github.com/go-pkgz/rest v1.24.0 for the
// analyzer's fixtures: the declarations the framework tables name, with the
// real signatures (TestTables checks them).
package rest

import (
	"net/http"

	"github.com/go-pkgz/rest/logger"
)

// JSON is a map alias, just for convenience
type JSON map[string]any

// RenderJSON sends data as json
func RenderJSON(w http.ResponseWriter, data any) {}

// SendErrorJSON sends {error: msg} with error code and logging error and caller
func SendErrorJSON(w http.ResponseWriter, r *http.Request, l logger.Backend, code int, err error, msg string) {
}
