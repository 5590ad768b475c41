// Package shapedecl declares error bodies of the wrong shape; it writes
// one of them itself, and reports it at its declaration.
package shapedecl

import (
	"encoding/json"
	"net/http"
)

// Problem is written here with an error status: reported at its
// declaration, and its importers are told (fact).
type Problem struct { // want Problem:`errortype\(badshape\)` `error-body-shape: Problem encodes as \{"error", "status"\}: no "code" and no "message" key; send \{"code", "message", "details", "request_id"\}`
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// Other is not written here: its importers report it, once each.
type Other struct {
	Msg string `json:"msg"`
}

func fail(w http.ResponseWriter, msg string) {
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(Problem{Error: msg, Status: 500})
}
