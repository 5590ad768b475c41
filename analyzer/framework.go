package analyzer

import (
	"go/types"
	"maps"
	"slices"
	"strings"
)

// What the analysis knows of the frameworks' response APIs (net/http, gin,
// echo, fiber, go-chi/render) is data: one table per framework (fw_*.go),
// each row a function or method named by its types.Func.FullName (as
// x/tools' printf check and staticcheck's knowledge tables name them), its
// role in the fact vocabulary and its argument indexes. Calls are matched
// through types, never by name alone: a project's own JSON method is not
// gin's. Adding a framework is a table and its fixtures; TestTables checks
// every row against the framework's real API.

// role is what a primitive does to a response.
type role int

const (
	roleNone role = iota
	// roleWriteStatus writes the status now (net/http WriteHeader, gin
	// AbortWithError): the body that follows on the path is sent with it.
	roleWriteStatus
	// roleSetStatus sets the status of the next write on the path (gin and
	// fiber Status, render.Status); it writes nothing itself, so a
	// Retry-After set between it and the write is in time.
	roleSetStatus
	// roleJSON encodes a value as a JSON body (gin JSON, fiber JSON,
	// render.JSON).
	roleJSON
	// roleJSONText writes a JSON body given as text (echo JSONBlob).
	roleJSONText
	// roleText writes a body with a content type that is not JSON (gin
	// String, fiber SendString, echo HTML, render.PlainText): with an error
	// status it is a raw error response, unless the body is a constant
	// JSON object.
	roleText
	// roleData writes a body whose content type is an argument (gin Data,
	// echo Blob): JSON when that type is a constant JSON media type, a raw
	// error response when it is another constant, unknown otherwise.
	roleData
	// roleNoBody writes a status without a body (gin AbortWithStatus, echo
	// NoContent, fiber SendStatus): with an error status, a raw error
	// response.
	roleNoBody
	// roleHeaderSet sets a response header (gin Header, fiber Set).
	roleHeaderSet
	// roleErrorValue builds an error value from a status and a message
	// (echo.NewHTTPError): the app's error handler renders it, so a string
	// message is fine; an error body as the message is paired with the
	// status like a constructor's literal.
	roleErrorValue
	// roleBefore registers a function run just before the response is
	// written (echo Response.Before): its header writes count as made
	// before the write.
	roleBefore
	// roleSilent marks a function the analysis knows and leaves alone on
	// purpose (fiber.NewError: the app's ErrorHandler renders it).
	roleSilent

	// net/http's own cases.

	// roleBytes writes bytes whose content decides (ResponseWriter.Write,
	// io.WriteString): a constant JSON error body, plain text, the result of
	// json.Marshal, or unknown.
	roleBytes
	// roleFprint formats text onto the response (fmt.Fprint*): plain text
	// unless the format is JSON.
	roleFprint
	// roleEncode is json.Encoder.Encode on json.NewEncoder(response).
	roleEncode
	// roleStream writes a body the analysis does not read (io.Copy onto
	// the response, http.ServeContent): the response has started.
	roleStream
	// roleHeaderMap returns the response's header map (w.Header()).
	roleHeaderMap
	// roleHeaderCopy copies into a header map (maps.Copy): it may copy
	// Retry-After.
	roleHeaderCopy
	// roleHTTPError is http.Error: a plain-text error response.
	roleHTTPError
	// roleNotFound is http.NotFound: a plain-text 404.
	roleNotFound
	// roleNotFoundHandler is http.NotFoundHandler: a handler that sends
	// a plain-text 404.
	roleNotFoundHandler
)

