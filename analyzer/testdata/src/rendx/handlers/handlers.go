// Package handlers builds xerr values; it imports the renderer's package, // want package:"holds error helpers or types"
// so the values are checked against what the renderer reads from them.
package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"rendx/xerr"
	"rendx/xrender"
)

func get(c echo.Context) error {
	if err := xrender.Bind(c, nil); err != nil {
		return &xerr.Error{HTTP: http.StatusBadRequest, Kind: "BAD_REQUEST", Message: "bad input"}
	}
	return &xerr.Error{HTTP: http.StatusNotFound, Kind: "NOT_FOUND", Message: "no such item"}
}

func wrongStatus(c echo.Context) error {
	return &xerr.Error{HTTP: http.StatusConflict, Kind: "NOT_FOUND", Message: "x"} // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
}

func unknownCode(c echo.Context) error {
	return &xerr.Error{HTTP: 404, Kind: "NOT_FOUN", Message: "x"} // want `unknown-code: NOT_FOUN is not in the error catalog .*; did you mean NOT_FOUND\?`
}

func limited(c echo.Context) error {
	return &xerr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its Wait field unset, which xrender.Handler sends as the Retry-After header; set Wait`
}

func limitedByCode(c echo.Context) error {
	e := xerr.Error{Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(documented with 429\) leaves its Wait field unset, which xrender\.Handler sends as the Retry-After header; set Wait`
	return &e
}

// Look-alikes: the delay is set, in the literal or afterwards; the status
// is not known; the value is handed on before it is returned.

func limitedWithWait(c echo.Context) error {
	return &xerr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down", Wait: 30 * time.Second}
}

func limitedWaitLater(c echo.Context, d time.Duration) error {
	e := &xerr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down"}
	e.Wait = d
	return e
}

func limitedHandedOn(c echo.Context) error {
	e := &xerr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Message: "slow down"}
	withWait(e)
	return e
}

func withWait(e *xerr.Error) { e.Wait = time.Minute }

// A constructor (its status a parameter): its callers are checked.
func runtimeStatus(c echo.Context, status int) error { // want runtimeStatus:`helper\(status=1 fixedcode=NOT_FOUND unset=rendx/xerr.Error.Wait\)`
	return &xerr.Error{HTTP: status, Kind: "NOT_FOUND", Message: "x"}
}

func notFound(c echo.Context) error {
	return runtimeStatus(c, 410) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 410`
}

// A constructor that leaves the delay unset, called with 429.
func rateLimited(c echo.Context, code string) error { // want rateLimited:`helper\(code=1 fixedstatus=429 unset=rendx/xerr.Error.Wait\)`
	return &xerr.Error{HTTP: 429, Kind: code, Message: "x"}
}

func callsRateLimited(c echo.Context) error {
	return rateLimited(c, "RATE_LIMIT_EXCEEDED") // want `missing-retry-after: rateLimited builds a RATE_LIMIT_EXCEEDED error \(429\) without its Wait field, which xrender.Handler sends as the Retry-After header; set Wait`
}

// A constructor of another package whose renderer it cannot see: its call
// sites are not judged either.
func viaConstructor(c echo.Context) error {
	return xerr.New(429, "RATE_LIMIT_EXCEEDED", "slow down")
}

// echo's own error values: xrender.Sloppy renders *echo.HTTPError and never
// sets Retry-After, so a 429 needs it set on the response first.
func echoLimited(c echo.Context) error {
	return echo.ErrTooManyRequests // want `missing-retry-after: a 429 error is rendered by xrender\.Sloppy, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error`
}

func echoLimitedNew(c echo.Context) error { // want echoLimitedNew:`helper\(retryafter\)`
	c.Response().Header().Set(echo.HeaderRetryAfter, "5")
	return echo.NewHTTPError(http.StatusTooManyRequests, "slow down")
}

func echoNotFound(c echo.Context) error {
	return echo.ErrNotFound
}
