package catalog

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
)

// Shape is the documented error body: which key carries the code, the
// message, the details and the request id, which keys a body must have,
// what JSON type each key holds, and whether the body nests under an
// envelope key ({"error": {...}}).
//
// It comes from the document (a Markdown catalog's response-format JSON
// block, an OpenAPI document's error-response schemas) or from the
// configuration (`shape:` in .apierrlint.yml), which wins. The zero Shape
// is not valid; [DocumentShape] is the default.
type Shape struct {
	// Preset names where the shape comes from: "document" (the seed's
	// keys), "problem" (RFC 9457) or "envelope" (the document's keys
	// under Envelope); "" for a shape read from a document or schema.
	Preset string
	// Envelope is the key the body's object nests under; "" for a flat
	// body.
	Envelope string
	// Code, Message, Details and RequestID are the keys of those parts;
	// "" when the shape has no such part.
	Code, Message, Details, RequestID string
	// Status is the key that repeats the HTTP status as a JSON number (a
	// problem body's "status"); "" when there is none.
	Status string
	// Required are the keys a body must have (inside the envelope).
	Required []string
	// Types are the JSON types of the keys the shape knows: "string",
	// "number", "integer", "boolean", "object", "array". A key without
	// an entry may hold anything.
	Types map[string]string
	// Keys are the body's keys (inside the envelope) in the order the
	// document or preset lists them, for messages and for apierrlint gen;
	// nil: the keys named above, in the order of [Shape.KeyList].
	Keys []string
	// File and Line say where the shape was stated (0: unknown), for
	// errors and messages.
	File string
	Line int
}

// The presets of the shape: setting.
const (
	PresetDocument = "document"
	PresetProblem  = "problem"
	PresetEnvelope = "envelope"
)

// Presets are the names the shape: setting's preset accepts.
var Presets = []string{PresetDocument, PresetProblem, PresetEnvelope}

// DefaultEnvelope is the envelope key of the envelope preset when none is
// given.
const DefaultEnvelope = "error"

// DocumentShape is the shape of the seed document:
// {"code", "message", "details", "request_id"}, code and message
// required, details an object, request_id a string.
func DocumentShape() Shape {
	return Shape{
		Preset:    PresetDocument,
		Code:      "code",
		Message:   "message",
		Details:   "details",
		RequestID: "request_id",
		Required:  []string{"code", "message"},
		Types:     map[string]string{"code": "string", "message": "string", "details": "object", "request_id": "string"},
		Keys:      []string{"code", "message", "details", "request_id"},
	}
}

// ProblemShape is an RFC 9457 problem details object: the members type,
// title, status, detail and instance, the code in the extension member
// code. title, status and code are required; detail plays the message's
// part and status repeats the HTTP status.
func ProblemShape() Shape {
	return Shape{
		Preset:   PresetProblem,
		Code:     "code",
		Message:  "detail",
		Status:   "status",
		Required: []string{"title", "status", "code"},
		Types: map[string]string{
			"type": "string", "title": "string", "status": "integer",
			"detail": "string", "instance": "string", "code": "string",
		},
		Keys: []string{"type", "title", "status", "detail", "instance", "code"},
	}
}

// EnvelopeShape is [DocumentShape] nested under key: {"error": {"code",
// "message", "details", "request_id"}}.
func EnvelopeShape(key string) Shape {
	s := DocumentShape()
	s.Preset, s.Envelope = PresetEnvelope, key
	return s
}

// PresetShape returns the shape a preset names; false for an unknown
// preset. The envelope preset nests under [DefaultEnvelope].
func PresetShape(preset string) (Shape, bool) {
	switch preset {
	case PresetDocument, "":
		return DocumentShape(), true
	case PresetProblem:
		return ProblemShape(), true
	case PresetEnvelope:
		return EnvelopeShape(DefaultEnvelope), true
	}
	return Shape{}, false
}

