// Package rendecho5: echo v5 renderers, installed through echo.Config, // want package:"holds error helpers or types" package:`renders\(github.com/labstack/echo/v5.HTTPStatusCoder status=StatusCode\(\) noretryafter by rendecho5.render\)`
// that read the status through the echo.HTTPStatusCoder interface.
package rendecho5

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v5"
)

func main() {
	_ = echo.NewWithConfig(echo.Config{HTTPErrorHandler: render})
}

// render answers with the message only, as echo's default does, and
// never sets Retry-After.
func render(c *echo.Context, err error) { // want render:`renderer\(echo\)`
	if resp, uerr := echo.UnwrapResponse(c.Response()); uerr == nil && resp.Committed {
		return // echo.UnwrapResponse reads the response: it sets no Retry-After
	}
	code := http.StatusInternalServerError
	var sc echo.HTTPStatusCoder
	if errors.As(err, &sc) {
		code = sc.StatusCode()
	}
	if c.Request().Method == http.MethodHead {
		_ = c.NoContent(code)
		return
	}
	if code >= 500 {
		_ = c.String(code, "internal error") // want `raw-http-error: \(\*echo\.Context\)\.String sends a non-JSON body in the error renderer render: everything a renderer writes is an error response; send a JSON error body \{"code", "message", \.\.\.\}`
		return
	}
	_ = c.JSON(code, map[string]string{"message": err.Error()}) // want `error-body-shape: the error body \{"message"\}: no "code" key; send`
}

// Values of types that implement echo.HTTPStatusCoder are rendered by
// render: a 429 needs Retry-After set on the response.
func limited(c *echo.Context) error {
	return echo.ErrTooManyRequests // want `missing-retry-after: a 429 error is rendered by rendecho5\.render, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

func limitedNew(c *echo.Context) error {
	return echo.NewHTTPError(http.StatusTooManyRequests, "slow down") // want `missing-retry-after: a 429 error is rendered by rendecho5\.render, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

func limitedSet(c *echo.Context) error { // want limitedSet:`helper\(retryafter\)`
	c.Response().Header().Set(echo.HeaderRetryAfter, "10")
	return echo.ErrTooManyRequests
}

func notFound(c *echo.Context) error {
	return echo.ErrNotFound
}
