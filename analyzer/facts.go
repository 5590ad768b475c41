package analyzer

import (
	"fmt"
	"go/ast"
	"maps"
	"slices"
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
	// RetryAfter is what it does to the Retry-After header: sets it on
	// every path, on some, never, or may (headers.go).
	RetryAfter RetrySet
	// BodyShape: the helper writes, with its status parameter, a JSON body
	// that is not the documented error body (error-body-shape at the call
	// sites that pass an error status).
	BodyShape bool
	// CodeStatus: the helper sends the catalog's status of its code, by
	// construction: a writer with a code parameter and no status parameter
	// in a file written by apierrlint gen (its first line is [GenHeader];
	// gen -check keeps it so). The raw-http-error fix may call it in place
	// of http.Error with the one code documented with that status.
	CodeStatus bool
	// Raw: the helper writes a non-JSON body, or no body, with its status
	// parameter (func Text(c *gin.Context, status int, msg string)); a
	// constant error status at a call site is a raw error response.
	Raw RawKind
	// UnsetRetryAfter: the helper builds an error value, with its status
	// or code parameter, and leaves unset the field that the value's type
	// (or its renderer) takes Retry-After from: "path.Type.Field"
	// (errvalues.go).
	UnsetRetryAfter string
	// Text is the parameter whose text the helper writes as the body after
	// its status parameter, on every path (WriteHeader(status) then
	// io.WriteString(w, msg)): a call site with an error status and plain
	// text is a raw error response (text.go).
	Text int
	// Bodyless: the helper writes its status parameter and leaves the body
	// to its caller on every path (w.WriteHeader(status) alone): a handler
	// that calls it with an error status and writes no body after it sends
	// that status without a body (bodyless.go).
	Bodyless bool
}

// RawKind is what a helper writes instead of a JSON body.
type RawKind int

// sends says what is sent with a status, in messages: "a non-JSON body
// with status 500", "status 401 without a JSON body".
func (k RawKind) sends(status int) string {
	if status < 0 { // a status known only at run time
		if k == RawNoBody {
			return "no JSON body"
		}
		return "a non-JSON body"
	}
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
	add("text", f.Text)
	if f.FixedStatus != 0 {
		parts = append(parts, fmt.Sprintf("fixedstatus=%d", f.FixedStatus))
	}
	if f.FixedCode != "" {
		parts = append(parts, "fixedcode="+f.FixedCode)
	}
	if f.Writes {
		parts = append(parts, "writes")
	}
	if f.RetryAfter != RetryNone {
		parts = append(parts, f.RetryAfter.String())
	}
	if f.BodyShape {
		parts = append(parts, "badbody")
	}
	if f.CodeStatus {
		parts = append(parts, "codestatus")
	}
	if f.UnsetRetryAfter != "" {
		parts = append(parts, "unset="+f.UnsetRetryAfter)
	}
	if f.Bodyless {
		parts = append(parts, "bodyless")
	}
	switch f.Raw {
	case RawText:
		parts = append(parts, "rawtext")
	case RawNoBody:
		parts = append(parts, "nobody")
	}
	return "helper(" + strings.Join(parts, " ") + ")"
}

// GenHeader is the first line of every file that apierrlint gen writes.
const GenHeader = "// Code generated by apierrlint gen; DO NOT EDIT."

// IsGenFile reports whether f was written by apierrlint gen: it starts with
// GenHeader.
func IsGenFile(f *ast.File) bool {
	return len(f.Comments) > 0 && f.Comments[0].Pos() < f.Package && f.Comments[0].List[0].Text == GenHeader
}

func newHelperFact() *HelperFact {
	return &HelperFact{Status: -1, Code: -1, Body: -1, HeaderKey: -1, HeaderValue: -1, RetryAfterValue: -1, Text: -1}
}

// useful reports whether the fact tells a call site anything.
func (f *HelperFact) useful() bool {
	return f.Status >= 0 || f.Code >= 0 || f.Body >= 0 || f.HeaderKey >= 0 || f.RetryAfter != RetryNone || f.RetryAfterValue >= 0
}

