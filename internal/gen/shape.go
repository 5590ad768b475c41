package gen

// The generated Error type follows the configured body shape
// (catalog.Shape): its keys as json tags, a problem's members as fields,
// an envelope as a wrapper type.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/apierrlint/apierrlint/catalog"
)

// body is what the template writes of the shape.
type body struct {
	Example                                       string // the body, in Error's comment
	Envelope                                      string
	Status                                        string // the status member's key
	CodeTag, MessageTag, DetailsTag, RequestIDTag string
	Extra                                         []field
	StatusField, TitleField                       string // Go fields WriteError fills in
}

// field is an extra field of Error: a key of the shape without a role.
type field struct {
	Name, Type, Tag string
	Doc             []string
}

// Wrap is the value sent for the error e (ptr: a pointer to it): under the
// envelope when there is one.
func (b *body) Wrap(ptr, val string) string {
	if b.Envelope != "" {
		return "envelope{" + ptr + "}"
	}
	return val
}

// Error's own names: a field named so would not compile.
var taken = map[string]bool{"Code": true, "Message": true, "Details": true, "RequestID": true, "Error": true, "Status": true, "WithDetails": true, "WithRetryAfter": true}

func newBody(s catalog.Shape) (*body, error) {
	if p := s.Problems(); len(p) > 0 {
		return nil, fmt.Errorf("shape: %s", p[0])
	}
	tag := func(key string) string {
		switch {
		case key == "":
			return "-"
		case s.IsRequired(key):
			return key
		}
		return key + ",omitempty"
	}
	b := &body{
		Envelope:     s.Envelope,
		Status:       s.Status,
		CodeTag:      tag(s.Code),
		MessageTag:   tag(s.Message),
		DetailsTag:   tag(s.Details),
		RequestIDTag: tag(s.RequestID),
	}
	for _, k := range s.KeyList() {
		switch k {
		case s.Code, s.Message, s.Details, s.RequestID:
			continue
		}
		f := field{Name: goName(k), Tag: tag(k)}
		if taken[f.Name] || f.Name == "" {
			f.Name = "Field" + f.Name
		}
		switch s.Types[k] {
		case "string":
			f.Type = "string"
		case "integer":
			f.Type = "int"
		case "number":
			f.Type = "float64"
		case "boolean":
			f.Type = "bool"
		default:
			f.Type = "any"
		}
		switch {
		case k == s.Status:
			f.Name, f.Type, f.Tag = "HTTPStatus", "int", k
			f.Doc = wrap("HTTPStatus repeats the response's status; [WriteError] sets it.", commentWidth)
			b.StatusField = f.Name
		case k == "title" && f.Type == "string" && s.Preset == catalog.PresetProblem:
			f.Doc = wrap("Title summarises the problem; [WriteError] sets the status's text when it is empty.", commentWidth)
			b.TitleField = f.Name
		default:
			doc := fmt.Sprintf("%s is the body's %q.", f.Name, k)
			if !s.IsRequired(k) {
				doc += " Omitted when empty."
			}
			f.Doc = wrap(doc, commentWidth)
		}
		b.Extra = append(b.Extra, f)
	}
	b.Example = "{" + strings.Join(s.ExampleFields("NOT_FOUND"), ", ") + "}"
	if b.Envelope != "" {
		b.Example = "{" + strconv.Quote(b.Envelope) + ": " + b.Example + "}"
	}
	return b, nil
}

// goName is a JSON key as an exported Go name: instance -> Instance,
// error_type -> ErrorType.
func goName(key string) string {
	var sb strings.Builder
	up := true
	for _, r := range key {
		switch {
		case r == '_' || r == '-' || r == ' ' || r == '.':
			up = true
		case unicode.IsLetter(r) || unicode.IsDigit(r) && sb.Len() > 0:
			if up {
				r = unicode.ToUpper(r)
				up = false
			}
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
