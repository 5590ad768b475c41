// Package ginrespond holds a project's error helpers over gin, inferred as // want package:"holds error helpers or types"
// helpers (facts) like net/http ones.
package ginrespond

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

type Code string

const (
	CodeNotFound    Code = "NOT_FOUND"
	CodeRateLimited Code = "RATE_LIMIT_EXCEEDED"
	CodeInternal    Code = "INTERNAL_ERROR"
)

// Fail writes the documented error body with a status and a code.
func Fail(c *gin.Context, status int, code Code, msg string) { // want Fail:`helper\(status=1 code=2 writes\)`
	c.AbortWithStatusJSON(status, gin.H{"code": code, "message": msg})
}

// NotFound fixes the pair.
func NotFound(c *gin.Context, msg string) {
	Fail(c, http.StatusNotFound, CodeNotFound, msg)
}

// Internal fixes the code: the status is the caller's.
func Internal(c *gin.Context, status int) { // want Internal:`helper\(status=1 fixedcode=INTERNAL_ERROR writes\)`
	Fail(c, status, CodeInternal, "internal error")
}

// TooMany sets Retry-After before the 429.
func TooMany(c *gin.Context, wait string) { // want TooMany:`helper\(retryaftervalue=1 writes retryafter\)`
	c.Header("Retry-After", wait)
	Fail(c, http.StatusTooManyRequests, CodeRateLimited, "slow down")
}

// Text writes plain text with the caller's status.
func Text(c *gin.Context, status int, msg string) { // want Text:`helper\(status=1 writes rawtext\)`
	c.String(status, msg)
}

// Abort ends the request without a body.
func Abort(c *gin.Context, status int) { // want Abort:`helper\(status=1 writes nobody\)`
	c.AbortWithStatus(status)
}

// Cache sets only another header: it does not set Retry-After.
func Cache(c *gin.Context) {
	c.Header("Cache-Control", "no-store")
}
