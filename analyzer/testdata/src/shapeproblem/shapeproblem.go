package shapeproblem // want package:"holds error helpers or types"

// Package shapeproblem: error bodies under the problem preset (RFC 9457):
// {"type", "title", "status", "detail", "instance", "code"}, with title,
// status and code required, and the status member equal to the HTTP
// status sent.

import (
	"encoding/json"
	"io"
	"net/http"

	"github.com/gin-gonic/gin"
)

type Problem struct {
	Type     string `json:"type,omitempty"`
	Title    string `json:"title"`
	Status   int    `json:"status"`
	Detail   string `json:"detail,omitempty"`
	Instance string `json:"instance,omitempty"`
	Code     string `json:"code"`
}

// Right: problems whose status member is the status sent.
func problemStruct(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(Problem{Title: "Not Found", Status: 404, Code: "NOT_FOUND"})
}

func problemMap(c *gin.Context) {
	c.JSON(http.StatusConflict, gin.H{"type": "about:blank", "title": "Conflict", "status": 409, "detail": "it exists", "code": "CONFLICT"})
}

func problemText(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	io.WriteString(w, `{"title": "Not Found", "status": 404, "code": "NOT_FOUND"}`)
}

// The default shape's body is right only under the default shape.
func documentBody(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "no such pet"}) // want `error-body-shape: the error body \{"code", "message"\}: no "title" and no "status" key; send \{"type", "title", "status", "detail", "instance", "code"\}`
}

type documentError struct { // want `error-body-shape: documentError encodes as \{"code", "message"\}: no "title" and no "status" key; send \{"type", "title", "status", "detail", "instance", "code"\}`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func documentStruct(c *gin.Context) {
	c.JSON(http.StatusBadRequest, documentError{Code: "BAD_REQUEST", Message: "bad"})
}

// The status member must be the status sent ...
func memberMismatch(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"title": "Not Found", "status": 400, "code": "NOT_FOUND"}) // want `status-mismatch: the body's "status" member is 400, sent with status 404; they must be equal` `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}

func memberMismatchStruct(w http.ResponseWriter) {
	w.WriteHeader(http.StatusServiceUnavailable)
	json.NewEncoder(w).Encode(Problem{Title: "Unavailable", Status: 500, Code: "SERVICE_UNAVAILABLE"}) // want `status-mismatch: the body's "status" member is 500, sent with status 503; they must be equal` `status-mismatch: SERVICE_UNAVAILABLE is documented with 503, sent with 500`
}

// ... and a JSON number.
func memberString(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"title": "Not Found", "status": "404", "code": "NOT_FOUND"}) // want `error-body-shape: the error body \{"title", "status", "code"\}: "status" is a string, not a number; send \{"type"`
}

// The code is read from the problem's code member.
func codeMismatch(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, gin.H{"title": "Not Found", "status": 500, "code": "NOT_FOUND"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500` `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func unknownCode(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"title": "Not Found", "status": 404, "code": "NOT_FUND"}) // want `unknown-code: NOT_FUND is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

// A helper that writes problems: its calls are checked.
func writeProblem(w http.ResponseWriter, status int, code, title string) { // want writeProblem:`helper\(status=1 code=2 writes\)`
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(Problem{Title: title, Status: status, Code: code})
}

func helperOK(w http.ResponseWriter) {
	writeProblem(w, http.StatusNotFound, "NOT_FOUND", "Not Found")
}

func helperMismatch(w http.ResponseWriter) {
	writeProblem(w, http.StatusInternalServerError, "NOT_FOUND", "Not Found") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

// Look-alikes left alone: success bodies, values not known, a status
// member sent with a success status.
func success(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"title": "Pets", "count": 3})
	c.JSON(http.StatusOK, gin.H{"title": "Report", "status": 404})
}

func runtime(c *gin.Context, status int, code string) { // want runtime:`helper\(status=1 code=2 writes\)`
	c.JSON(status, gin.H{"title": "Error", "status": status, "code": code})
}

func runtimeMember(c *gin.Context, member int) { // want runtimeMember:`helper\(status=1 fixedcode=NOT_FOUND writes\)`
	c.JSON(http.StatusNotFound, gin.H{"title": "Not Found", "status": member, "code": "NOT_FOUND"})
}
