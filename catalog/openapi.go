package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"regexp"
	"strings"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel"
	v2 "github.com/pb33f/libopenapi/datamodel/high/v2"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	lowbase "github.com/pb33f/libopenapi/datamodel/low/base"
	v2low "github.com/pb33f/libopenapi/datamodel/low/v2"
	v3low "github.com/pb33f/libopenapi/datamodel/low/v3"
	"github.com/pb33f/libopenapi/index"
)

// The OpenAPI reader. An OpenAPI 3.0/3.1 or Swagger 2.0 document is read
// with libopenapi (docs/openapi.md says why that library), which resolves
// $refs; this file walks the operations it finds and turns them into the
// catalog's data: each operation's statuses, the codes of its error
// responses, and the error body's shape (openapi_schema.go).

// yamlOpenAPIRE finds a top-level "openapi:" or "swagger:" key of a
// block-style YAML document: a key at the start of a line.
var yamlOpenAPIRE = regexp.MustCompile(`(?m)^["']?(openapi|swagger)["']?[ \t]*:`)

// brokenJSONOpenAPIRE finds a JSON object whose first key is "openapi" or
// "swagger", for a document that is not valid JSON: it is reported as a
// broken OpenAPI document rather than as a catalog with unknown keys.
var brokenJSONOpenAPIRE = regexp.MustCompile(`^\{\s*"(openapi|swagger)"\s*:`)

// isOpenAPI reports whether a JSON or YAML document is an OpenAPI or
// Swagger document: one with a top-level "openapi" or "swagger" key. The
// check is by content, not by name, and cheap: a JSON object is scanned
// for its two keys only, a YAML document by lines.
func isOpenAPI(data []byte) bool {
	if t := bytes.TrimLeft(data, " \t\r\n\ufeff"); len(t) > 0 && t[0] == '{' {
		var top struct {
			OpenAPI json.RawMessage `json:"openapi"`
			Swagger json.RawMessage `json:"swagger"`
		}
		if json.Unmarshal(t, &top) == nil {
			return top.OpenAPI != nil || top.Swagger != nil
		}
		if brokenJSONOpenAPIRE.Match(t) {
			return true
		}
		// Not valid JSON: a YAML flow mapping, or a broken document,
		// which the lines below may still recognise.
	}
	return yamlOpenAPIRE.Match(data)
}

// ParseOpenAPI reads the catalog of an OpenAPI 3.0 or 3.1 document or a
// Swagger 2.0 one, JSON or YAML. name is used in errors and as the
// catalog's [Catalog.Source].
//
// For each error response (4xx, 5xx) of each operation, the codes of the
// response schema's code property (its enum or const, through $ref and
// allOf, inside an envelope object too) and the top-level code of the
// response's examples belong to that status; codes deeper in an example
// (under details) are field-level and ignored. An "x-error-codes" list at
// the document's top level ({code, status, description}) adds codes too.
// Components that no operation uses add nothing. A code given two
// statuses is an error naming both places. Codes under a range ("4XX") or
// default response have no single status and are ignored. A document
// with no codes is valid.
//
// The catalog's [Catalog.Operations] are the document's operations, and
// its [Catalog.Shape] is the shape of the error responses' schemas (the
// most common one; [DocumentShape] when no schema has a code property).
//
// Errors name the file, the JSON pointer of the problem and its line.
// References to other files or URLs are not followed: they are errors.
func ParseOpenAPI(name string, data []byte) (c *Catalog, err error) {
	// A panic in the library is an error: a catalog must never crash the
	// linter.
	defer func() {
		if p := recover(); p != nil {
			c, err = nil, &Error{File: name, Msg: fmt.Sprintf("internal error in the OpenAPI reader: %v", p)}
		}
	}()
	r := &oasReader{l: &errorList{file: name}, file: name, data: data}
	return r.read()
}

// oasReader holds the state of one ParseOpenAPI.
type oasReader struct {
	l    *errorList
	file string
	data []byte
	root *yaml.Node // the document's top-level mapping

	// codes found so far, in document order, and where each was found.
	entries []Entry
	where   map[string]codeSite
	shapes  shapeVote
	ops     []Operation
}

// codeSite is where a code got its status.
type codeSite struct {
	status  int
	pointer string
	line    int
}

func (r *oasReader) read() (*Catalog, error) {
	cfg := datamodel.NewDocumentConfiguration()
	// The library logs through slog to stdout by default; a linter's
	// output is its findings only. Problems come back as errors.
	cfg.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	// Descriptions, summaries and enums of the index are not used: 5% fewer
	// allocations on a large document.
	cfg.SkipMetadataCollection = true
	// No file or network access: the catalog is the one file named
	// (AllowFileReferences and AllowRemoteReferences stay false).
	//
	// The model is built as libopenapi.Document's BuildV2Model and
	// BuildV3Model build it, without the package libopenapi itself, which
	// links in what this reader never uses (document comparison, Arazzo,
	// overlays: 6 MB of the binary).
	info, err := datamodel.ExtractSpecInfoWithConfig(r.data, cfg)
	if err != nil {
		return nil, r.syntaxError(err)
	}
	// The library caches schema hashes in a package-level map while it
	// builds a model; its Build methods empty it when done.
	defer lowbase.ClearSchemaQuickHashMap()
	if info != nil && info.RootNode != nil {
		r.root = info.RootNode
		if r.root.Kind == yaml.DocumentNode && len(r.root.Content) > 0 {
			r.root = r.root.Content[0]
		}
	}
	switch {
	case info == nil:
		return nil, &Error{File: r.file, Msg: "not an OpenAPI document"}
	case info.SpecFormat == datamodel.OAS2:
		low, err := v2low.CreateDocumentFromConfig(info, cfg)
		if r.buildErrors(err) || low == nil {
			return nil, r.failed()
		}
		r.swagger(v2.NewSwaggerDocument(low))
	case info.SpecFormat == datamodel.OAS3 || info.SpecFormat == datamodel.OAS31 || info.SpecFormat == datamodel.OAS32:
		low, err := v3low.CreateDocumentFromConfig(info, cfg)
		if r.buildErrors(err) || low == nil {
			return nil, r.failed()
		}
		r.openAPI3(v3.NewDocument(low))
	default:
		return nil, &Error{File: r.file, Line: r.line("/openapi"), Msg: fmt.Sprintf("unsupported OpenAPI version %q (want 2.0, 3.0 or 3.1)", info.Version)}
	}
	if !r.l.empty() {
		return nil, r.l.err()
	}
	c := build(r.l, r.entries, false)
	if err := r.l.err(); err != nil {
		return nil, err
	}
	if s, ok := r.shapes.winner(); ok {
		c.shape = &s
	}
	c.ops = r.ops
	if c.ops == nil {
		c.ops = []Operation{} // an OpenAPI catalog: operations known, maybe none
	}
	return c, nil
}

