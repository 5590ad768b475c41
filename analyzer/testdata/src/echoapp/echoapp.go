// Package echoapp: the echo v4 table, flagged and left alone. // want package:"holds error helpers or types"
package echoapp

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func jsonWriters(c echo.Context) error {
	_ = c.JSON(http.StatusNotFound, echo.Map{"code": "NOT_FOUND", "message": "x"})
	_ = c.JSON(http.StatusConflict, echo.Map{"code": "NOT_FOUND", "message": "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
	_ = c.JSONPretty(401, apiError{Code: "SESSION_EXPIRED", Message: "x"}, "  ")
	_ = c.JSONPretty(403, apiError{Code: "SESSION_EXPIRED", Message: "x"}, "  ") // want `status-mismatch: SESSION_EXPIRED is documented with 401, sent with 403`
	_ = c.JSONP(400, "cb", apiError{Code: "BAD_REQEST", Message: "x"})           // want `unknown-code: BAD_REQEST is not in the error catalog \(embedded default\); did you mean BAD_REQUEST\?`
	_ = c.JSONBlob(500, []byte(`{"code": "DATABASE_ERROR", "message": "x"}`))
	_ = c.JSONBlob(400, []byte(`{"code": "DATABASE_ERROR", "message": "x"}`)) // want `status-mismatch: DATABASE_ERROR is documented with 500, sent with 400`
	return c.JSON(http.StatusOK, echo.Map{"ok": true})
}

func otherContentTypes(c echo.Context, body []byte) error {
	_ = c.String(http.StatusBadRequest, "bad input") // want `raw-http-error: \(echo.Context\).String sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
	_ = c.String(http.StatusOK, "pong")
	_ = c.HTML(500, "<h1>oops</h1>")      // want `raw-http-error: \(echo\.Context\)\.HTML sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.HTMLBlob(503, body)             // want `raw-http-error: \(echo\.Context\)\.HTMLBlob sends a non-JSON body with status 503; send a JSON error body with code SERVICE_UNAVAILABLE`
	_ = c.XML(404, apiError{})            // want `raw-http-error: \(echo\.Context\)\.XML sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	_ = c.XMLPretty(409, apiError{}, " ") // want `raw-http-error: \(echo\.Context\)\.XMLPretty sends a non-JSON body with status 409; send a JSON error body with code CONFLICT`
	_ = c.XMLBlob(422, body)              // want `raw-http-error: \(echo\.Context\)\.XMLBlob sends a non-JSON body with status 422; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.Blob(500, "text/plain", body)   // want `raw-http-error: \(echo\.Context\)\.Blob with content type text/plain sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.Blob(500, echo.MIMEApplicationJSON, []byte(`{"code": "INTERNAL_ERROR", "message": "x"}`))
	_ = c.Stream(502, "text/event-stream", nil) // want `raw-http-error: \(echo\.Context\)\.Stream with content type text/event-stream sends a non-JSON body with status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.Stream(200, "text/event-stream", nil)
	return c.NoContent(http.StatusUnauthorized) // want `raw-http-error: \(echo\.Context\)\.NoContent sends status 401 without a JSON body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func noContent(c echo.Context) error {
	return c.NoContent(http.StatusNoContent)
}

// echo.NewHTTPError is rendered by the app's HTTPErrorHandler: a string
// message is fine; an error body as the message is a pair.
func httpErrors(c echo.Context, err error) error {
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid input")
	}
	if errors.Is(err, errGone) {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	if c.Param("id") == "" {
		return echo.NewHTTPError(http.StatusUnprocessableEntity, apiError{Code: "VALIDATION_ERROR", Message: "id is required"})
	}
	return echo.NewHTTPError(http.StatusBadRequest, apiError{Code: "VALIDATION_ERROR", Message: "id is required"}) // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 400`
}

var errGone = errors.New("gone")

// Retry-After through the response's header map, set before the write.
func limited(c echo.Context) error { // want limited:`helper\(writes retryafter\)`
	c.Response().Header().Set(echo.HeaderRetryAfter, "60")
	return c.JSON(http.StatusTooManyRequests, apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

func limitedMissing(c echo.Context) error {
	return c.JSON(http.StatusTooManyRequests, apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

// A Before callback runs just before the write: its header counts.
func limitedBefore(c echo.Context) error { // want limitedBefore:`helper\(writes retryafter\)`
	c.Response().Before(func() {
		c.Response().Header().Set("Retry-After", "5")
	})
	return c.JSON(http.StatusTooManyRequests, apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"})
}

// A Before callback that sets another header does not.
func limitedBeforeOther(c echo.Context) error {
	c.Response().Before(func() {
		c.Response().Header().Set("X-Request-Id", "1")
	})
	return c.NoContent(http.StatusTooManyRequests) // want `raw-http-error: \(echo\.Context\)\.NoContent sends status 429 without a JSON body; send a JSON error body with code RATE_LIMIT_EXCEEDED` `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

// A project's own type with echo-like methods is not echo.
type ctx struct{}

func (ctx) JSON(code int, i any) error { return nil }
func (ctx) NoContent(code int) error   { return nil }

func ownType(c ctx) error {
	_ = c.JSON(400, echo.Map{"code": "NOT_FOUND", "message": "x"})
	return c.NoContent(500)
}

func jsonpBlob(c echo.Context, ok bool) error {
	if !ok {
		return c.JSONPBlob(http.StatusBadRequest, "cb", []byte(`{"code": "NOT_FOUND", "message": "x"}`)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	}
	return c.JSONPBlob(http.StatusNotFound, "cb", []byte(`{"code": "NOT_FOUND", "message": "x"}`))
}

// An error body as echo.NewHTTPError's message: its code is checked.
func errorValueCodes(c echo.Context) error {
	if c.Param("id") == "" {
		return echo.NewHTTPError(http.StatusNotFound, apiError{Code: "NOT_FOUDN", Message: "x"}) // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
	}
	return echo.NewHTTPError(http.StatusNotFound, apiError{Message: "x"})
}

// A helper that passes its messages on: what they hold is not known at its
// call sites.
func httpErrorf(status int, msg ...any) error { // want httpErrorf:`helper\(status=0 body=1\)`
	return echo.NewHTTPError(status, msg...)
}

func usesHTTPErrorf() error {
	return httpErrorf(http.StatusBadRequest, apiError{Code: "NOPE", Message: "x"})
}
