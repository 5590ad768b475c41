package fix // want package:"holds error helpers or types"

// Package fix calls http.Error beside the writer that apierrlint gen wrote
// (genhttp/apierr): the raw-http-error fix sends the error through that
// writer, with the one code the catalog documents with the status, which the
// writer sends with that status.

import (
	"net/http"

	"genhttp/apierr"
)

func get(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("id") == "" {
		http.Error(w, "no such order", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
		return
	}
	if r.Method != http.MethodGet {
		http.NotFound(w, r) // want `raw-http-error: http\.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND`
		return
	}
	// Two codes have 500: no fix.
	http.Error(w, "boom", http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

// A hand-written wrapper that takes a code and no status is not trusted to
// send the code's status (codeonly/hand): were it a writer too, two writers
// would be in scope and no fix offered.
func fail(w http.ResponseWriter, r *http.Request, code apierr.Code) { // want fail:`helper\(code=2 writes retryafter\(some paths\)\)`
	apierr.Write(w, r, code, "failed")
}
