// Package casekeys: keys and field names in other cases than the // want package:"holds error helpers or types"
// document's. encoding/json matches a key to a field case-insensitively
// when it decodes ({"Code": "X"} fills a field tagged "code"), so the
// analysis reads the code, the message and the status of a body that way
// too, in map literals, struct fields and JSON text; error-body-shape
// reports the keys that are not the documented lower-case ones.
package casekeys

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

func mapKeys(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"Code": "NOT_FOUND", "Message": "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400` `error-body-shape: the error body \{"Code", "Message"\}: no "code" and no "message" key; send`
	c.JSON(http.StatusNotFound, gin.H{"CODE": "NOT_FOUDN", "MESSAGE": "x"})   // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?` `error-body-shape: the error body \{"CODE", "MESSAGE"\}: no "code" and no "message" key; send`
	c.JSON(http.StatusNotFound, gin.H{"cOdE": "NOT_FOUND", "mEsSaGe": "x"})   // want `error-body-shape: the error body \{"cOdE", "mEsSaGe"\}: no "code" and no "message" key; send`
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "x"})
	// Two keys for the code: which one a client reads is not known.
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "Code": "CONFLICT", "message": "x"})
	// A key that only contains the word is another key.
	c.JSON(http.StatusBadRequest, gin.H{"error_code": "NOT_FOUND", "code": "BAD_REQUEST", "message": "x"})
}

func statusKey() map[string]any {
	return map[string]any{"STATUS": 500, "Code": "VALIDATION_ERROR", "Message": "x"} // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 500`
}

func builtUp(w http.ResponseWriter) {
	body := map[string]any{"Message": "x"} // want `error-body-shape: the error body \{"Message", "Code"\}: no "code" and no "message" key; send`
	body["Code"] = "CONFLICT"
	w.WriteHeader(http.StatusBadRequest) // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	json.NewEncoder(w).Encode(body)
}

type untagged struct { // want `error-body-shape: untagged encodes as \{"Code", "Message"\}: no "code" and no "message" key; send`
	Code    string
	Message string
}

type upperTags struct { // want `error-body-shape: upperTags encodes as \{"CODE", "Message"\}: no "code" and no "message" key; send`
	Code string `json:"CODE"`
	Msg  string `json:"Message"`
}

type lower struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func structs(c *gin.Context) {
	c.JSON(http.StatusBadRequest, untagged{Code: "NOT_FOUND", Message: "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	c.JSON(http.StatusConflict, upperTags{Code: "NOT_FOUND", Msg: "x"})      // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
	c.JSON(http.StatusNotFound, lower{Code: "NOT_FOUND", Message: "x"})
}

func text(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Path {
	case "/a":
		w.WriteHeader(http.StatusBadRequest)                     // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
		w.Write([]byte(`{"Code": "NOT_FOUND", "Message": "x"}`)) // want `error-body-shape: the error body \{"Code", "Message"\}: no "code" and no "message" key; send`
	case "/b":
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte(`{"CODE": "NOPE", "message": "x"}`)) // want `unknown-code: NOPE is not in the error catalog \(embedded default\)` `error-body-shape: the error body \{"CODE", "message"\}: no "code" key; send`
	case "/c":
		w.WriteHeader(http.StatusBadRequest)
		w.Write([]byte(`{"code": "NOT_FOUND", "Code": "CONFLICT", "message": "x"}`))
	default:
		w.WriteHeader(http.StatusBadRequest) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
		w.Write([]byte(`{"code": "NOT_FOUND", "message": "x"}`))
	}
}
