package fixcfg

// Package fixcfg is gengin/fix with error-writer: gengin/apierr.Write
// configured (as apierrlint gen -config records it): the writers that gen
// wrote beside the configured one are the ones for the other handles, so
// http.Error becomes WriteHTTP.

import (
	"net/http"

	"gengin/apierr"
)

// The Code type keeps the import in use in the source as in the fixed file.
var _ apierr.Code

func callback(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no state", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}
