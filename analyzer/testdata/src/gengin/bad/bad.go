package bad // want package:"holds error helpers or types"

// Package bad misuses the code that apierrlint gen wrote for gin
// (gengin/apierr) beside using it well.

import (
	"net/http"

	"gengin/apierr"

	"github.com/gin-gonic/gin"
)

func typo(c *gin.Context) { // want typo:`helper\(writes retryafter\(some paths\)\)`
	apierr.Write(c, apierr.Code("NOPE"), "x") // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`
}

// The error body sent by hand with another status than its code's.
func wrongStatus(c *gin.Context) {
	c.JSON(http.StatusInternalServerError, apierr.Error{Code: apierr.Code("NOT_FOUND"), Message: "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

// A raw error beside the writer.
func raw(c *gin.Context) { // want raw:`helper\(writes retryafter\(some paths\)\)`
	if c.Param("id") == "" {
		apierr.Write(c, apierr.CodeBadRequest, "missing id")
		return
	}
	c.String(500, "boom") // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\} \(no fix: 500 has 2 codes; set default-codes\)`
}

// 429 by hand, without the writer's Retry-After.
func tooMany(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusTooManyRequests, apierr.New(apierr.CodeRateLimitExceeded, "x")) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}
