package docexamples // want package:"holds error helpers or types"

// The API error document's own examples, rendered in Go as a team would
// write them: they follow the convention, so none draws a finding.

import (
	"encoding/json"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

func writeJSON(w http.ResponseWriter, status int, body any) { // want writeJSON:`helper\(status=1 body=2 writes\)`
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body)
}

// Validation Error, with maps: field-level codes under "details" are not
// error codes of the catalog.
func validationMaps(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnprocessableEntity, map[string]any{
		"code":    "VALIDATION_ERROR",
		"message": "Validation failed",
		"details": map[string]any{
			"name":  map[string]string{"code": "required", "message": "Name is required"},
			"email": map[string]string{"code": "invalid_format", "message": "Invalid email format"},
		},
	})
}

// Validation Error, with structs.
type FieldError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type APIError struct {
	Code      string                `json:"code"`
	Message   string                `json:"message"`
	Details   map[string]FieldError `json:"details,omitempty"`
	RequestID string                `json:"request_id,omitempty"`
}

func validationStructs(w http.ResponseWriter) {
	writeJSON(w, http.StatusUnprocessableEntity, APIError{
		Code:    "VALIDATION_ERROR",
		Message: "Validation failed",
		Details: map[string]FieldError{
			"name":  {Code: "required", Message: "Name is required"},
			"email": {Code: "invalid_format", Message: "Invalid email format"},
		},
	})
}

// Validation Error, built up in a variable.
func validationBuiltUp(w http.ResponseWriter, missingName, badEmail bool) {
	details := map[string]any{}
	if missingName {
		details["name"] = map[string]string{"code": "required", "message": "Name is required"}
	}
	if badEmail {
		details["email"] = FieldError{Code: "invalid_format", Message: "Invalid email format"}
	}
	body := map[string]any{"code": "VALIDATION_ERROR", "message": "Validation failed"}
	body["details"] = details
	w.WriteHeader(http.StatusUnprocessableEntity)
	json.NewEncoder(w).Encode(body)
}

// Not Found Error.
func notFound(c *gin.Context, id string) {
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "Not found: Incident " + id + " not found"})
}

// Conflict Error.
func conflict(c *gin.Context, state string) {
	c.AbortWithStatusJSON(http.StatusConflict, APIError{Code: "CONFLICT", Message: "Conflict: Action is not pending approval (current status: " + state + ")"})
}

// Rate Limit Error, with Retry-After in whole seconds.
func rateLimited(w http.ResponseWriter, waitSeconds int) { // want rateLimited:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", strconv.Itoa(waitSeconds))
	writeJSON(w, http.StatusTooManyRequests, APIError{Code: "RATE_LIMIT_EXCEEDED", Message: "Rate limit exceeded"})
}

// Unauthorized Error, with the request id.
func unauthorized(c *gin.Context) {
	c.JSON(http.StatusUnauthorized, APIError{
		Code:      "UNAUTHORIZED",
		Message:   "Unauthorized: No authentication provided",
		RequestID: c.GetHeader("X-Request-ID"),
	})
}

// A field error type that implements error (as validation libraries' do):
// under "details" its codes are still field-level.
type fieldErr struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e fieldErr) Error() string { return e.Message }

func validationErrorTypes(c *gin.Context) {
	c.JSON(http.StatusUnprocessableEntity, gin.H{
		"code":    "VALIDATION_ERROR",
		"message": "Validation failed",
		"details": gin.H{"name": fieldErr{Code: "required", Message: "Name is required"}},
	})
}
