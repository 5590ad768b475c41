// Package gen implements `apierrlint gen`: it writes, from the error
// catalog, the Go code that a service needs to follow the catalog — a Code
// type with one constant per documented code, its documented status, the
// documented error body as an error type with constructors, and a writer
// for the service's framework that sends it with the code's own status and
// a Retry-After header where the status needs one. The linter then checks
// the service's use of that code like hand-written code: the writer is
// inferred as an error helper.
//
// [Generate] produces the file; [Main] is the command, with the flags and
// the configuration file of the other drivers.
package gen

import (
	"bytes"
	_ "embed"
	"fmt"
	"go/format"
	"go/token"
	"slices"
	"strings"
	"text/template"
	"unicode"
	"unicode/utf8"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
)

// Header is the first line of every generated file: the marker that go
// generate's convention, and the analyzer, recognise.
const Header = analyzer.GenHeader

// DefaultRetryAfterSeconds is the Retry-After value, in seconds, when the
// configuration gives none (as for the missing-retry-after fix).
const DefaultRetryAfterSeconds = 60

// Options are what the generated file is made from.
type Options struct {
	// Package is the name of the generated file's package.
	Package string
	// Framework is the framework whose writer is generated: one of
	// [Frameworks]; "" means net/http.
	Framework string
	// Catalog is the error catalog; nil means the embedded default.
	Catalog *catalog.Catalog
	// Source names the catalog in the file's header: the path as the
	// configuration gives it. "" means the catalog's Source.
	Source string
	// RetryAfterStatuses are the statuses whose responses carry a
	// Retry-After header; nil means {429}.
	RetryAfterStatuses []int
	// RetryAfterSeconds is the Retry-After value the writer sends unless
	// the error sets its own; 0 means DefaultRetryAfterSeconds (a Retry-After
	// of 0, retry at once, is never the default).
	RetryAfterSeconds int
	// RequestID names the function that takes the request id from the
	// request's context, func(context.Context) string: import/path.Func,
	// or Func in the generated package. "" leaves request_id empty.
	RequestID string
	// Shape is the error body's shape (the shape: setting, -shape); nil
	// means the catalog's.
	Shape *catalog.Shape
	// DefaultCodes are the codes chosen for statuses that the catalog
	// documents with several (the default-codes: setting), by status; a
	// status it does not name gets its first code in the catalog's order.
	// The generated handlers send them for a framework error's status.
	DefaultCodes map[int]string
}

// framework is what the writer of one framework is made of.
type framework struct {
	Import     string // the framework's package ("" for net/http)
	Params     string // the writer's parameters before the error
	Args       string // the arguments that pass them on
	Returns    bool   // the writer returns the framework's error
	SetHeader  string // sets a response header: a format of the name and value
	Context    string // the request's context.Context
	Send       string // sends status and body (Go statements; a format of the body)
	SendDoc    string // how, in the writer's doc comment
	ImportName string // the name the framework's package is used by
	Handle     string // the type of the handle: *gin.Context
	// NetHTTP: the writer takes w and r; otherwise the package has a
	// net/http writer too (WriteHTTP, WriteErrorHTTP) for the app's
	// handlers that take w and r.
	NetHTTP bool
	// Handlers names the template of the pieces that replace the
	// framework's defaults (its error handler, ...); "" for none.
	Handlers string
}

// Frameworks lists the frameworks that -framework accepts, in the order of
// the usage message.
var Frameworks = []string{"net/http", "gin", "echo", "echo/v5", "fiber", "fiber/v3", "chi"}

