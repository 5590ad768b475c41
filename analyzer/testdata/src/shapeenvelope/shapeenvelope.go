package shapeenvelope // want package:"holds error helpers or types"

// Package shapeenvelope: error bodies under the envelope preset:
// {"error": {"code", "message", "details", "request_id"}}; the code is read
// inside the envelope.

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details any    `json:"details,omitempty"`
}

type envelope struct {
	Error apiError `json:"error"`
}

// Right: the documented keys under "error".
func envelopeMap(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"error": gin.H{"code": "NOT_FOUND", "message": "no such pet"}})
}

func envelopeStruct(w http.ResponseWriter) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(envelope{Error: apiError{Code: "CONFLICT", Message: "it exists"}})
}

func envelopeText(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, `{"error": {"code": "NOT_FOUND", "message": "no such pet"}}`)
}

func envelopeVar(c *gin.Context) {
	inner := gin.H{"code": "BAD_REQUEST", "message": "bad"}
	c.JSON(http.StatusBadRequest, gin.H{"error": inner})
}

// The default shape's flat body is right only under the default shape.
func flat(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "no such pet"}) // want `error-body-shape: the error body \{"code", "message"\}: no "error" key; send \{"error": \{"code", "message", "details", "request_id"\}\}`
}

func innerMissing(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"error": gin.H{"code": "BAD_REQUEST"}}) // want `error-body-shape: the error body \{"error"\}: in "error": no "message" key; send \{"error": \{"code"`
}

func notObject(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"error": "bad request"}) // want `error-body-shape: the error body \{"error"\}: "error" is a string, not an object; send \{"error": \{"code"`
}

// The code is read inside the envelope.
func mismatch(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, gin.H{"error": gin.H{"code": "NOT_FOUND", "message": "no such pet"}}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func mismatchStruct(w http.ResponseWriter) {
	w.WriteHeader(http.StatusBadRequest) // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	json.NewEncoder(w).Encode(envelope{Error: apiError{Code: "CONFLICT", Message: "it exists"}})
}

func mismatchText(w http.ResponseWriter) {
	w.WriteHeader(http.StatusInternalServerError) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
	io.WriteString(w, `{"error": {"code": "NOT_FOUND", "message": "no such pet"}}`)
}

func unknownCode(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"error": gin.H{"code": "NOT_FUND", "message": "no such pet"}}) // want `unknown-code: NOT_FUND is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

// Look-alikes left alone: success bodies, values not known.
func success(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"data": gin.H{"id": 1}})
	c.JSON(http.StatusOK, gin.H{"error": gin.H{"code": "NOT_A_CODE"}})
}

func runtime(c *gin.Context, status int, code string, body any) { // want runtime:`helper\(status=1 code=2 writes\)`
	c.JSON(status, gin.H{"error": gin.H{"code": code, "message": "x"}})
	c.JSON(http.StatusBadRequest, gin.H{"error": body})
}