// KeyList returns the body's keys (inside the envelope): Keys when set,
// else the keys of the roles, the required keys and the typed keys (these
// sorted), each once.
func (s Shape) KeyList() []string {
	if s.Keys != nil {
		return slices.Clone(s.Keys)
	}
	var out []string
	add := func(k string) {
		if k != "" && !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	for _, k := range []string{s.Code, s.Message, s.Status, s.Details, s.RequestID} {
		add(k)
	}
	for _, k := range s.Required {
		add(k)
	}
	typed := make([]string, 0, len(s.Types))
	for k := range s.Types {
		typed = append(typed, k)
	}
	slices.Sort(typed)
	for _, k := range typed {
		add(k)
	}
	return out
}

// Equal reports whether s and o describe the same body, wherever they
// were stated (Preset, File and Line aside).
func (s Shape) Equal(o Shape) bool {
	plain := func(s Shape) Shape {
		s.Preset, s.File, s.Line = "", "", 0
		s.Keys = s.KeyList()
		if len(s.Types) == 0 {
			s.Types = nil
		}
		if len(s.Required) == 0 {
			s.Required = nil
		}
		return s
	}
	return reflect.DeepEqual(plain(s), plain(o))
}

// IsRequired reports whether a body must have key.
func (s Shape) IsRequired(key string) bool { return slices.Contains(s.Required, key) }

// Describe is the body as messages show it: {"code", "message",
// "details", "request_id"}, or {"error": {...}} with an envelope.
func (s Shape) Describe() string {
	return s.wrap(quoteKeys(s.KeyList(), false))
}

// Brief is the body in short, as raw-http-error's messages suggest it:
// the required keys and the message, in key order, and "...":
// {"code", "message", ...}.
func (s Shape) Brief() string {
	var keys []string
	for _, k := range s.KeyList() {
		if s.IsRequired(k) || k == s.Message {
			keys = append(keys, k)
		}
	}
	return s.wrap(quoteKeys(keys, true))
}

func (s Shape) wrap(inner string) string {
	if s.Envelope == "" {
		return inner
	}
	return "{" + strconv.Quote(s.Envelope) + ": " + inner + "}"
}

func quoteKeys(keys []string, more bool) string {
	q := make([]string, 0, len(keys)+1)
	for _, k := range keys {
		q = append(q, strconv.Quote(k))
	}
	if more {
		q = append(q, "...")
	}
	return "{" + strings.Join(q, ", ") + "}"
}

// ExampleFields are the body's members as an example shows them, in key
// order: `"code": "NOT_FOUND"` (code is the code's example), the status
// member 404, `"..."` for a string, {...} and [...] for an object and a
// list (placeholders that the response-format block reads), 0, false, and
// null for a key of no known type.
func (s Shape) ExampleFields(code string) []string {
	var out []string
	for _, k := range s.KeyList() {
		v := "null"
		switch {
		case k == s.Code:
			v = strconv.Quote(code)
		case k == s.Status:
			v = "404"
		default:
			switch s.Types[k] {
			case "string":
				v = `"..."`
			case "object":
				v = "{...}"
			case "array":
				v = "[...]"
			case "number", "integer":
				v = "0"
			case "boolean":
				v = "false"
			}
		}
		out = append(out, strconv.Quote(k)+": "+v)
	}
	return out
}

// Roles returns the role of each key the shape names a role for, in the
// order code, message, status, details, request id: "code", "message",
// "status", "details", "request-id" (the names of the shape: setting).
func (s Shape) Roles() [][2]string {
	var out [][2]string
	for _, r := range [...]struct{ role, key string }{
		{"code", s.Code}, {"message", s.Message}, {"status", s.Status},
		{"details", s.Details}, {"request-id", s.RequestID},
	} {
		if r.key != "" {
			out = append(out, [2]string{r.role, r.key})
		}
	}
	return out
}

// Problems lists what makes the shape contradict itself: no code key, two
// roles on one key, a required or typed key the shape does not list, an
// unknown JSON type. Each problem starts with the shape: setting it is
// about ("code", "required", ...). nil for a sound shape.
func (s Shape) Problems() []string {
	var out []string
	if s.Code == "" {
		out = append(out, "code: the shape has no code key")
	}
	seen := map[string]string{}
	for _, r := range s.Roles() {
		if prev, dup := seen[r[1]]; dup {
			out = append(out, fmt.Sprintf("%s: %q is the %s key already; two parts of the body cannot share a key", r[0], r[1], prev))
			continue
		}
		seen[r[1]] = r[0]
	}
	keys := s.KeyList()
	for _, k := range s.Required {
		if !slices.Contains(keys, k) {
			out = append(out, fmt.Sprintf("required: %q is not a key of the shape (%s)", k, strings.Join(keys, ", ")))
		}
	}
	if s.Envelope != "" && slices.Contains(keys, s.Envelope) {
		out = append(out, fmt.Sprintf("envelope: %q is also a key inside the envelope", s.Envelope))
	}
	typed := make([]string, 0, len(s.Types))
	for k := range s.Types {
		typed = append(typed, k)
	}
	slices.Sort(typed)
	for _, k := range typed {
		switch s.Types[k] {
		case "string", "number", "integer", "boolean", "object", "array":
		default:
			out = append(out, fmt.Sprintf("types: %q has the unknown JSON type %q", k, s.Types[k]))
		}
	}
	return out
}

// Rename returns the shape with the key from renamed to to in every role,
// the required keys, the types and the key list.
func (s Shape) Rename(from, to string) Shape {
	if from == to || from == "" {
		return s
	}
	ren := func(k string) string {
		if k == from {
			return to
		}
		return k
	}
	s.Code, s.Message, s.Details, s.RequestID, s.Status = ren(s.Code), ren(s.Message), ren(s.Details), ren(s.RequestID), ren(s.Status)
	s.Required = renameAll(s.Required, from, to)
	s.Keys = renameAll(s.Keys, from, to)
	if s.Types != nil {
		types := make(map[string]string, len(s.Types))
		for k, v := range s.Types {
			if k != from {
				types[k] = v
			}
		}
		if v, ok := s.Types[from]; ok && to != "" {
			types[to] = v
		}
		s.Types = types
	}
	return s
}

// renameAll renames from to to in a list, dropping it when to is "".
func renameAll(list []string, from, to string) []string {
	if list == nil {
		return nil
	}
	out := make([]string, 0, len(list))
	for _, k := range list {
		switch {
		case k != from:
			out = append(out, k)
		case to != "" && !slices.Contains(list, to):
			out = append(out, to)
		}
	}
	return out
}
