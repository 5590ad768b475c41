package analyzer

import (
	"net/http"
	"slices"
)

// statusErrVars are the predeclared error values of echo (v4, v5) and fiber
// (v2, v3), each named Err<X> with net/http's Status<X>: the same names in
// all four but for the exceptions in renamedErrVars. TestTables reads each
// variable's initializer in the real package and checks the status.
var statusErrVars = map[string]int{
	"ErrBadRequest":                    http.StatusBadRequest,
	"ErrUnauthorized":                  http.StatusUnauthorized,
	"ErrPaymentRequired":               http.StatusPaymentRequired,
	"ErrForbidden":                     http.StatusForbidden,
	"ErrNotFound":                      http.StatusNotFound,
	"ErrMethodNotAllowed":              http.StatusMethodNotAllowed,
	"ErrNotAcceptable":                 http.StatusNotAcceptable,
	"ErrProxyAuthRequired":             http.StatusProxyAuthRequired,
	"ErrRequestTimeout":                http.StatusRequestTimeout,
	"ErrConflict":                      http.StatusConflict,
	"ErrGone":                          http.StatusGone,
	"ErrLengthRequired":                http.StatusLengthRequired,
	"ErrPreconditionFailed":            http.StatusPreconditionFailed,
	"ErrRequestEntityTooLarge":         http.StatusRequestEntityTooLarge,
	"ErrRequestURITooLong":             http.StatusRequestURITooLong,
	"ErrUnsupportedMediaType":          http.StatusUnsupportedMediaType,
	"ErrRequestedRangeNotSatisfiable":  http.StatusRequestedRangeNotSatisfiable,
	"ErrExpectationFailed":             http.StatusExpectationFailed,
	"ErrTeapot":                        http.StatusTeapot,
	"ErrMisdirectedRequest":            http.StatusMisdirectedRequest,
	"ErrUnprocessableEntity":           http.StatusUnprocessableEntity,
	"ErrLocked":                        http.StatusLocked,
	"ErrFailedDependency":              http.StatusFailedDependency,
	"ErrTooEarly":                      http.StatusTooEarly,
	"ErrUpgradeRequired":               http.StatusUpgradeRequired,
	"ErrPreconditionRequired":          http.StatusPreconditionRequired,
	"ErrTooManyRequests":               http.StatusTooManyRequests,
	"ErrRequestHeaderFieldsTooLarge":   http.StatusRequestHeaderFieldsTooLarge,
	"ErrUnavailableForLegalReasons":    http.StatusUnavailableForLegalReasons,
	"ErrInternalServerError":           http.StatusInternalServerError,
	"ErrNotImplemented":                http.StatusNotImplemented,
	"ErrBadGateway":                    http.StatusBadGateway,
	"ErrServiceUnavailable":            http.StatusServiceUnavailable,
	"ErrGatewayTimeout":                http.StatusGatewayTimeout,
	"ErrHTTPVersionNotSupported":       http.StatusHTTPVersionNotSupported,
	"ErrVariantAlsoNegotiates":         http.StatusVariantAlsoNegotiates,
	"ErrInsufficientStorage":           http.StatusInsufficientStorage,
	"ErrLoopDetected":                  http.StatusLoopDetected,
	"ErrNotExtended":                   http.StatusNotExtended,
	"ErrNetworkAuthenticationRequired": http.StatusNetworkAuthenticationRequired,
}

// errVarsOf returns the rows of a framework package's predeclared error
// values, all of type typ: the names of statusErrVars it declares, and
// renamed ones with their status.
func errVarsOf(pkg string, typ typeName, names []string, renamed map[string]int) map[string]errVar {
	m := map[string]errVar{}
	for _, name := range names {
		m[pkg+"."+name] = errVar{typ, statusErrVars[name]}
	}
	for name, status := range renamed {
		m[pkg+"."+name] = errVar{typ, status}
	}
	return m
}

// allErrVars are the names of statusErrVars, except some.
func allErrVars(except ...string) []string {
	var names []string
	for name := range statusErrVars {
		if !slices.Contains(except, name) {
			names = append(names, name)
		}
	}
	return names
}

// echoV5ErrVars: echo v5 predeclares fewer, of its unexported type
// httpError (whose StatusCode method gives the status).
var echoV5ErrVars = []string{
	"ErrBadRequest", "ErrUnauthorized", "ErrForbidden", "ErrNotFound", "ErrMethodNotAllowed",
	"ErrRequestTimeout", "ErrUnsupportedMediaType", "ErrTooManyRequests",
	"ErrInternalServerError", "ErrBadGateway", "ErrServiceUnavailable",
}
