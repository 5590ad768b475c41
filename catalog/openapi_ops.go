package catalog

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel/high/base"
	v2 "github.com/pb33f/libopenapi/datamodel/high/v2"
	v3 "github.com/pb33f/libopenapi/datamodel/high/v3"
	"github.com/pb33f/libopenapi/orderedmap"
)

// The operations of an OpenAPI document and their responses, in either
// version of libopenapi's model, and the document's x-error-codes.

// --- OpenAPI 3 ---

func (r *oasReader) openAPI3(doc *v3.Document) {
	r.errorCodesExtension(doc.Extensions)
	if doc.Paths == nil || doc.Paths.PathItems == nil {
		return
	}
	eachOperation(r, doc.Paths.PathItems, func(o *Operation, item *v3.PathItem, op *v3.Operation) {
		o.BasePath = serverPath(firstServers(op.Servers, item.Servers, doc.Servers))
		if op.Responses != nil {
			readResponses(r, o, op.Responses.Codes, op.Responses.Default, r.response3)
		}
	})
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
	eachOperation(r, doc.Paths.PathItems, func(o *Operation, _ *v2.PathItem, op *v2.Operation) {
		o.BasePath = basePath
		if op.Responses != nil {
			readResponses(r, o, op.Responses.Codes, op.Responses.Default, r.response2)
		}
	})
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

// eachOperation calls read for every operation of every path, in document
// order, with the Operation to fill in, and records it, in either version
// of the model.
func eachOperation[I interface {
	comparable
	GetOperations() *orderedmap.Map[string, O]
}, O comparable](r *oasReader, paths *orderedmap.Map[string, I], read func(o *Operation, item I, op O)) {
	var noItem I
	var noOp O
	for path, item := range paths.FromOldest() {
		if item == noItem {
			continue
		}
		itemPtr := "/paths/" + escapePointer(path)
		for method, op := range item.GetOperations().FromOldest() {
			if op == noOp {
				continue
			}
			ptr := itemPtr + "/" + strings.ToLower(method)
			o := Operation{
				Method:  strings.ToUpper(method),
				Path:    path,
				File:    r.file,
				Pointer: ptr,
			}
			o.Line, o.Column = r.position(ptr)
			read(&o, item, op)
			slices.Sort(o.Statuses)
			o.Statuses = slices.Compact(o.Statuses)
			slices.Sort(o.Ranges)
			o.Ranges = slices.Compact(o.Ranges)
			r.ops = append(r.ops, o)
		}
	}
}

// readResponses records an operation's responses (statuses, ranges,
// default) and reads the error responses' bodies with read, in either
// version of the model.
func readResponses[R comparable](r *oasReader, o *Operation, codes *orderedmap.Map[string, R], def R, read func(resp R, status int, ptr string)) {
	var none R
	if codes != nil {
		for key, resp := range codes.FromOldest() {
			status, isErr := r.responseKey(o, key)
			if isErr && resp != none {
				read(resp, status, o.Pointer+"/responses/"+escapePointer(key))
			}
		}
	}
	if def != none {
		o.Default = true
		read(def, 0, o.Pointer+"/responses/default")
	}
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
