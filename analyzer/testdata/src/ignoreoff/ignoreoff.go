// Package ignoreoff runs with ignore-directive disabled: malformed and
// unused directives are not reported, and the directives that are well
// formed still suppress their findings.
package ignoreoff

import "net/http"

func handler(w http.ResponseWriter) {
	http.Error(w, "x", 500) //apierrlint:ignore raw-http-error legacy clients

	http.Error(w, "x", 500) /* want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore raw-htp-error a typo

	http.Error(w, "x", 500) /* want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}` */ //apierrlint:ignore raw-http-error
	//apierrlint:ignore missing-retry-after nothing to suppress
	w.WriteHeader(http.StatusOK)
}
