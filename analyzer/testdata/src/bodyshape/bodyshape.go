package bodyshape // want package:"holds error helpers or types"

// Package bodyshape: error bodies of the wrong shape, flagged once, and the
// look-alikes that are fine.

import (
	"encoding/json"
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
)

var errBoom = errors.New("boom")

// The most common deviation: {"error": "..."}.
func errorKey(w http.ResponseWriter) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]string{"error": "not found"}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key; send \{"code", "message", "details", "request_id"\}`
}

func ginErrorKey(c *gin.Context, err error) {
	c.JSON(http.StatusBadRequest, gin.H{"error": err.Error(), "code": "BAD_REQUEST"}) // want `error-body-shape: the error body \{"error", "code"\}: no "message" key; send`
}

// A named type, reported at its declaration once, however often it is sent.
type ErrorResponse struct { // want ErrorResponse:`errortype\(badshape\)` `error-body-shape: ErrorResponse encodes as \{"error", "status"\}: no "code" and no "message" key; send`
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func named(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, ErrorResponse{Error: "boom", Status: 500})
	c.AbortWithStatusJSON(http.StatusBadGateway, &ErrorResponse{Error: "upstream"})
}

// "details" must be an object, "request_id" a string.
func detailsAndRequestID(c *gin.Context) {
	c.JSON(400, gin.H{"code": "BAD_REQUEST", "message": "x", "details": "email is invalid"}) // want `error-body-shape: the error body \{"code", "message", "details"\}: "details" is a string, not an object; send`
	c.JSON(400, requestIDBody{Code: "BAD_REQUEST", Message: "x", RequestID: 42})
}

type requestIDBody struct { // want `error-body-shape: requestIDBody encodes as \{"code", "message", "request_id"\}: "request_id" is a number, not a string; send`
	Code      string `json:"code"`
	Message   string `json:"message"`
	RequestID int64  `json:"request_id"`
}

// Not an object at all.
func notObject(err error, c *fiber.Ctx) error { // not of fiber.ErrorHandler's type: a handler, not a renderer
	if err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(err.Error()) // want `error-body-shape: the error body is a string, not an object; send`
	}
	return c.Status(fiber.StatusInternalServerError).JSON([]string{"boom"}) // want `error-body-shape: the error body is an array, not an object; send`
}

// A constant JSON text.
func constantText(w http.ResponseWriter) {
	w.WriteHeader(http.StatusTeapot)
	w.Write([]byte(`{"error": "short and stout"}`)) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key; send`
}

// json:"-" drops a field.
type hiddenCode struct { // want `error-body-shape: hiddenCode encodes as \{"message"\}: no "code" key; send`
	Code    string `json:"-"`
	Message string `json:"message"`
}

func hidden(c *gin.Context) { c.JSON(404, hiddenCode{Code: "NOT_FOUND", Message: "x"}) }

// An error type encoded in a response is an error body whatever the status.
type plainErr struct { // want `error-body-shape: plainErr encodes as \{"msg"\}: no "code" and no "message" key; send`
	Msg string `json:"msg"`
}

func (e plainErr) Error() string { return e.Msg }

func errorType(c *gin.Context) {
	c.JSON(http.StatusOK, plainErr{Msg: "x"})
}

// A helper of this package that writes a body of the wrong shape with its
// status parameter: reported at that body, where a call sends an error
// status.
func fail(c *gin.Context, status int, msg string) { // want fail:`helper\(status=1 writes badbody\)`
	c.JSON(status, gin.H{"error": msg}) // want `error-body-shape: the error body \{"error"\}: no "code" and no "message" key; send`
}

func usesFail(c *gin.Context) {
	fail(c, http.StatusConflict, "exists")
	fail(c, http.StatusOK, "fine")
}

// A second of each kind: several problems at once, keys that are not all
// known, a request_id that is a boolean, a number as the body, JSON text
// that is not an object, and a map without the code.
func more(c *gin.Context, w http.ResponseWriter, key string, n int) {
	switch n {
	case 0:
		c.JSON(http.StatusBadRequest, gin.H{"error": "x", "details": "y"}) // want `error-body-shape: the error body \{"error", "details"\}: no "code" and no "message" key; "details" is a string, not an object; send`
	case 1:
		c.JSON(http.StatusBadRequest, gin.H{key: "x", "details": []string{"y"}}) // want `error-body-shape: the error body \{"details", \.\.\.\}: "details" is an array, not an object; send`
	case 2:
		c.JSON(http.StatusInternalServerError, gin.H{"code": "INTERNAL_ERROR", "message": "x", "request_id": true}) // want `error-body-shape: the error body \{"code", "message", "request_id"\}: "request_id" is a boolean, not a string; send`
	case 3:
		c.JSON(http.StatusInternalServerError, gin.H{"code": "INTERNAL_ERROR", "message": "x", "details": 3, "request_id": 7}) // want `error-body-shape: the error body \{"code", "message", "details", "request_id"\}: "details" is a number, not an object; "request_id" is a number, not a string; send`
	case 4:
		c.JSON(http.StatusBadRequest, 42) // want `error-body-shape: the error body is a number, not an object; send`
	case 5:
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`"boom"`)) // want `error-body-shape: the error body is a string, not an object; send`
	case 6:
		w.WriteHeader(http.StatusInternalServerError)
		w.Write([]byte(`[1, 2]`)) // want `error-body-shape: the error body is an array, not an object; send`
	case 7:
		c.JSON(http.StatusBadRequest, gin.H{"message": "x"}) // want `error-body-shape: the error body \{"message"\}: no "code" key; send`
	case 8:
		c.JSON(http.StatusBadRequest, gin.H{key: "x"}) // keys not known: nothing to say
	case 9:
		c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": "x", "request_id": nil})
	}
}

// Look-alikes.

type embedded struct {
	Code string `json:"code"`
}

type flattened struct {
	embedded
	Message string `json:"message"`
}

type fieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type traceID [16]byte

func (t traceID) MarshalText() ([]byte, error) { return []byte("0"), nil }

type withDetails struct {
	Code      string                `json:"code"`
	Message   string                `json:"message"`
	Details   map[string]fieldError `json:"details,omitempty"`
	RequestID traceID               `json:"request_id,omitempty"`
	Extra     string                `json:"extra"`
}

// A type that encodes itself: its keys are not known.
type custom struct{ Reason string }

func (custom) MarshalJSON() ([]byte, error) { return []byte(`{"code": "X", "message": "y"}`), nil }

var statuses = map[string]int{"x": 400}

func lookAlikes(c *gin.Context, key string, v any) { // want lookAlikes:`helper\(body=2 writes\)`
	c.JSON(400, gin.H{"code": "BAD_REQUEST", "message": "x", "details": gin.H{"email": "invalid"}, "request_id": "r1", "trace": 1})
	c.JSON(404, flattened{embedded{"NOT_FOUND"}, "gone"})
	c.JSON(422, withDetails{Code: "VALIDATION_ERROR", Message: "x"})
	c.JSON(200, gin.H{"status": "ok"})
	c.JSON(200, ErrorResponse{}) // a 200 is not an error response
	c.JSON(500, v)               // any: not known
	c.JSON(500, custom{})        // its own MarshalJSON
	c.JSON(statuses[key], gin.H{"error": "x"})
	c.JSON(400, gin.H{"code": "BAD_REQUEST", "message": "x", "details": nil})
}