// primitive is one row of a framework table. Argument indexes count from 0
// and exclude the receiver; -1 means none: a write without a status
// argument takes the status set on the path before it (200 if none).
type primitive struct {
	role   role
	status int // the status argument
	body   int // the body argument (roleJSON, roleJSONText, roleText, roleData; the message of roleErrorValue)
	ctype  int // the content type argument (roleData)
	key    int // the header name argument (roleHeaderSet)
	handle int // for a package-level function: the argument that is the response (render.JSON(w, r, v): 0); -1: the receiver
	// selfStatus: the body's own status field is the response's status
	// (render.Render calls the body's Render method, which passes the
	// field to render.Status).
	selfStatus bool
	// errValue: the function builds an error value of this type whose
	// status is the status argument (echo.NewHTTPError, fiber.NewError):
	// the app's renderer writes it (see renderers.go).
	errValue typeName
	// errArg is the argument that is an error value rendered with the
	// status the call writes (gin's AbortWithError(status, err)); -1: none.
	errArg int
	// fixed is the JSON body that the function always writes, whatever its
	// arguments' values (rest.SendErrorJSON's {"error": msg}): its shape is
	// checked with an error status.
	fixed string
	// alone: the status is sent by itself, without a body, when nothing
	// writes after it (net/http WriteHeader; gin's and fiber's Status,
	// sent when the handler returns). Not render.Status (nothing is sent)
	// nor gin's AbortWithError (an error middleware writes the body).
	alone bool
	// msg is where a raw error write carries its message, for the fix that
	// turns it into the error writer's call (fix_writes.go); msgNone: not
	// rewritten (an XML or HTML template body is no message).
	msg msgKind
}

// msgKind says where a raw write's message is.
type msgKind int

const (
	msgNone msgKind = iota
	// msgBody: the body argument, text or bytes (echo String, fiber
	// SendString; gin Data with a text/* content type).
	msgBody
	// msgFormat: the body argument is a format, followed by its arguments
	// (gin String).
	msgFormat
	// msgStatusText: no body; the message is the status's text
	// (AbortWithStatus, NoContent, SendStatus).
	msgStatusText
)

// p builds a primitive; unset indexes are -1.
func p(r role, status, body int) primitive {
	return primitive{role: r, status: status, body: body, ctype: -1, key: -1, handle: -1, errArg: -1}
}

// framework is one framework's table.
type framework struct {
	name string
	// pkgs are the framework's package paths: a package that imports one
	// of them may write responses (the analyzer's cheap test).
	pkgs []string
	// handles are the types whose values are "the response" (besides
	// every implementation of http.ResponseWriter): a call handed one may
	// write the response or set its headers.
	handles []typeName
	// headerTypes are response-header types other than http.Header
	// (fasthttp's ResponseHeader).
	headerTypes []typeName
	// mapBodies are the framework's map types for JSON bodies (gin.H).
	mapBodies []typeName
	// retryAfter is the statement the missing-retry-after fix inserts, for
	// a handle of this framework: %[1]s is the handle, %[2]s the value.
	retryAfter string
	// buffered: the framework sends the response when the handler
	// returns (fiber, on fasthttp: c.JSON only sets the body), so a header
	// set after a write on the same path is still sent.
	buffered bool
	// starts: a write of this table sends the status and starts the body,
	// so that an error written after it on every path is not an error
	// response (started.go): net/http, and render, which writes through
	// the ResponseWriter. (gin and echo start the response at a write too:
	// not modelled yet.)
	starts bool
	// prims are the primitives, by types.Func.FullName (or
	// "path.Name" for a package-level function variable: render.Respond).
	prims map[string]primitive
	// defaults are the error answers the framework sends by itself unless
	// the app replaces them (default-error-response; see defaults.go).
	defaults []fallback

	// Central error renderers (renderers.go): where the errors that
	// handlers return are written.

	// renderers are the function types of the framework's error renderers
	// (echo's HTTPErrorHandler, fiber's ErrorHandler): a function of one of
	// them is a renderer in the package that declares it.
	renderers []rendererType
	// registrations are the fields that install the app's renderer
	// (e.HTTPErrorHandler = f, fiber.Config{ErrorHandler: f}).
	registrations []fieldRow
	// errorMiddleware is a middleware that renders the errors the handlers
	// after it recorded: it calls next, then reads the errors field (gin's
	// c.Next() then c.Errors).
	errorMiddleware *middlewareRow
	// adapter is the method of a net/http adapter type (a func(w, r) error
	// with a ServeHTTP): the function it hands the returned error to, or
	// its own body, renders it.
	adapter string
	// routes are the routing primitives (routerows.go), by full name.
	routes map[string]routeRow
	// apps are the application types that the framework serves whole:
	// no primitive mounts one under a prefix, so a route on one (or on its
	// groups) has its full path wherever it is registered, even when the
	// function that builds it returns it (gin.Engine, echo.Echo; not
	// fiber.App, which app.Mount puts under a prefix, nor a chi router).
	apps []typeName
	// errVars are the framework's predeclared error values, by "path.Name",
	// with the type of their value and their status (echo.ErrTooManyRequests).
	errVars map[string]errVar
}

