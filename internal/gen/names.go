package gen

import (
	"fmt"
	"go/token"
	"path"
	"strconv"
	"strings"

	"github.com/apierrlint/apierrlint/internal/gonames"
)

// statusNames are the names of net/http's constants for the error statuses
// (TestStatusNames checks them against net/http).
var statusNames = map[int]string{
	400: "StatusBadRequest",
	401: "StatusUnauthorized",
	402: "StatusPaymentRequired",
	403: "StatusForbidden",
	404: "StatusNotFound",
	405: "StatusMethodNotAllowed",
	406: "StatusNotAcceptable",
	407: "StatusProxyAuthRequired",
	408: "StatusRequestTimeout",
	409: "StatusConflict",
	410: "StatusGone",
	411: "StatusLengthRequired",
	412: "StatusPreconditionFailed",
	413: "StatusRequestEntityTooLarge",
	414: "StatusRequestURITooLong",
	415: "StatusUnsupportedMediaType",
	416: "StatusRequestedRangeNotSatisfiable",
	417: "StatusExpectationFailed",
	418: "StatusTeapot",
	421: "StatusMisdirectedRequest",
	422: "StatusUnprocessableEntity",
	423: "StatusLocked",
	424: "StatusFailedDependency",
	425: "StatusTooEarly",
	426: "StatusUpgradeRequired",
	428: "StatusPreconditionRequired",
	429: "StatusTooManyRequests",
	431: "StatusRequestHeaderFieldsTooLarge",
	451: "StatusUnavailableForLegalReasons",
	500: "StatusInternalServerError",
	501: "StatusNotImplemented",
	502: "StatusBadGateway",
	503: "StatusServiceUnavailable",
	504: "StatusGatewayTimeout",
	505: "StatusHTTPVersionNotSupported",
	506: "StatusVariantAlsoNegotiates",
	507: "StatusInsufficientStorage",
	508: "StatusLoopDetected",
	510: "StatusNotExtended",
	511: "StatusNetworkAuthenticationRequired",
}

// statusExpr is a status as Go source: net/http's constant, or the number
// for a status that net/http does not name.
func statusExpr(status int) string {
	if name, ok := statusNames[status]; ok {
		return "http." + name
	}
	return strconv.Itoa(status)
}

// constName is the Go name of the constant of a code: see
// [gonames.ConstName].
func constName(code string) string { return gonames.ConstName(code) }

// assumedName is the name a package is assumed to have from its import
// path: see [gonames.AssumedName].
func assumedName(importPath string) string { return gonames.AssumedName(importPath) }

// requestIDFunc is the function that -request-id names.
type requestIDFunc struct {
	Path  string // import path; "" for a function of the generated package
	Name  string // the package's name in the generated file ("" when Path is "")
	Alias bool   // the import needs Name as an alias
	Func  string
}

// Call returns the call of the function on the context expression ctx.
func (f *requestIDFunc) Call(ctx string) string {
	if f.Path == "" {
		return f.Func + "(" + ctx + ")"
	}
	return f.Name + "." + f.Func + "(" + ctx + ")"
}

// parseRequestID parses -request-id: import/path.Func, or Func for a
// function of the generated package. taken are the names the file uses
// already (its imports), which an imported package's name must not be.
func parseRequestID(s string, taken []string) (*requestIDFunc, error) {
	bad := func(why string) error {
		return fmt.Errorf("-request-id %q: %s; want import/path.Func, or Func in the generated package, a func(context.Context) string", s, why)
	}
	slash := strings.LastIndex(s, "/")
	dot := strings.LastIndex(s, ".")
	f := &requestIDFunc{Func: s}
	if dot > slash {
		f.Path, f.Func = s[:dot], s[dot+1:]
	} else if slash >= 0 {
		return nil, bad("no function name after the import path")
	}
	if !token.IsIdentifier(f.Func) || !token.IsExported(f.Func) && f.Path != "" {
		return nil, bad(fmt.Sprintf("%q is not the name of an exported function", f.Func))
	}
	if f.Path == "" {
		return f, nil
	}
	f.Name = assumedName(f.Path)
	if !token.IsIdentifier(f.Name) {
		f.Name = "requestid"
	}
	for _, t := range taken {
		if f.Name == t {
			f.Name = "requestid"
		}
	}
	f.Alias = f.Name != path.Base(f.Path)
	return f, nil
}
