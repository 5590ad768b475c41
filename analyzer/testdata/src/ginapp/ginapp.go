// Package ginapp: the gin table, each primitive flagged where it breaks the // want package:"holds error helpers or types"
// convention and left alone where it does not.
package ginapp

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

var errBoom = errors.New("boom")

// JSON writers pair their status with the body's code.
func jsonWriters(c *gin.Context) {
	c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "no such pet"})
	c.JSON(http.StatusBadRequest, gin.H{"code": "NOT_FOUND", "message": "no such pet"})        // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	c.IndentedJSON(409, gin.H{"code": "CONFLICT", "message": "exists"})                        //
	c.SecureJSON(500, gin.H{"code": "CONFLICT", "message": "exists"})                          // want `status-mismatch: CONFLICT is documented with 409, sent with 500`
	c.PureJSON(401, gin.H{"code": "FORBIDDEN", "message": "no"})                               // want `status-mismatch: FORBIDDEN is documented with 403, sent with 401`
	c.AsciiJSON(422, gin.H{"code": "VALIDATION_ERROR", "message": "bad"})                      //
	c.JSONP(404, gin.H{"code": "NOT_FOUNDD", "message": "x"})                                  // want `unknown-code: NOT_FOUNDD is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	c.AbortWithStatusJSON(http.StatusForbidden, gin.H{"code": "UNAUTHORIZED", "message": "x"}) // want `status-mismatch: UNAUTHORIZED is documented with 401, sent with 403`
	c.AbortWithStatusPureJSON(503, gin.H{"code": "SERVICE_UNAVAILABLE", "message": "later"})
	c.IndentedJSON(500, gin.H{"code": "CONFLICT", "message": "exists"})                      // want `status-mismatch: CONFLICT is documented with 409, sent with 500`
	c.AsciiJSON(400, gin.H{"code": "VALIDATION_ERROR", "message": "bad"})                    // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 400`
	c.AbortWithStatusPureJSON(500, gin.H{"code": "SERVICE_UNAVAILABLE", "message": "later"}) // want `status-mismatch: SERVICE_UNAVAILABLE is documented with 503, sent with 500`
	c.JSON(http.StatusOK, gin.H{"status": "ok"})
	// -1 keeps the status already set: a run-time value.
	c.JSON(-1, gin.H{"code": "NOT_FOUND", "message": "x"})
}

// Other content types with an error status are raw error responses.
func otherContentTypes(c *gin.Context, ct string, data []byte) {
	c.String(http.StatusInternalServerError, "boom")         // want `raw-http-error: \(\*gin\.Context\)\.String sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	c.String(http.StatusOK, "pong")                          // a health check
	c.HTML(404, "404.tmpl", nil)                             // want `raw-http-error: \(\*gin.Context\).HTML sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	c.HTML(200, "index.tmpl", nil)                           //
	c.XML(400, gin.H{"code": "BAD_REQUEST", "message": "x"}) // want `raw-http-error: \(\*gin\.Context\)\.XML sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
	c.YAML(500, nil)                                         // want `raw-http-error: \(\*gin\.Context\)\.YAML sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	c.TOML(502, nil)                                         // want `raw-http-error: \(\*gin\.Context\)\.TOML sends a non-JSON body with status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	c.ProtoBuf(500, nil)                                     // want `raw-http-error: \(\*gin\.Context\)\.ProtoBuf sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	c.BSON(500, nil)                                         // want `raw-http-error: \(\*gin\.Context\)\.BSON sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	c.Data(500, "text/plain", data)                          // want `raw-http-error: \(\*gin\.Context\)\.Data with content type text/plain sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	c.Data(500, "application/json", []byte(`{"code": "INTERNAL_ERROR", "message": "boom"}`))
	c.Data(http.StatusNotFound, "application/problem+json; charset=utf-8", []byte(`{"code": "NOT_FOUND", "message": "x"}`))
	c.Data(400, "application/json", []byte(`{"code": "NOPE", "message": "x"}`)) // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`
	c.Data(500, ct, data)                                                       // unknown content type
	c.Data(200, "text/csv", data)
}

