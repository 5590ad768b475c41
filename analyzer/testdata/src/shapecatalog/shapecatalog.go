package shapecatalog // want package:"holds error helpers or types"

// Package shapecatalog: the shape that a catalog's response-format block
// states, {"error_code", "error", "trace_id"} with trace_id optional, and
// no shape: setting.

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
)

type apiError struct {
	ErrorCode string `json:"error_code"`
	Msg       string `json:"error"`
	TraceID   string `json:"trace_id,omitempty"`
}

// Right: the block's keys.
func documented(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"error_code": "NOT_FOUND", "error": "no such pet"})
}

func documentedStruct(w http.ResponseWriter) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(apiError{ErrorCode: "CONFLICT", Msg: "it exists"})
}

// The seed's body is wrong under this catalog.
func seedBody(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "no such pet"}) // want `error-body-shape: the error body \{"code", "message"\}: no "error_code" and no "error" key; send \{"error_code", "error", "trace_id"\}`
}

// The code is read from "error_code".
func mismatch(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, gin.H{"error_code": "NOT_FOUND", "error": "no such pet"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func mismatchStruct(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound) // want `status-mismatch: CONFLICT is documented with 409, sent with 404`
	json.NewEncoder(w).Encode(apiError{ErrorCode: "CONFLICT", Msg: "it exists"})
}

func unknownCode(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"error_code": "NOT_FUND", "error": "no such pet"}) // want `unknown-code: NOT_FUND is not in the error catalog \(errors.md\); did you mean NOT_FOUND\?`
}

// raw-http-error suggests the block's keys.
func plain(w http.ResponseWriter) {
	http.Error(w, "teapot", http.StatusTeapot) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body \{"error_code", "error", \.\.\.\}`
}

// Look-alikes left alone: a "code" key that is not this catalog's code,
// success bodies.
func lookAlikes(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"code": "NOT_A_CODE", "message": "fine"})
	c.JSON(http.StatusOK, gin.H{"error_code": "NOT_A_CODE", "error": "fine"})
}
