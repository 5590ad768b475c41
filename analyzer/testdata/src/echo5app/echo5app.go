// Package echo5app: echo v5, where *echo.Context is a struct. // want package:"holds error helpers or types"
package echo5app

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func handler(c *echo.Context) error { // want handler:`helper\(writes retryafter\(some paths\)\)`
	if c.Param("id") == "" {
		return c.JSON(http.StatusBadRequest, map[string]any{"code": "VALIDATION_ERROR", "message": "id"}) // want `status-mismatch: VALIDATION_ERROR is documented with 422, sent with 400`
	}
	if c.Param("id") == "0" {
		return c.String(http.StatusNotFound, "not found") // want `raw-http-error: \(\*echo\.Context\)\.String sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	}
	if c.Param("id") == "1" {
		return echo.NewHTTPError(http.StatusForbidden, "forbidden") // rendered by the HTTPErrorHandler
	}
	if c.Param("id") == "2" {
		return c.NoContent(http.StatusTooManyRequests) // want `raw-http-error: \(\*echo\.Context\)\.NoContent sends status 429 without a JSON body; send a JSON error body with code RATE_LIMIT_EXCEEDED` `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
	}
	c.Response().Header().Set("Retry-After", "1")
	return c.JSON(http.StatusTooManyRequests, map[string]string{"code": "RATE_LIMIT_EXCEEDED", "message": "later"})
}

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Every other writer of *echo.Context, flagged with an error status and left
// alone with a 2xx.
func writers(c *echo.Context, b []byte) error {
	_ = c.JSONPretty(http.StatusBadRequest, apiError{Code: "NOT_FOUND", Message: "x"}, " ") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
	_ = c.JSONP(http.StatusOK, "cb", apiError{Code: "NOT_FOUND", Message: "x"})
	_ = c.JSONBlob(http.StatusConflict, []byte(`{"code": "CONFLICT", "message": "x"}`))
	_ = c.JSONP(http.StatusConflict, "cb", apiError{Code: "NOT_FOUND", Message: "x"})           // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
	_ = c.JSONBlob(http.StatusBadRequest, []byte(`{"code": "CONFLICT", "message": "x"}`))       // want `status-mismatch: CONFLICT is documented with 409, sent with 400`
	_ = c.JSONPBlob(http.StatusConflict, "cb", []byte(`{"code": "NOT_FOUND", "message": "x"}`)) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
	_ = c.HTML(http.StatusInternalServerError, "<p>oops</p>")                                   // want `raw-http-error: \(\*echo\.Context\)\.HTML sends a non-JSON body with status 500; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.HTML(http.StatusOK, "<p>ok</p>")
	_ = c.HTMLBlob(http.StatusBadGateway, b)              // want `raw-http-error: \(\*echo\.Context\)\.HTMLBlob sends a non-JSON body with status 502; send a JSON error body \{"code", "message", \.\.\.\}`
	_ = c.XML(http.StatusNotFound, apiError{})            // want `raw-http-error: \(\*echo\.Context\)\.XML sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	_ = c.XMLPretty(http.StatusNotFound, apiError{}, " ") // want `raw-http-error: \(\*echo\.Context\)\.XMLPretty sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	_ = c.XMLBlob(http.StatusNotFound, b)                 // want `raw-http-error: \(\*echo\.Context\)\.XMLBlob sends a non-JSON body with status 404; send a JSON error body with code NOT_FOUND`
	_ = c.XMLBlob(http.StatusOK, b)
	_ = c.Blob(http.StatusBadRequest, "text/csv", b) // want `raw-http-error: \(\*echo\.Context\)\.Blob with content type text/csv sends a non-JSON body with status 400; send a JSON error body with code BAD_REQUEST`
	_ = c.Blob(http.StatusBadRequest, echo.MIMEApplicationJSON, []byte(`{"code": "BAD_REQUEST", "message": "x"}`))
	_ = c.Stream(http.StatusServiceUnavailable, "text/plain", nil) // want `raw-http-error: \(\*echo\.Context\)\.Stream with content type text/plain sends a non-JSON body with status 503; send a JSON error body with code SERVICE_UNAVAILABLE`
	return c.Stream(http.StatusOK, "text/plain", nil)
}

// v5's echo.NewHTTPError takes a string message, which the app's
// HTTPErrorHandler renders: a helper that passes its status on is inferred,
// for its call sites.
func httpError(status int, msg string) error { // want httpError:`helper\(status=0 body=1\)`
	return echo.NewHTTPError(status, msg)
}

// The message first.
func httpErrorMessageFirst(msg string, status int) error { // want httpErrorMessageFirst:`helper\(status=1 body=0\)`
	return echo.NewHTTPError(status, msg)
}

// A Before callback on v5's Response, which a handler unwraps.
func limitedBefore(c *echo.Context) error { // want limitedBefore:`helper\(writes retryafter\)`
	r, _ := echo.UnwrapResponse(c.Response())
	r.Before(func() { r.Header().Set("Retry-After", "5") })
	return c.JSON(http.StatusTooManyRequests, apiError{Code: "RATE_LIMIT_EXCEEDED", Message: "later"})
}