// A content type the analysis cannot see: the status is still written, and
// a body of any JSON text is paired with it.
func unknownContentType(c *gin.Context, ct string, data []byte) {
	c.Data(http.StatusTooManyRequests, ct, data)                             // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	c.String(http.StatusBadRequest, `{"code": "NOT_FOUND", "message": "x"}`) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	c.String(http.StatusNotFound, `{"code": "NOT_FOUND", "message": "x"}`)
}

func data(c *gin.Context, status int, ct string, b []byte) { // want data:`helper\(status=1 writes\)`
	c.Data(status, ct, b)
}

// A raw writer whose status is its first parameter: a constant error
// status at a call site is a raw error response.
func textFirst(status int, c *gin.Context, msg string) { // want textFirst:`helper\(status=0 writes rawtext\)`
	c.String(status, msg)
}

func usesTextFirst(c *gin.Context) {
	textFirst(http.StatusOK, c, "pong")
	textFirst(http.StatusBadRequest, c, "bad")           // want `raw-http-error: textFirst sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
	textFirst(http.StatusInternalServerError, c, "boom") // want `raw-http-error: textFirst sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
}

// A wrapper that passes its first parameter on as a raw writer's status.
func wrapTextFirst(status int, c *gin.Context) { // want wrapTextFirst:`helper\(status=0 writes rawtext\)`
	textFirst(status, c, "x")
}

// A setter whose status is its first parameter.
func setStatusFirst(status int, c *gin.Context) { // want setStatusFirst:`helper\(status=0 bodyless\)`
	c.Status(status)
}

// Files after an error status.
func files(c *gin.Context) {
	c.Status(http.StatusNotFound)
	c.File("404.html") // want `raw-http-error: \(\*gin\.Context\)\.File sends a non-JSON body after status 404; send a JSON error body with code NOT_FOUND`
}

func attachment(c *gin.Context) {
	c.FileAttachment("report.csv", "report.csv") // status 200
}

func attachmentAfterError(c *gin.Context) {
	c.Status(http.StatusForbidden)
	c.FileAttachment("denied.txt", "denied.txt") // want `raw-http-error: \(\*gin\.Context\)\.FileAttachment sends a non-JSON body after status 403; send a JSON error body \{"code", "message", \.\.\.\}`
}

// A bodyless error response.
func bodyless(c *gin.Context, ok bool) {
	if !ok {
		c.AbortWithStatus(http.StatusUnauthorized) // want `raw-http-error: \(\*gin\.Context\)\.AbortWithStatus sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
		return
	}
	c.AbortWithStatus(http.StatusNoContent)
}

// AbortWithError writes the status now (an error-rendering middleware
// writes the body): not raw, but it needs Retry-After like any 429.
func abortWithError(c *gin.Context, limited bool) {
	if limited {
		_ = c.AbortWithError(http.StatusTooManyRequests, errBoom) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
		return
	}
	_ = c.AbortWithError(http.StatusBadGateway, errBoom)
}

// AbortWithError writes the status: a header set after it is too late.
func abortThenHeader(c *gin.Context) { // want abortThenHeader:`helper\(writes retryafter\)`
	_ = c.AbortWithError(http.StatusTooManyRequests, errBoom) // want `missing-retry-after: 429 response is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set Retry-After`
	c.Header("Retry-After", "5")
}

func abortWithErrorRetry(c *gin.Context) { // want abortWithErrorRetry:`helper\(writes retryafter\)`
	c.Header("Retry-After", "30")
	_ = c.AbortWithError(http.StatusTooManyRequests, errBoom)
}