var frameworks = map[string]*framework{
	"net/http": {
		NetHTTP:   true,
		Params:    "w http.ResponseWriter, r *http.Request",
		Args:      "w, r",
		SetHeader: "w.Header().Set(%q, %s)",
		Context:   "r.Context()",
		Send: `w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	// The status is sent: an encoding error cannot reach the client.
	_ = json.NewEncoder(w).Encode(%[1]s)`,
		SendDoc: "encodes it as JSON after the status",
	},
	"gin": {
		Import:     "github.com/gin-gonic/gin",
		ImportName: "gin",
		Params:     "c *gin.Context",
		Handle:     "*gin.Context",
		Handlers:   "gin",
		Args:       "c",
		SetHeader:  "c.Header(%q, %s)",
		Context:    "c.Request.Context()",
		Send:       "c.AbortWithStatusJSON(status, %[1]s)",
		SendDoc:    "sends it with c.AbortWithStatusJSON, so the handlers after this one do not run",
	},
	"echo": {
		Import:     "github.com/labstack/echo/v4",
		ImportName: "echo",
		Params:     "c echo.Context",
		Handle:     "echo.Context",
		Handlers:   "echo",
		Args:       "c",
		Returns:    true,
		SetHeader:  "c.Response().Header().Set(%q, %s)",
		Context:    "c.Request().Context()",
		Send:       "return c.JSON(status, %[1]s)",
		SendDoc:    "sends it with c.JSON and returns its error",
	},
	"echo/v5": {
		Import:     "github.com/labstack/echo/v5",
		ImportName: "echo",
		Params:     "c *echo.Context",
		Handle:     "*echo.Context",
		Handlers:   "echo/v5",
		Args:       "c",
		Returns:    true,
		SetHeader:  "c.Response().Header().Set(%q, %s)",
		Context:    "c.Request().Context()",
		Send:       "return c.JSON(status, %[1]s)",
		SendDoc:    "sends it with c.JSON and returns its error",
	},
	"fiber/v3": {
		Import:     "github.com/gofiber/fiber/v3",
		ImportName: "fiber",
		Params:     "c fiber.Ctx",
		Handle:     "fiber.Ctx",
		Handlers:   "fiber",
		Args:       "c",
		Returns:    true,
		SetHeader:  "c.Set(%q, %s)",
		Context:    "c.Context()",
		Send:       "return c.Status(status).JSON(%[1]s)",
		SendDoc:    "sends it with c.Status(status).JSON and returns its error",
	},
	"fiber": {
		Import:     "github.com/gofiber/fiber/v2",
		ImportName: "fiber",
		Params:     "c *fiber.Ctx",
		Handle:     "*fiber.Ctx",
		Handlers:   "fiber",
		Args:       "c",
		Returns:    true,
		SetHeader:  "c.Set(%q, %s)",
		Context:    "c.UserContext()",
		Send:       "return c.Status(status).JSON(%[1]s)",
		SendDoc:    "sends it with c.Status(status).JSON and returns its error",
	},
	"chi": {
		Import:     "github.com/go-chi/render",
		ImportName: "render",
		NetHTTP:    true,
		Params:     "w http.ResponseWriter, r *http.Request",
		Args:       "w, r",
		SetHeader:  "w.Header().Set(%q, %s)",
		Context:    "r.Context()",
		Send: `render.Status(r, status)
	render.JSON(w, r, %[1]s)`,
		SendDoc: "sends it with render.Status and render.JSON",
	},
}

// constant is one code of the catalog, as the generated file declares it.
type constant struct {
	Name, Code string
	Status     int
	Doc        []string // the comment's lines, without "// "
}

// statusCase is one case of Code.Status: the codes with one status.
type statusCase struct {
	Names  []string
	Status string
}

// data is what the template is executed with.
type data struct {
	Package     string
	Source      string
	Framework   *framework
	Codes       []constant
	Cases       []statusCase
	RetryAfter  []string // the statuses, as Go expressions
	RADoc       string   // the statuses, in the comment
	RASeconds   int
	RequestID   *requestIDFunc
	StdImports  []string
	MoreImports []string // "path" or `name "path"`
	Default     string   // Code.Status's status for an unknown code
	WriteDoc    []string // WriteError's comment
	Body        *body    // the shape of Error's JSON

	// The net/http writer of a framework's package (WriteErrorHTTP), and
	// the one that HandlerFunc calls.
	NetHTTPWriter     *framework
	WriteHTTPDoc      []string
	NetHTTPWriteError string

	// The codes that the framework's errors and handlers are sent with
	// (codes.go).
	codeChoice
}

