package analyzer

import (
	"fmt"
	"strings"
)

// HelperFact is exported on a function or method (on the generic origin) that
// puts a status and/or an error code taken from its parameters into a response
// or into an error value, or that sets response headers. Parameter indexes
// count from 0 and exclude the receiver; -1 means none.
//
// Values that the helper fixes itself are recorded too, so that a call site
// that supplies the other half of a pair (Fail(w, "NOT_FOUND") where Fail
// always sends 500) is checked where the two constants meet.
type HelperFact struct {
	Status      int // parameter carrying the HTTP status
	Code        int // parameter carrying the error code
	Body        int // parameter carrying an error body that is encoded
	HeaderKey   int // parameter used as a response header name
	HeaderValue int // parameter used as that header's value
	// RetryAfterValue is the parameter that the helper sets Retry-After to
	// (func SetRetryAfter(w, v string)): its call sites' values are checked
	// (retry-after-format).
	RetryAfterValue int
	FixedStatus     int    // status the helper always uses (0 if none or several)
	FixedCode       string // code the helper always uses ("" if none or several)
	Writes          bool   // writes an HTTP response (false: builds an error value)
	RetryAfter      bool   // may set Retry-After before it writes
	// BodyShape: the helper writes, with its status parameter, a JSON body
	// that is not the documented error body (error-body-shape at the call
	// sites that pass an error status).
	BodyShape bool
	// Raw: the helper writes a non-JSON body, or no body, with its status
	// parameter (func Text(c *gin.Context, status int, msg string)); a
	// constant error status at a call site is a raw error response.
	Raw RawKind
}

// RawKind is what a helper writes instead of a JSON body.
type RawKind int

// sends says what is sent with a status, in messages: "a non-JSON body
// with status 500", "status 401 without a JSON body".
func (k RawKind) sends(status int) string {
	if k == RawNoBody {
		return fmt.Sprintf("status %d without a JSON body", status)
	}
	return fmt.Sprintf("a non-JSON body with status %d", status)
}

const (
	RawNone   RawKind = iota
	RawText           // a body of another content type (plain text, HTML, XML)
	RawNoBody         // no body
)

// AFact marks HelperFact as an analysis fact.
func (*HelperFact) AFact() {}

func (f *HelperFact) String() string {
	var parts []string
	add := func(name string, i int) {
		if i >= 0 {
			parts = append(parts, fmt.Sprintf("%s=%d", name, i))
		}
	}
	add("status", f.Status)
	add("code", f.Code)
	add("body", f.Body)
	add("headerkey", f.HeaderKey)
	add("headervalue", f.HeaderValue)
	add("retryaftervalue", f.RetryAfterValue)
	if f.FixedStatus != 0 {
		parts = append(parts, fmt.Sprintf("fixedstatus=%d", f.FixedStatus))
	}
	if f.FixedCode != "" {
		parts = append(parts, "fixedcode="+f.FixedCode)
	}
	if f.Writes {
		parts = append(parts, "writes")
	}
	if f.RetryAfter {
		parts = append(parts, "retryafter")
	}
	if f.BodyShape {
		parts = append(parts, "badbody")
	}
	switch f.Raw {
	case RawText:
		parts = append(parts, "rawtext")
	case RawNoBody:
		parts = append(parts, "nobody")
	}
	return "helper(" + strings.Join(parts, " ") + ")"
}

func newHelperFact() *HelperFact {
	return &HelperFact{Status: -1, Code: -1, Body: -1, HeaderKey: -1, HeaderValue: -1, RetryAfterValue: -1}
}

// useful reports whether the fact tells a call site anything.
func (f *HelperFact) useful() bool {
	return f.Status >= 0 || f.Code >= 0 || f.Body >= 0 || f.HeaderKey >= 0 || f.RetryAfter || f.RetryAfterValue >= 0
}

// ErrorTypeFact is exported on a named error-body type whose status field is
// known only from its own methods (it passes the field to WriteHeader), so
// that composite literals in other packages pair it with the code.
type ErrorTypeFact struct {
	StatusField string
}

// AFact marks ErrorTypeFact as an analysis fact.
func (*ErrorTypeFact) AFact() {}

func (f *ErrorTypeFact) String() string { return "errortype(status=" + f.StatusField + ")" }

// PackageFact marks a package that holds error helpers or error-body types:
// its importers are analyzed even when they do not import net/http.
type PackageFact struct{}

// AFact marks PackageFact as an analysis fact.
func (*PackageFact) AFact() {}

func (*PackageFact) String() string { return "holds error helpers or types" }