// Retry-After with gin's own header setter and through c.Writer.
func rateLimited(c *gin.Context, wait string) { // want rateLimited:`helper\(retryaftervalue=1 writes retryafter\)`
	c.Header("Retry-After", wait)
	c.AbortWithStatusJSON(http.StatusTooManyRequests, gin.H{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
}

func rateLimitedWriter(c *gin.Context) { // want rateLimitedWriter:`helper\(writes retryafter\)`
	c.Writer.Header().Set("Retry-After", "60")
	c.JSON(429, gin.H{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
}

func rateLimitedMissing(c *gin.Context) {
	c.Header("X-RateLimit-Remaining", "0")
	c.JSON(429, gin.H{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

// gin writes the headers with the body: Retry-After after c.JSON is too
// late, as after the project's own writer.
func rateLimitedLate(c *gin.Context) { // want rateLimitedLate:`helper\(writes retryafter\)`
	c.JSON(429, gin.H{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set`
	c.Header("Retry-After", "60")
}

func fail(c *gin.Context, status int, code, msg string) { // want fail:`helper\(status=1 code=2 writes\)`
	c.JSON(status, gin.H{"code": code, "message": msg})
}

func rateLimitedLateWriter(c *gin.Context) { // want rateLimitedLateWriter:`helper\(writes retryafter\)`
	fail(c, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path \(it is set only after the status is written, which is too late\); set`
	c.Header("Retry-After", "60")
}

// Status sets the status of the later write: Retry-After in between is in time.
func statusThenWrite(c *gin.Context) { // want statusThenWrite:`helper\(writes retryafter\)`
	c.Status(http.StatusTooManyRequests)
	c.Header("Retry-After", "10")
	c.Writer.WriteHeaderNow()
}

func statusPlainText(c *gin.Context) {
	c.Status(http.StatusServiceUnavailable)
	c.Writer.Write([]byte("down for maintenance")) // want `raw-http-error: plain-text body written after status 503; send a JSON error body with code SERVICE_UNAVAILABLE`
}

// A project's own type with gin-like method names is not gin.
type reply struct{}

func (reply) JSON(code int, obj any)                        {}
func (reply) String(code int, format string, values ...any) {}
func (reply) AbortWithStatus(code int)                      {}

func ownType(r reply) {
	r.JSON(400, gin.H{"code": "NOT_FOUND", "message": "x"})
	r.String(500, "boom")
	r.AbortWithStatus(401)
}

var statuses = map[string]int{"missing": 404}

// Statuses computed at run time are not guessed at.
func runtime(c *gin.Context, key string) {
	status := statuses[key]
	c.JSON(status, gin.H{"code": "NOT_FOUND", "message": "x"})
	c.String(status, "x")
	c.AbortWithStatus(status)
}

// Status sets the status that gin sends when the handlers return: with no
// body written after it on a path, a bodyless error response, like
// AbortWithStatus.
func statusAlone(c *gin.Context) {
	if c.Param("id") == "" {
		c.Status(http.StatusGone) // want `raw-http-error: \(\*gin.Context\).Status sends status 410 without a body: nothing writes one after it on some path to the return; send a JSON error body \{"code", "message", ...\}`
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": c.Param("id")})
}

func statusAbort(c *gin.Context) {
	if c.GetHeader("Authorization") == "" {
		c.Status(http.StatusUnauthorized) // want `raw-http-error: \(\*gin\.Context\)\.Status sends status 401 without a body: nothing writes one after it on some path to the return; send a JSON error body \{"code", "message", \.\.\.\}`
		c.Abort()
		return
	}
	c.Next()
}

// Left alone: a body after it, the handlers after it (Next), an error
// for the error middleware, a success status, a helper whose caller
// writes the body.
func statusThenBody(c *gin.Context, err error) {
	switch c.Param("k") {
	case "a":
		c.Status(http.StatusNotFound)
		c.JSON(-1, gin.H{"code": "NOT_FOUND", "message": "x"})
	case "b":
		c.Status(http.StatusForbidden)
		c.Next()
	case "c":
		c.Status(http.StatusInternalServerError)
		_ = c.Error(err)
	default:
		c.Status(http.StatusNoContent)
	}
}

func setNotFound(c *gin.Context) {
	c.Status(http.StatusNotFound)
}

func callsSetNotFound(c *gin.Context) {
	setNotFound(c)
	c.JSON(-1, gin.H{"code": "NOT_FOUND", "message": "x"})
}
