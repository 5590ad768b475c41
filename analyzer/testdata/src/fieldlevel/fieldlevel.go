// Package fieldlevel: the codes of the field errors under an error body's // want package:"holds error helpers or types"
// "details" are the fields' own (the document's validation example:
// {"details": {"name": {"code": "required", ...}}}), not the catalog's:
// they are not checked, however deep they sit and however the key is
// spelled. The same literals anywhere else are checked.
package fieldlevel

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// fieldErr is a validation library's field error: an error with a code.
type fieldErr struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e fieldErr) Error() string { return e.Message }

// statusErr is a field error that carries a status too.
type statusErr struct {
	Status  int    `json:"status"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

type withExtra struct {
	Code    string              `json:"code"`
	Message string              `json:"message"`
	Extra   map[string]fieldErr `json:"details"`
}

type untaggedDetails struct {
	Code    string `json:"code"`
	Message string `json:"message"`
	Details []statusErr
}

func underDetails(c *gin.Context) {
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x",
		"Details": gin.H{"name": fieldErr{Code: "required", Message: "m"}}})
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x", // want `error-body-shape: the error body \{"code", "message", "details"\}: "details" is an array, not an object; send`
		"details": []any{gin.H{"field": "name", "errors": []fieldErr{{Code: "too_short", Message: "m"}}}}})
	c.JSON(http.StatusUnprocessableEntity, withExtra{Code: "VALIDATION_ERROR", Message: "x",
		Extra: map[string]fieldErr{"name": {Code: "required", Message: "m"}}})
	c.JSON(http.StatusUnprocessableEntity, untaggedDetails{Code: "VALIDATION_ERROR", Message: "x",
		Details: []statusErr{{Status: 400, Code: "NOT_FOUND", Message: "m"}}})
}

func elsewhere(c *gin.Context) {
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x",
		"errors": gin.H{"name": fieldErr{Code: "required", Message: "m"}}}) // want `unknown-code: required is not in the error catalog \(embedded default\)`
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x",
		"detail": gin.H{"name": fieldErr{Code: "required", Message: "m"}}}) // want `unknown-code: required is not in the error catalog \(embedded default\)`
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x",
		"errors": []statusErr{{Status: 400, Code: "NOT_FOUND", Message: "m"}}}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}

// A field error built on its own is checked where it is built: it is not
// under "details" (yet).
func builtApart(c *gin.Context) {
	fe := fieldErr{Code: "required", Message: "m"}
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x", "details": gin.H{"name": fe}})
}

// A field error added to a details map that the body gets afterwards.
func addedToDetails(c *gin.Context, name, email bool) {
	details := gin.H{}
	if name {
		details["name"] = fieldErr{Code: "required", Message: "m"}
	}
	if email {
		details["email"] = statusErr{Status: 400, Code: "NOT_FOUND", Message: "m"}
	}
	body := gin.H{"code": "VALIDATION_ERROR", "message": "x"}
	body["details"] = details
	c.JSON(http.StatusUnprocessableEntity, body)
}

type apiError struct {
	Code    string         `json:"code"`
	Message string         `json:"message"`
	Fields  map[string]any `json:"details"`
}

func assignedField(c *gin.Context) {
	fe := fieldErr{Code: "required", Message: "m"}
	e := apiError{Code: "VALIDATION_ERROR", Message: "x"}
	e.Fields = map[string]any{"name": fe}
	c.JSON(http.StatusUnprocessableEntity, e)
}

// A variable that is not under "details" is checked.
func notUnder(c *gin.Context) {
	fe := fieldErr{Code: "required", Message: "m"} // want `unknown-code: required is not in the error catalog \(embedded default\)`
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x", "errors": gin.H{"name": fe}})
}

// A field error four variables away from "details".
func farAway(c *gin.Context) {
	fe := fieldErr{Code: "required", Message: "m"}
	byRule := gin.H{"min": fe}
	byField := gin.H{"name": byRule}
	all := gin.H{"user": byField}
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x", "details": all})
}

// A details map that contains itself, and two that contain each other: the
// analysis follows variables a few levels deep, and stops.
func cycles(c *gin.Context) {
	self := gin.H{}
	self["self"] = self
	a := gin.H{}
	b := gin.H{"a": a}
	a["b"] = b
	c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "x", "details": gin.H{"self": self, "a": a}})
}
