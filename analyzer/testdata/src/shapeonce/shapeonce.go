// Package shapeonce writes shapedecl's bodies: Problem is reported at its
// declaration only (once means once); Other, which its package does not
// report, once here, at the first write.
package shapeonce

import (
	"encoding/json"
	"net/http"

	"shapedecl"
)

func handler(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(shapedecl.Problem{Error: "bad", Status: 400})
	case "/b":
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(shapedecl.Other{Msg: "gone"}) // want `error-body-shape: Other encodes as \{"msg"\}: no "code" and no "message" key; send`
	default:
		w.WriteHeader(http.StatusConflict)
		json.NewEncoder(w).Encode(shapedecl.Other{Msg: "exists"})
	}
}
