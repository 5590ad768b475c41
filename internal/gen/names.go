package gen

import (
	"fmt"
	"go/token"
	"path"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// initialisms are the words that Go names spell in capitals (golint's list,
// with CSRF and JWT): CSRF_VALIDATION_FAILED is CodeCSRFValidationFailed.
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSRF": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true,
	"JSON": true, "JWT": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true, "RPC": true,
	"SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true, "TLS": true, "TTL": true,
	"UDP": true, "UI": true, "UID": true, "UUID": true, "URI": true, "URL": true, "UTF8": true,
	"VM": true, "XML": true, "XMPP": true, "XSRF": true, "XSS": true,
}

// constName is the Go name of the constant of a code: Code followed by the
// code's words in camel case, initialisms in capitals (NOT_FOUND, not-found
// and notFound are CodeNotFound; invalid_api_key and invalidAPIKey are
// CodeInvalidAPIKey; 404 is Code404). "" when the code has no letter or
// digit.
func constName(code string) string {
	words := strings.FieldsFunc(code, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if len(words) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("Code")
	for _, w := range words {
		for _, w := range humps(w) {
			up, low := strings.ToUpper(w), strings.ToLower(w)
			if initialisms[up] {
				b.WriteString(up)
				continue
			}
			r, n := utf8.DecodeRuneInString(low)
			b.WriteRune(unicode.ToUpper(r))
			b.WriteString(low[n:])
		}
	}
	return b.String()
}

// humps splits a word written in camel case into its parts: apiKeyInvalid
// is api, Key, Invalid; HTTPServer is HTTP, Server. A word in one case
// (E1001A) is one part.
func humps(w string) []string {
	if w == strings.ToUpper(w) || w == strings.ToLower(w) {
		return []string{w}
	}
	rs := []rune(w)
	var parts []string
	start := 0
	for i := 1; i < len(rs); i++ {
		lowerBefore := unicode.IsLower(rs[i-1]) || unicode.IsDigit(rs[i-1])
		acronymEnd := unicode.IsUpper(rs[i-1]) && i+1 < len(rs) && unicode.IsLower(rs[i+1])
		if unicode.IsUpper(rs[i]) && (lowerBefore || acronymEnd) {
			parts = append(parts, string(rs[start:i]))
			start = i
		}
	}
	return append(parts, string(rs[start:]))
}

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

// assumedName is the name a package is assumed to have from its import
// path, as goimports assumes it: the last element without a version
// suffix (v2) or a go- prefix, up to its first character that cannot be in
// a name (yaml.v3: yaml).
func assumedName(importPath string) string {
	base := path.Base(importPath)
	if strings.HasPrefix(base, "v") {
		if _, err := strconv.Atoi(base[1:]); err == nil {
			if dir := path.Dir(importPath); dir != "." {
				base = path.Base(dir)
			}
		}
	}
	base = strings.TrimPrefix(base, "go-")
	if i := strings.IndexFunc(base, func(r rune) bool {
		return !(unicode.IsLetter(r) || r == '_' || unicode.IsDigit(r))
	}); i >= 0 {
		base = base[:i]
	}
	return base
}