// writerData is what the "writer" template is executed with: Write and
// WriteError (or WriteHTTP and WriteErrorHTTP) for a framework.
type writerData struct {
	D                 *data
	F                 *framework
	Write, WriteError string
	Doc               []string
}

//go:embed gen.go.tmpl
var tmplText string

var tmpl = template.Must(template.New("gen").Funcs(template.FuncMap{
	"setHeader": func(fw *framework, name, value string) string { return fmt.Sprintf(fw.SetHeader, name, value) },
	"send":      func(fw *framework, body string) string { return fmt.Sprintf(fw.Send, body) },
	// comment is text as a comment, wrapped.
	"comment": func(text string) string { return "// " + strings.Join(wrap(text, commentWidth+4), "\n// ") },
	// nocode says, after a code picked for a status, that the catalog
	// has no code of that status.
	"nocode": func(got, want int) string {
		if got == want {
			return ""
		}
		return fmt.Sprintf(" (the catalog documents no code with status %d)", want)
	},
	"writer": func(d *data, fw *framework, write, writeError string, doc []string) writerData {
		return writerData{d, fw, write, writeError, doc}
	},
}).Parse(tmplText))

// Generate returns the gofmt'ed Go file for o. Errors name the catalog's
// file and line where a code cannot be declared.
func Generate(o Options) ([]byte, error) {
	if !token.IsIdentifier(o.Package) {
		return nil, fmt.Errorf("-pkg %q is not a Go package name", o.Package)
	}
	name := o.Framework
	if name == "" {
		name = "net/http"
	}
	fw, ok := frameworks[name]
	if !ok {
		return nil, fmt.Errorf("unknown framework %q; want one of %s", o.Framework, strings.Join(Frameworks, ", "))
	}
	cat := o.Catalog
	if cat == nil {
		cat = catalog.Default()
	}
	d := &data{
		Package:   o.Package,
		Source:    o.Source,
		Framework: fw,
		RASeconds: o.RetryAfterSeconds,
		Default:   statusExpr(500),
	}
	if d.Source == "" {
		d.Source = cat.Source()
		if cat == catalog.Default() {
			d.Source = "the catalog embedded in apierrlint"
		}
	}
	if d.RASeconds == 0 {
		d.RASeconds = DefaultRetryAfterSeconds
	}
	if err := d.codes(cat); err != nil {
		return nil, err
	}
	d.retryAfter(o.RetryAfterStatuses)
	shape := cat.Shape()
	if o.Shape != nil {
		shape = *o.Shape
	}
	b, err := newBody(shape)
	if err != nil {
		return nil, err
	}
	d.Body = b
	if o.RequestID != "" && shape.RequestID == "" {
		return nil, fmt.Errorf("-request-id: the error body's shape has no request id key (%s)", shape.Describe())
	}
	if err := d.choose(cat, o.DefaultCodes); err != nil {
		return nil, err
	}
	d.StdImports = []string{"encoding/json", "errors", "fmt", "net/http", "strconv"}
	if name == "chi" {
		d.StdImports = slices.DeleteFunc(d.StdImports, func(s string) bool { return s == "encoding/json" })
	}
	if fw.Import != "" {
		d.MoreImports = append(d.MoreImports, fmt.Sprintf("%q", fw.Import))
	}
	if o.RequestID != "" {
		taken := []string{"json", "errors", "fmt", "http", "strconv", fw.ImportName, o.Package}
		f, err := parseRequestID(o.RequestID, taken)
		if err != nil {
			return nil, err
		}
		d.RequestID = f
		switch {
		case f.Path == "":
		case f.Alias:
			d.MoreImports = append(d.MoreImports, fmt.Sprintf("%s %q", f.Name, f.Path))
		default:
			d.MoreImports = append(d.MoreImports, fmt.Sprintf("%q", f.Path))
		}
		slices.Sort(d.MoreImports)
	}
	doc := "WriteError sends e as the response, with the status of its code: it sets the Retry-After header first when the status needs one (or e has its own), "
	if d.RequestID != nil {
		doc += "fills in the request id from the request's context when e has none, "
	}
	d.WriteDoc = wrap(doc+"and "+fw.SendDoc, commentWidth+4)
	d.NetHTTPWriteError = "WriteError"
	if !fw.NetHTTP {
		d.NetHTTPWriter = frameworks["net/http"]
		d.NetHTTPWriteError = "WriteErrorHTTP"
		d.WriteHTTPDoc = wrap("WriteErrorHTTP, for the app's handlers that take w and r, "+strings.TrimPrefix(doc, "WriteError ")+"and "+d.NetHTTPWriter.SendDoc, commentWidth+4)
	}
	var buf bytes.Buffer
	if err := tmpl.Execute(&buf, d); err != nil {
		return nil, err
	}
	src, err := format.Source(buf.Bytes())
	if err != nil {
		return nil, fmt.Errorf("internal error: the generated code does not parse: %v\n%s", err, buf.Bytes())
	}
	return src, nil
}

