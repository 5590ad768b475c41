package fix // want package:"holds error helpers or types"

// Package fix is a gin app with a handler that takes w and r (an OAuth
// callback, a gateway) and calls http.Error. Beside gin's writer (Write, a
// *gin.Context), apierrlint gen wrote a net/http one (WriteHTTP) in
// gengin/apierr: the raw-http-error fix calls the writer that takes the
// handle the call writes to.

import (
	"net/http"

	"gengin/apierr"

	"github.com/gin-gonic/gin"
)

func callback(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("state") == "" {
		http.Error(w, "no state", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
		return
	}
	// Two codes have 500: no fix.
	http.Error(w, "boom", http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

func getOrder(c *gin.Context) { // want getOrder:`helper\(writes retryafter\(some paths\)\)`
	apierr.Write(c, apierr.CodeNotFound, "no such order")
}
