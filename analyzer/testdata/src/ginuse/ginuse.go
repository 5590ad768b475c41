// Package ginuse calls ginrespond's helpers: findings where the constants // want package:"holds error helpers or types"
// meet.
package ginuse

import (
	"net/http"

	"ginrespond"

	"github.com/gin-gonic/gin"
)

func handlers(c *gin.Context, ok bool) {
	ginrespond.Fail(c, http.StatusNotFound, ginrespond.CodeNotFound, "gone")
	ginrespond.Fail(c, http.StatusBadRequest, ginrespond.CodeNotFound, "gone") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	ginrespond.Fail(c, 404, "NOT_FOUDN", "gone")                               // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	ginrespond.NotFound(c, "gone")
	ginrespond.Internal(c, 503)                                // want `status-mismatch: INTERNAL_ERROR is documented with 500, sent with 503`
	ginrespond.Text(c, http.StatusBadGateway, "upstream down") // want `raw-http-error: Text sends a non-JSON body with status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	ginrespond.Text(c, http.StatusOK, "pong")
	ginrespond.Abort(c, http.StatusForbidden) // want `raw-http-error: Abort sends status 403 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
	ginrespond.Abort(c, http.StatusNoContent)
	ginrespond.Text(c, http.StatusNotFound, "no such pet") // want `raw-http-error: Text sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	ginrespond.Abort(c, http.StatusTooManyRequests)        // want `raw-http-error: Abort sends status 429 without a JSON body; send a JSON error body with code RATE_LIMIT_EXCEEDED` `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func limited(c *gin.Context) { // want limited:`helper\(writes retryafter\)`
	ginrespond.TooMany(c, "30")
}

func limitedWrongly(c *gin.Context) {
	ginrespond.Cache(c)                                                                     // sets only Cache-Control
	ginrespond.Fail(c, http.StatusTooManyRequests, ginrespond.CodeRateLimited, "slow down") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}
