package catalog

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pb33f/go-yaml"
	"github.com/pb33f/libopenapi/datamodel/high/base"
)

// What an error response's schema says: the body's shape and the codes
// of its code property. Keys play their parts by name, the names of
// docs/catalog.md ("OpenAPI documents").

var (
	codeKeys      = []string{"code", "error_code", "errorCode"}
	messageKeys   = []string{"message", "detail", "error_message", "errorMessage", "error", "title"}
	detailsKeys   = []string{"details", "errors"}
	requestIDKeys = []string{"request_id", "requestId", "requestID"}
)

// maxSchemaDepth bounds the allOf nesting followed: recursive schemas
// are legal.
const maxSchemaDepth = 16

// errorBody is what one error response's schema says.
type errorBody struct {
	shape Shape
	codes []codeAt
}

type codeAt struct {
	code string
	line int
}

// object is a schema's properties after allOf is merged: the keys in
// order, their schemas, and the required keys.
type object struct {
	keys     []string
	props    map[string]*base.Schema
	required []string
	line     int
}

// flattenSchema merges a schema's properties and required keys with those of
// its allOf members, recursively.
func flattenSchema(s *base.Schema) *object {
	o := &object{props: map[string]*base.Schema{}}
	if low := s.GoLow(); low != nil && low.RootNode != nil {
		o.line = low.RootNode.Line
	}
	var walk func(s *base.Schema, depth int)
	walk = func(s *base.Schema, depth int) {
		if s == nil || depth > maxSchemaDepth {
			return
		}
		if s.Properties != nil {
			for k, sp := range s.Properties.FromOldest() {
				if _, dup := o.props[k]; !dup {
					o.keys = append(o.keys, k)
				}
				o.props[k] = schemaOrNil(sp)
			}
		}
		for _, k := range s.Required {
			if !slices.Contains(o.required, k) {
				o.required = append(o.required, k)
			}
		}
		for _, sp := range s.AllOf {
			walk(schemaOrNil(sp), depth+1)
		}
	}
	walk(s, 0)
	return o
}

func schemaOrNil(sp *base.SchemaProxy) *base.Schema {
	if sp == nil {
		return nil
	}
	return sp.Schema()
}

// firstKey returns the first of names that o has, or "".
func (o *object) firstKey(names []string, types ...string) string {
	for _, n := range names {
		s, ok := o.props[n]
		if !ok {
			continue
		}
		if len(types) > 0 && !slices.Contains(types, schemaType(s)) {
			continue
		}
		return n
	}
	return ""
}

// schemaType returns a schema's single JSON type ("" for none or
// several), through allOf; "null" does not count in a 3.1 type list.
func schemaType(s *base.Schema) string {
	for depth := 0; s != nil && depth <= maxSchemaDepth; depth++ {
		var types []string
		for _, t := range s.Type {
			if t != "null" {
				types = append(types, t)
			}
		}
		if len(types) == 1 {
			return types[0]
		}
		if len(types) > 1 || len(s.AllOf) == 0 {
			return ""
		}
		var next *base.Schema
		for _, sp := range s.AllOf {
			if m := schemaOrNil(sp); m != nil && len(m.Type) > 0 {
				next = m
				break
			}
		}
		s = next
	}
	return ""
}