// ErrorTypeFact is exported on a named error-body type whose status field is
// known only from its own methods (it passes the field to WriteHeader), so
// that composite literals in other packages pair it with the code; and on
// an exported body type whose shape its package reports at its
// declaration (BadShape), so that the packages that write it too do not
// report it again.
type ErrorTypeFact struct {
	StatusField string // "" when only BadShape or Accessors are known
	// Accessors are the methods without parameters that return a field
	// (func (e *Error) StatusCode() int { return e.status }), by method:
	// a renderer that calls the method reads the field.
	Accessors map[string]string
	BadShape  bool
}

// AFact marks ErrorTypeFact as an analysis fact.
func (*ErrorTypeFact) AFact() {}

func (f *ErrorTypeFact) String() string {
	var parts []string
	if f.StatusField != "" {
		parts = append(parts, "status="+f.StatusField)
	}
	for _, m := range slices.Sorted(maps.Keys(f.Accessors)) {
		parts = append(parts, m+"()="+f.Accessors[m])
	}
	if f.BadShape {
		parts = append(parts, "badshape")
	}
	return "errortype(" + strings.Join(parts, " ") + ")"
}

// PackageFact marks a package that holds error helpers or error-body types:
// its importers are analyzed even when they do not import net/http.
type PackageFact struct{}

// AFact marks PackageFact as an analysis fact.
func (*PackageFact) AFact() {}

func (*PackageFact) String() string { return "holds error helpers or types" }

// RendererFact is exported on a function that is a central error renderer
// (see renderers.go), or that returns one (a func literal of a renderer
// type): what its branch for the errors it does not recognise sends, so
// that the package that installs it as the app's renderer checks it there.
type RendererFact struct {
	Framework string // the table's name: echo, fiber, gin, net/http
	// The constant status and code that the branch for unrecognised errors
	// sends (0 and "" when it sends none, or several, or one known only at
	// run time).
	FallbackStatus int
	FallbackCode   string
}

// AFact marks RendererFact as an analysis fact.
func (*RendererFact) AFact() {}

func (f *RendererFact) String() string {
	s := "renderer(" + f.Framework
	if f.FallbackStatus != 0 {
		s += fmt.Sprintf(" fallback=%d", f.FallbackStatus)
	}
	if f.FallbackCode != "" {
		s += " fallbackcode=" + f.FallbackCode
	}
	return s + ")"
}

// RenderedTypesFact is a package fact: the error types that the package's error
// renderers and error-value writers render, and what they read from each
// (see rendered.go). A package can export facts only about its own
// objects, and the renderer's package is seldom the error type's, so the
// types are named by path; the packages that import the renderer's
// package, and the type's own package, look them up where a value of such
// a type is built.
type RenderedTypesFact struct {
	Types []RenderedType // sorted by Type
}

// RenderedType is what the renderers of one package read from an error
// value of one type.
type RenderedType struct {
	Type string // "path.Name" of a named type (its pointer too), or of an interface the value implements
	// Status and Code are where the status and the code come from: a field
	// ("Status") or a method ("StatusCode()"); "" when unknown.
	Status, Code string
	// RetryAfter is the field that Retry-After is set from ("" if none).
	RetryAfter string
	// How the renderers set Retry-After for this type.
	SetsRetryAfter RetryAfterWay
	By             string // the renderer, in messages: "httpx.ErrorHandler"
}

// RetryAfterWay is how a renderer sets Retry-After for an error type.
type RetryAfterWay uint8

const (
	// RetryAfterMaybe: some other way, or in a way the analysis cannot see
	// (the zero value: the safe default).
	RetryAfterMaybe RetryAfterWay = iota
	// RetryAfterFromField: from the value's field RenderedType.RetryAfter.
	RetryAfterFromField
	// RetryAfterNever: the renderers never set it.
	RetryAfterNever
)

// AFact marks RenderedTypesFact as an analysis fact.
func (*RenderedTypesFact) AFact() {}

func (f *RenderedTypesFact) String() string {
	var parts []string
	for _, t := range f.Types {
		s := t.Type
		if t.Status != "" {
			s += " status=" + t.Status
		}
		if t.Code != "" {
			s += " code=" + t.Code
		}
		switch t.SetsRetryAfter {
		case RetryAfterFromField:
			s += " retryafter=" + t.RetryAfter
		case RetryAfterNever:
			s += " noretryafter"
		}
		parts = append(parts, s+" by "+t.By)
	}
	return "renders(" + strings.Join(parts, "; ") + ")"
}