func (r *oasReader) failed() error {
	if err := r.l.err(); err != nil {
		return err
	}
	return &Error{File: r.file, Msg: "cannot read the OpenAPI document"}
}

// syntaxError turns the library's parse error into one naming the line:
// the document is parsed again by the parsers of the JSON and YAML
// catalogs, whose errors do.
func (r *oasReader) syntaxError(err error) error {
	if t := bytes.TrimLeft(r.data, " \t\r\n"); len(t) > 0 && t[0] == '{' {
		var se *json.SyntaxError
		if jerr := json.Unmarshal(r.data, new(json.RawMessage)); errors.As(jerr, &se) {
			return &Error{File: r.file, Line: newLineIndex(r.data).line(max(int(se.Offset)-1, 0)), Msg: "invalid JSON: " + se.Error(), err: err}
		}
	}
	if _, yerr := decodeYAML(r.file, r.data); yerr != nil {
		return yerr
	}
	return &Error{File: r.file, Msg: "invalid OpenAPI document: " + strings.TrimPrefix(err.Error(), "unable to parse specification: "), err: err}
}

// buildErrors records the library's model-building errors (a $ref to
// nothing, mostly) and reports whether there were any that matter.
// Circular references are not problems: schemas may be recursive.
func (r *oasReader) buildErrors(err error) bool {
	if err == nil {
		return false
	}
	bad := false
	for _, e := range flattenErrors(err) {
		var ie *index.IndexingError
		var re *index.ResolvingError
		switch {
		case errors.As(e, &re):
			if re.CircularReference != nil {
				continue
			}
			r.errorAt(re.Node, "%s", unwrapText(re.ErrorRef))
		case errors.As(e, &ie):
			node := ie.Node
			if node == nil {
				node = ie.KeyNode
			}
			if ref := refOf(node); ref != "" && !strings.HasPrefix(ref, "#") {
				r.errorAt(node, "$ref %s is in another file: apierrlint reads one file and follows no reference out of it (bundle the document into one file first)", ref)
				break
			}
			r.errorAt(node, "%s", ie.Err.Error())
		default:
			if strings.Contains(e.Error(), "circular reference") {
				continue
			}
			r.l.add(0, "%s", e.Error())
		}
		bad = true
	}
	return bad
}

// refOf returns the $ref of a reference node ({$ref: ...}), or "".
func refOf(n *yaml.Node) string {
	if v := mappingValue(n, "$ref"); v != nil && v.Kind == yaml.ScalarNode {
		return v.Value
	}
	return ""
}

func flattenErrors(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []error
		for _, e := range j.Unwrap() {
			out = append(out, flattenErrors(e)...)
		}
		return out
	}
	return []error{err}
}

func unwrapText(err error) string {
	if err == nil {
		return "cannot resolve reference"
	}
	var msgs []string
	for _, e := range flattenErrors(err) {
		msgs = append(msgs, e.Error())
	}
	return strings.Join(msgs, "; ")
}

// errorAt records a problem at a node of the document, naming its JSON
// pointer when the node is in the document's tree.
func (r *oasReader) errorAt(n *yaml.Node, format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	line := 0
	// pointerOf walks the whole tree: not for errors that are dropped.
	if n != nil && len(r.l.errs) < maxErrors {
		line = n.Line
		if p, ok := pointerOf(r.root, n); ok {
			msg = p + ": " + msg
		}
	}
	r.l.add(line, "%s", msg)
}

// addCode records that the document gives code the status, at pointer
// (the response, or the x-error-codes entry) and line (the code's value).
func (r *oasReader) addCode(code string, status int, pointer string, line int, description string) {
	if r.where == nil {
		r.where = map[string]codeSite{}
	}
	if first, ok := r.where[code]; ok {
		if first.status != status {
			r.l.add(line, "code %s has two statuses: %d at %s and %d at %s%s", code, status, pointer, first.status, first.pointer, lineSuffix(first.line))
		}
		return
	}
	r.where[code] = codeSite{status, pointer, line}
	r.entries = append(r.entries, Entry{Code: code, Status: status, Line: line, Description: description, Pointer: pointer})
}

func lineSuffix(line int) string {
	if line > 0 {
		return fmt.Sprintf(" (line %d)", line)
	}
	return ""
}