// rendererType is a function type of error renderers: the response and
// the error are its parameters handle and err.
type rendererType struct {
	typ         typeName
	handle, err int
}

// fieldRow names a field of a named struct type.
type fieldRow struct {
	typ   typeName
	field string
}

// middlewareRow: next is the method (full name) that runs the handlers
// after the middleware; errors is the field that holds their errors.
type middlewareRow struct {
	next   string
	errors fieldRow
}

// merge merges maps of rows.
func merge[V any](ms ...map[string]V) map[string]V {
	out := map[string]V{}
	for _, m := range ms {
		maps.Copy(out, m)
	}
	return out
}

// errVar is a predeclared error value: of type typ, with a status.
type errVar struct {
	typ    typeName
	status int
}

// typeName names a named type by package path and name.
type typeName struct{ pkg, name string }

func (t typeName) is(typ types.Type) bool {
	if typ == nil {
		return false
	}
	if ptr, ok := typ.(*types.Pointer); ok {
		typ = ptr.Elem()
	}
	n, ok := types.Unalias(typ).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == t.pkg && n.Obj().Name() == t.name
}

// frameworks are the tables, net/http first.
var frameworks = []*framework{netHTTP, ginFW, echoFW, fiberFW, renderFW, pkgzRestFW}

// primitivePkgs are the packages that declare a primitive of some table
// (fmt and io among them): the cheap test before a full name is built.
var primitivePkgs = func() map[string]bool {
	m := map[string]bool{}
	for _, fw := range frameworks {
		for key := range fw.prims {
			m[tablePackage(key)] = true
		}
	}
	return m
}()

// tablePackage is the package path of a table key: "net/http" for
// "(net/http.ResponseWriter).WriteHeader" and "net/http.Error".
func tablePackage(key string) string {
	key = strings.TrimLeft(key, "(*")
	if i := strings.IndexByte(key, ')'); i >= 0 {
		key = key[:i]
	}
	slash := strings.LastIndexByte(key, '/')
	return key[:slash+1+strings.IndexByte(key[slash+1:], '.')]
}

// lookupPrimitive returns the table row of a function or package-level
// variable, by its full name.
func lookupPrimitive(fullName string) (primitive, *framework, bool) {
	for _, fw := range frameworks {
		if pr, ok := fw.prims[fullName]; ok {
			return pr, fw, true
		}
	}
	return primitive{}, nil, false
}

// frameworkPackage reports whether path is a package of a framework table
// other than net/http (whose test is its own).
func frameworkPackage(path string) bool {
	for _, fw := range frameworks[1:] {
		if slices.Contains(fw.pkgs, path) {
			return true
		}
	}
	return false
}

// on sets the argument that is the response, for a package-level function.
func (pr primitive) on(handle int) primitive { pr.handle = handle; return pr }

// keyAt sets the header-name argument.
func (pr primitive) keyAt(i int) primitive { pr.key = i; return pr }

// withSelfStatus marks a writer whose body sets its own status.
func (pr primitive) withSelfStatus() primitive { pr.selfStatus = true; return pr }

// withFixedBody sets the JSON body that the function always writes.
func (pr primitive) withFixedBody(text string) primitive { pr.fixed = text; return pr }

// sentAlone marks a status that is sent without a body when nothing
// writes after it.
func (pr primitive) sentAlone() primitive { pr.alone = true; return pr }

// ctypeAt sets the content-type argument.
func (pr primitive) ctypeAt(i int) primitive { pr.ctype = i; return pr }

// builds marks a constructor of an error value of type t whose status is
// the status argument.
func (pr primitive) builds(t typeName) primitive { pr.errValue = t; return pr }

// fixMsg says where a raw write's message is, for the writer fix.
func (pr primitive) fixMsg(k msgKind) primitive { pr.msg = k; return pr }

// errAt sets the error-value argument.
func (pr primitive) errAt(i int) primitive { pr.errArg = i; return pr }
