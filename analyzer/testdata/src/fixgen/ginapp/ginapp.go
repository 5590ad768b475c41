package ginapp // want package:"holds error helpers or types"

// Package ginapp: the fixes of a gin service right after apierrlint gen
// (fixgen/gin/apierr, which no file imports yet; -error-writer names its
// Write, -default-codes gives 401 its code): each raw write becomes the
// writer's call, with the import added.

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

func notFound(c *gin.Context) {
	c.String(http.StatusNotFound, "no such pet") // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
}

func formatted(c *gin.Context, id string) {
	c.String(400, "bad id %q", id) // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
}

func errText(c *gin.Context) {
	err := errors.New("taken")
	c.String(http.StatusConflict, err.Error()) // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 409; send a JSON error body with code CONFLICT`
}

// 401 has four codes: default-codes picks UNAUTHORIZED; no body: the
// status text is the message.
func unauthorized(c *gin.Context) {
	c.AbortWithStatus(http.StatusUnauthorized) // want `raw-http-error: \(\*gin\.Context\)\.AbortWithStatus sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func data(c *gin.Context) {
	c.Data(http.StatusNotFound, "text/plain; charset=utf-8", []byte("gone")) // want `raw-http-error: \(\*gin\.Context\)\.Data with content type text/plain; charset=utf-8 sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
}

// A net/http handler in the gin app: gen's WriteHTTP.
func plain(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such thing", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}

// Look-alikes: no fix.

// 500 has two codes and default-codes names none.
func several(c *gin.Context) {
	c.String(500, "boom") // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

// A status known at run time only: a raw helper, reported at its calls.
func withStatus(c *gin.Context, status int) { // want withStatus:`helper\(status=1 writes rawtext\)`
	c.String(status, "x")
}

// A 2xx body with an "error" key is no error body.
func okBody(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"error": "none"})
}

// XML is no message.
func xml(c *gin.Context) {
	c.XML(http.StatusNotFound, struct{}{}) // want `raw-http-error: \(\*gin\.Context\)\.XML sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
}

// error-body-shape: literal bodies become the writer's call.

func shapeError(c *gin.Context, err error) {
	c.JSON(http.StatusNotFound, gin.H{"error": err}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key;`
}

func shapeDetails(c *gin.Context, id string) {
	c.AbortWithStatusJSON(http.StatusBadRequest, gin.H{"success": false, "message": "bad id", "id": id, "status": 400}) // want `error-body-shape: the error body \{"success", "message", "id", "status"\}: no "code" key;`
}

func shapeStruct(c *gin.Context) {
	c.JSON(http.StatusConflict, struct { // want `error-body-shape: the error body \{"msg", "code"\}: no "message" key; "code" is a number, not a string;`
		Msg  string `json:"msg"`
		Code int    `json:"code"`
	}{Msg: "taken", Code: 409})
}

// Look-alikes: a named type of the wrong shape is not rewritten; its
// finding says how to move to the writer.
type legacyError struct { // want `error-body-shape: legacyError encodes as \{"error"\}: .*; or send these errors with the error writer fixgen/gin/apierr\.Write`
	Error string `json:"error"`
}

func named(c *gin.Context) {
	c.JSON(http.StatusNotFound, legacyError{Error: "x"})
}

func shapeSeveral(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, gin.H{"error": "boom"}) // want `error-body-shape: the error body .* \(no fix: 500 has 2 codes; set default-codes\)`
}

// default-error-response: gen's NoRoute (and NoMethod), after the engine
// is made.
func main() {
	r := gin.New() // want `default-error-response: gin\.New without NoRoute answers unmatched routes with a plain-text 404 \("404 page not found"\); call NoRoute with a handler that sends the documented JSON error body`
	r.GET("/", notFound)
	_ = r.Run()
}

func both() {
	r := gin.Default() // want `default-error-response: gin\.Default without NoRoute answers unmatched routes with a plain-text 404 \("404 page not found"\); call NoRoute with a handler that sends the documented JSON error body; gin\.Default with HandleMethodNotAllowed and without NoMethod answers a wrong method with a plain-text 405 \("405 method not allowed"\); call NoMethod with a handler that sends the documented JSON error body`
	r.HandleMethodNotAllowed = true
	_ = r.Run()
}