// codes declares the catalog's codes, and groups them by status for
// Code.Status.
func (d *data) codes(cat *catalog.Catalog) error {
	names := map[string]catalog.Entry{}
	byStatus := map[int]int{} // status -> index in d.Cases
	for _, e := range cat.Entries() {
		name := constName(e.Code)
		if name == "" {
			return codeError(cat, e, fmt.Sprintf("code %q has no letter or digit to name a Go constant after", e.Code))
		}
		if first, dup := names[name]; dup {
			return codeError(cat, e, fmt.Sprintf("codes %q%s and %q are both the Go constant %s; rename one of them", first.Code, onLine(first), e.Code, name))
		}
		names[name] = e
		c := constant{Name: name, Code: e.Code, Status: e.Status}
		c.Doc = wrap(fmt.Sprintf("%s is documented with status %d%s", name, e.Status, prose(": ", e.Description)), commentWidth)
		if e.Resolution != "" {
			c.Doc = append(c.Doc, wrap(prose("Resolution: ", e.Resolution), commentWidth)...)
		}
		d.Codes = append(d.Codes, c)
		i, ok := byStatus[e.Status]
		if !ok {
			i = len(d.Cases)
			byStatus[e.Status] = i
			d.Cases = append(d.Cases, statusCase{Status: statusExpr(e.Status)})
		}
		d.Cases[i].Names = append(d.Cases[i].Names, name)
	}
	return nil
}

func codeError(cat *catalog.Catalog, e catalog.Entry, msg string) error {
	return &catalog.Error{File: cat.Source(), Line: e.Line, Msg: msg}
}

func onLine(e catalog.Entry) string {
	if e.Line > 0 {
		return fmt.Sprintf(" (line %d)", e.Line)
	}
	return ""
}

// retryAfter sets the statuses of RetryAfterRequired.
func (d *data) retryAfter(statuses []int) {
	if statuses == nil {
		statuses = []int{429}
	}
	statuses = slices.Clone(statuses)
	slices.Sort(statuses)
	statuses = slices.Compact(statuses)
	var doc []string
	for _, s := range statuses {
		d.RetryAfter = append(d.RetryAfter, statusExpr(s))
		doc = append(doc, fmt.Sprint(s))
	}
	switch len(doc) {
	case 0:
		d.RADoc = "none does, in this configuration"
	case 1:
		d.RADoc = "status " + doc[0]
	default:
		d.RADoc = "statuses " + strings.Join(doc[:len(doc)-1], ", ") + " and " + doc[len(doc)-1]
	}
}

// prose is a catalog's text as a sentence after prefix: one line, ended by
// a period. "" when text is empty.
func prose(prefix, text string) string {
	text = strings.Join(strings.Fields(text), " ")
	if text == "" {
		return ""
	}
	if r, _ := utf8.DecodeLastRuneInString(text); !unicode.Is(unicode.Sentence_Terminal, r) {
		text += "."
	}
	return prefix + text
}

// commentWidth is the width that the constants' comments are wrapped at,
// without the tab and the "// " before them.
const commentWidth = 72

// wrap breaks text into lines of at most width (longer words stand alone),
// ending it with a period when it has none.
func wrap(text string, width int) []string {
	text = prose("", text)
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		if line != "" && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(w) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	return append(lines, line)
}