// schemaBody reads an error response's schema: nil if it has none or it
// has no code property (flat, or in an envelope object).
func (r *oasReader) schemaBody(sp *base.SchemaProxy, ptr string) *errorBody {
	s := r.schemaOf(sp, ptr)
	if s == nil {
		return nil
	}
	outer := flattenSchema(s)
	o, envelope := outer, ""
	if o.firstKey(codeKeys) == "" {
		// An envelope: a single object property holding the code.
		var found []string
		for _, k := range outer.keys {
			if p := outer.props[k]; p != nil && schemaType(p) != "array" {
				if inner := flattenSchema(p); inner.firstKey(codeKeys) != "" {
					found = append(found, k)
				}
			}
		}
		if len(found) != 1 {
			return nil
		}
		envelope, o = found[0], flattenSchema(outer.props[found[0]])
		o.line = outer.line
	}
	sh := Shape{
		Envelope:  envelope,
		Code:      o.firstKey(codeKeys),
		Message:   o.firstKey(messageKeys, "string"),
		Details:   o.firstKey(detailsKeys),
		RequestID: o.firstKey(requestIDKeys),
		Status:    o.firstKey([]string{"status"}, "integer", "number"),
		Required:  slices.Clone(o.required),
		Types:     map[string]string{},
		File:      r.file,
		Line:      o.line,
	}
	if sh.Message == "" {
		sh.Message = o.firstKey(messageKeys, "")
	}
	for _, k := range o.keys {
		if t := schemaType(o.props[k]); t != "" {
			sh.Types[k] = t
		}
	}
	b := &errorBody{shape: sh}
	b.codes = schemaCodes(o.props[sh.Code])
	return b
}

// schemaCodes returns the string values of a code property's enum and
// const, through allOf.
func schemaCodes(s *base.Schema) []codeAt {
	var out []codeAt
	var walk func(s *base.Schema, depth int)
	walk = func(s *base.Schema, depth int) {
		if s == nil || depth > maxSchemaDepth {
			return
		}
		for _, n := range s.Enum {
			if isString(n) {
				out = append(out, codeAt{n.Value, n.Line})
			}
		}
		if isString(s.Const) {
			out = append(out, codeAt{s.Const.Value, s.Const.Line})
		}
		for _, sp := range s.AllOf {
			walk(schemaOrNil(sp), depth+1)
		}
	}
	walk(s, 0)
	return out
}

func isString(n *yaml.Node) bool {
	return n != nil && n.Kind == yaml.ScalarNode && n.ShortTag() == "!!str"
}

// exampleCode returns the top-level code of an example body: the code
// key of the response's shape (inside its envelope), else "code". A code
// nested deeper (under details) is field-level: not read.
func exampleCode(ex *yaml.Node, b *errorBody) (code string, line int, ok bool) {
	key, envelope := "code", ""
	if b != nil {
		key, envelope = b.shape.Code, b.shape.Envelope
	}
	n := ex
	if envelope != "" {
		if n = mappingValue(n, envelope); n == nil {
			return "", 0, false
		}
	}
	v := mappingValue(n, key)
	if !isString(v) || v.Value == "" {
		return "", 0, false
	}
	return v.Value, v.Line, true
}

func mappingValue(n *yaml.Node, key string) *yaml.Node {
	if n == nil || n.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

// shapeVote counts the shapes of a document's error responses: the
// document's shape is the most common one (the first found of equals).
type shapeVote struct {
	keys   []string
	count  map[string]int
	shapes map[string]Shape
}

func (v *shapeVote) add(s Shape) {
	if v.count == nil {
		v.count, v.shapes = map[string]int{}, map[string]Shape{}
	}
	k := shapeKey(s)
	if v.count[k] == 0 {
		v.keys = append(v.keys, k)
		v.shapes[k] = s
	}
	v.count[k]++
}

func (v *shapeVote) winner() (Shape, bool) {
	best := ""
	for _, k := range v.keys {
		if best == "" || v.count[k] > v.count[best] {
			best = k
		}
	}
	s, ok := v.shapes[best]
	return s, ok
}

// shapeKey is a shape's identity, where it is stated left out.
func shapeKey(s Shape) string {
	keys := make([]string, 0, len(s.Types))
	for k, t := range s.Types {
		keys = append(keys, k+":"+t)
	}
	slices.Sort(keys)
	return fmt.Sprintf("%s|%s|%s|%s|%s|%s|%s|%s", s.Envelope, s.Code, s.Message, s.Details, s.RequestID, s.Status,
		strings.Join(s.Required, ","), strings.Join(keys, ","))
}
