package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi"
	"github.com/pb33f/libopenapi/datamodel"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v2 "github.com/pb33f/libopenapi/datamodel/high/v2"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/index"
	"github.com/pb33f/libopenapi/orderedmap"
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
func ParseOpenAPI(name string, data []byte) (*Catalog, error) {
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
	doc, err := libopenapi.NewDocumentWithConfiguration(r.data, cfg)
	if err != nil {
		return nil, r.syntaxError(err)
	}
	info := doc.GetSpecInfo()
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
		m, err := doc.BuildV2Model()
		if r.buildErrors(err) || m == nil {
			return nil, r.failed()
		}
		r.swagger(&m.Model)
	case info.SpecFormat == datamodel.OAS3 || info.SpecFormat == datamodel.OAS31 || info.SpecFormat == datamodel.OAS32:
		m, err := doc.BuildV3Model()
		if r.buildErrors(err) || m == nil {
			return nil, r.failed()
		}
		r.openAPI3(&m.Model)
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
	if n != nil {
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

// --- OpenAPI 3 ---

func (r *oasReader) openAPI3(doc *v3.Document) {
	r.errorCodesExtension(doc.Extensions)
	if doc.Paths == nil || doc.Paths.PathItems == nil {
		return
	}
	for path, item := range doc.Paths.PathItems.FromOldest() {
		if item == nil {
			continue
		}
		itemPtr := "/paths/" + escapePointer(path)
		for method, op := range item.GetOperations().FromOldest() {
			if op == nil {
				continue
			}
			o := r.newOperation(method, path, itemPtr)
			o.BasePath = serverPath(firstServers(op.Servers, item.Servers, doc.Servers))
			if op.Responses != nil {
				if op.Responses.Codes != nil {
					for key, resp := range op.Responses.Codes.FromOldest() {
						status, isErr := r.responseKey(&o, key)
						if isErr && resp != nil {
							r.response3(resp, status, o.Pointer+"/responses/"+escapePointer(key))
						}
					}
				}
				if op.Responses.Default != nil {
					o.Default = true
					r.response3(op.Responses.Default, 0, o.Pointer+"/responses/default")
				}
			}
			r.finishOperation(o)
		}
	}
}

// response3 reads one response of an OpenAPI 3 operation. status is 0 for
// a default or range response: its shape counts, its codes do not.
func (r *oasReader) response3(resp *v3.Response, status int, ptr string) {
	if resp.Content == nil {
		return
	}
	for mt, media := range resp.Content.FromOldest() {
		if media == nil {
			continue
		}
		mptr := ptr + "/content/" + escapePointer(mt)
		body := r.schemaBody(media.Schema, mptr+"/schema")
		var examples []*yaml.Node
		if media.Example != nil {
			examples = append(examples, media.Example)
		}
		if media.Examples != nil {
			for _, ex := range media.Examples.FromOldest() {
				if ex != nil && ex.Value != nil {
					examples = append(examples, ex.Value)
				}
			}
		}
		r.body(body, examples, status, ptr)
	}
}

// --- Swagger 2.0 ---

func (r *oasReader) swagger(doc *v2.Swagger) {
	r.errorCodesExtension(doc.Extensions)
	if doc.Paths == nil || doc.Paths.PathItems == nil {
		return
	}
	basePath := strings.TrimSuffix(doc.BasePath, "/")
	for path, item := range doc.Paths.PathItems.FromOldest() {
		if item == nil {
			continue
		}
		itemPtr := "/paths/" + escapePointer(path)
		for method, op := range item.GetOperations().FromOldest() {
			if op == nil {
				continue
			}
			o := r.newOperation(method, path, itemPtr)
			o.BasePath = basePath
			if op.Responses != nil {
				if op.Responses.Codes != nil {
					for key, resp := range op.Responses.Codes.FromOldest() {
						status, isErr := r.responseKey(&o, key)
						if isErr && resp != nil {
							r.response2(resp, status, o.Pointer+"/responses/"+escapePointer(key))
						}
					}
				}
				if op.Responses.Default != nil {
					o.Default = true
					r.response2(op.Responses.Default, 0, o.Pointer+"/responses/default")
				}
			}
			r.finishOperation(o)
		}
	}
}

func (r *oasReader) response2(resp *v2.Response, status int, ptr string) {
	body := r.schemaBody(resp.Schema, ptr+"/schema")
	var examples []*yaml.Node
	if resp.Examples != nil && resp.Examples.Values != nil {
		for _, v := range resp.Examples.Values.FromOldest() {
			if v != nil {
				examples = append(examples, v)
			}
		}
	}
	r.body(body, examples, status, ptr)
}

// --- both ---

func (r *oasReader) newOperation(method, path, itemPtr string) Operation {
	ptr := itemPtr + "/" + strings.ToLower(method)
	return Operation{
		Method:  strings.ToUpper(method),
		Path:    path,
		File:    r.file,
		Pointer: ptr,
		Line:    r.line(ptr),
	}
}

func (r *oasReader) finishOperation(o Operation) {
	slices.Sort(o.Statuses)
	o.Statuses = slices.Compact(o.Statuses)
	slices.Sort(o.Ranges)
	o.Ranges = slices.Compact(o.Ranges)
	r.ops = append(r.ops, o)
}

// responseKey records a response key of an operation ("404", "4XX") and
// reports whether the response is an error response (4xx, 5xx, 4XX, 5XX),
// whose body is read, and the status its codes belong to: 0 for a range,
// which has no single status. Success responses are not read at all: their
// schemas are most of a large document.
func (r *oasReader) responseKey(o *Operation, key string) (status int, isErr bool) {
	if len(key) == 3 && (key[1] == 'X' || key[1] == 'x') && (key[2] == 'X' || key[2] == 'x') && key[0] >= '1' && key[0] <= '5' {
		o.Ranges = append(o.Ranges, int(key[0]-'0'))
		return 0, key[0] >= '4'
	}
	n, err := strconv.Atoi(key)
	if err != nil || len(key) != 3 || n < 100 || n > 599 {
		ptr := o.Pointer + "/responses/" + escapePointer(key)
		r.l.add(r.line(ptr), "%s: response key %q is not an HTTP status, a range such as 4XX, or default", ptr, key)
		return 0, false
	}
	o.Statuses = append(o.Statuses, n)
	if n >= 400 {
		return n, true
	}
	return 0, false
}

// body records what an error response's body says: its shape (any error
// response, status 0 included) and its codes (a single error status only).
func (r *oasReader) body(b *errorBody, examples []*yaml.Node, status int, ptr string) {
	if b != nil {
		r.shapes.add(b.shape)
	}
	if status == 0 {
		return
	}
	if b != nil {
		for _, c := range b.codes {
			r.addCode(c.code, status, ptr, c.line, "")
		}
	}
	for _, ex := range examples {
		if code, line, ok := exampleCode(ex, b); ok {
			r.addCode(code, status, ptr, line, "")
		}
	}
}

// errorCodesExtension reads the document's x-error-codes list:
//
//	x-error-codes:
//	  - {code: NOT_FOUND, status: 404, description: Resource not found}
func (r *oasReader) errorCodesExtension(ext *orderedmap.Map[string, *yaml.Node]) {
	if ext == nil {
		return
	}
	list, ok := ext.Get("x-error-codes")
	if !ok || list == nil {
		return
	}
	if list.Kind != yaml.SequenceNode {
		r.l.add(list.Line, "/x-error-codes: want a list of {code, status, description}, got %s", oasKind(list))
		return
	}
	for i, n := range list.Content {
		ptr := fmt.Sprintf("/x-error-codes/%d", i)
		if n.Kind != yaml.MappingNode {
			r.l.add(n.Line, "%s: want a mapping with code and status, got %s", ptr, oasKind(n))
			continue
		}
		var (
			code, desc string
			codeLine   int
			status     = -1
			bad        bool
		)
		for j := 0; j+1 < len(n.Content); j += 2 {
			k, v := n.Content[j], n.Content[j+1]
			switch k.Value {
			case "code":
				if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!str" {
					r.l.add(v.Line, "%s/code: want a string, got %s", ptr, oasKind(v))
					bad = true
					continue
				}
				code, codeLine = v.Value, v.Line
			case "status":
				s, err := strconv.Atoi(v.Value)
				if v.Kind != yaml.ScalarNode || v.ShortTag() != "!!int" || err != nil {
					r.l.add(v.Line, "%s/status: want an integer, got %s", ptr, oasKind(v))
					bad = true
					continue
				}
				status = s
			case "description":
				desc = v.Value
			default:
				r.l.add(k.Line, "%s: unknown field %q (want code, status, description)", ptr, k.Value)
				bad = true
			}
		}
		switch {
		case bad:
		case code == "":
			r.l.add(n.Line, "%s: entry has no code", ptr)
		case status < 0:
			r.l.add(n.Line, "%s: entry for code %s has no status", ptr, code)
		default:
			r.addCode(code, status, ptr, codeLine, desc)
		}
	}
}

// firstServers returns the servers that apply to an operation: its own,
// else its path's, else the document's.
func firstServers(lists ...[]*v3.Server) []*v3.Server {
	for _, l := range lists {
		if len(l) > 0 {
			return l
		}
	}
	return nil
}

// serverPath returns the path of the first server's URL, its variables
// replaced by their defaults, without a trailing slash ("" for "/" or no
// servers): the prefix of every operation's path on that server.
func serverPath(servers []*v3.Server) string {
	if len(servers) == 0 || servers[0] == nil {
		return ""
	}
	s := servers[0]
	raw := s.URL
	if s.Variables != nil {
		for name, v := range s.Variables.FromOldest() {
			if v != nil {
				raw = strings.ReplaceAll(raw, "{"+name+"}", v.Default)
			}
		}
	}
	u, err := url.Parse(raw)
	if err != nil {
		return ""
	}
	return strings.TrimSuffix(u.Path, "/")
}

// escapePointer escapes a JSON pointer's reference token (RFC 6901).
func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}

func unescapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~1", "/"), "~0", "~")
}

// line returns the line of the key a JSON pointer ends at (0: not found):
// the document's tree is walked along the pointer.
func (r *oasReader) line(ptr string) int {
	n := r.root
	if n == nil {
		return 0
	}
	line := 0
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = unescapePointer(tok)
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					line, n, found = n.Content[i].Line, n.Content[i+1], true
					break
				}
			}
			if !found {
				return line
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return line
			}
			n = n.Content[i]
			line = n.Line
		default:
			return line
		}
	}
	return line
}

// pointerOf returns the JSON pointer of node target in the tree under
// root. It walks the whole tree: it is for errors only.
func pointerOf(root, target *yaml.Node) (string, bool) {
	if root == nil || target == nil {
		return "", false
	}
	var walk func(n *yaml.Node, ptr string, depth int) (string, bool)
	walk = func(n *yaml.Node, ptr string, depth int) (string, bool) {
		if n == target {
			return ptr, true
		}
		if depth > 200 {
			return "", false
		}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				p := ptr + "/" + escapePointer(n.Content[i].Value)
				if n.Content[i] == target {
					return p, true
				}
				if q, ok := walk(n.Content[i+1], p, depth+1); ok {
					return q, true
				}
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				if q, ok := walk(c, ptr+"/"+strconv.Itoa(i), depth+1); ok {
					return q, true
				}
			}
		}
		return "", false
	}
	return walk(root, "", 0)
}

// oasKind describes a node for error messages.
func oasKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.ScalarNode:
		switch n.ShortTag() {
		case "!!str":
			return fmt.Sprintf("string %q", n.Value)
		case "!!null":
			return "null"
		default:
			return n.Value
		}
	}
	return "an unsupported YAML node"
}

// schemaOf builds a schema proxy's schema; nil if there is none or it
// cannot be built (the build error is recorded at ptr).
func (r *oasReader) schemaOf(sp *base.SchemaProxy, ptr string) *base.Schema {
	if sp == nil {
		return nil
	}
	s, err := sp.BuildSchema()
	if err != nil {
		r.l.add(r.line(ptr), "%s: %v", ptr, err)
		return nil
	}
	return s
}
