package shapefix // want package:"holds error helpers or types"

// Package shapefix: the fixes of error-body-shape (the lower-case json tags
// of untagged fields) and retry-after-format (whole seconds).

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

type apiError struct { // want `error-body-shape: apiError encodes as \{"Code", "Message", "Details"\}: no "code" and no "message" key; send`
	Code    string
	Message string
	Details map[string]string
}

func untagged(c *gin.Context) {
	c.JSON(http.StatusNotFound, apiError{Code: "NOT_FOUND", Message: "gone"})
}

func constants(w http.ResponseWriter) { // want constants:`helper\(retryafter\)`
	w.Header().Set("Retry-After", "30s") // want `retry-after-format: Retry-After is set to "30s", not a whole number of seconds`
	w.Header().Set("Retry-After", "2m")  // want `retry-after-format: Retry-After is set to "2m", not a whole number of seconds`
	w.Header().Set("Retry-After", "1.5") // want `retry-after-format: Retry-After is set to "1\.5", not a whole number of seconds`
}

func duration(c *gin.Context, d time.Duration) { // want duration:`helper\(retryafter\)`
	c.Header("Retry-After", d.String()) // want `retry-after-format: Retry-After is set to a time\.Duration's String \("1m0s"\), not a whole number of seconds`
}
