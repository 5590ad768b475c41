package analyzer

// The documented error body's shape, as the analysis reads it: which keys
// carry the code, the message and the details, which are required, what
// each holds, and the envelope the body nests under. It is data
// (catalog.Shape): the configuration's shape: setting, else the catalog's
// response-format block, else the seed's {"code", "message", "details",
// "request_id"}; Config.settings resolves which, once.

import (
	"strconv"
	"strings"

	"github.com/apierrlint/apierrlint/catalog"
)

// bodyShape is a catalog.Shape with what the messages show of it.
type bodyShape struct {
	catalog.Shape
	keys  []string // the keys inside the envelope, in order
	desc  string   // {"code", "message", "details", "request_id"}
	brief string   // {"code", "message", ...}
	// second: the shape has a key besides the code that makes an object an
	// error body (isSecond); without one, the code alone does.
	second bool
}

func newBodyShape(s catalog.Shape) bodyShape {
	b := bodyShape{Shape: s, keys: s.KeyList(), desc: s.Describe(), brief: s.Brief()}
	b.second = s.Message != ""
	for _, r := range s.Required {
		b.second = b.second || r != s.Code
	}
	return b
}

// isBody reports whether an object with the code (hasCode) and, or not, a
// second key (hasSecond) is an error body by its keys.
func (b *bodyShape) isBody(hasCode, hasSecond bool) bool {
	return hasCode && (hasSecond || !b.second)
}

// Keys are matched as encoding/json matches a client's struct fields to
// them, and as map literals' keys have always been read: up to case.
func (b *bodyShape) isCode(k string) bool { return strings.EqualFold(k, b.Code) }
func (b *bodyShape) isDetails(k string) bool {
	return b.Details != "" && strings.EqualFold(k, b.Details)
}
func (b *bodyShape) isEnvelope(k string) bool {
	return b.Envelope != "" && strings.EqualFold(k, b.Envelope)
}

// isStatus: the key of a body's own status, the shape's status member or
// the conventional "status".
func (b *bodyShape) isStatus(k string) bool {
	return strings.EqualFold(k, "status") || b.Status != "" && strings.EqualFold(k, b.Status)
}

// isSecond reports whether k, with the code, makes an object an error
// body: the message, or another required key (a problem's title or
// status).
func (b *bodyShape) isSecond(k string) bool {
	if b.Message != "" && strings.EqualFold(k, b.Message) {
		return true
	}
	for _, r := range b.Required {
		if !strings.EqualFold(r, b.Code) && strings.EqualFold(k, r) {
			return true
		}
	}
	return false
}

// wantKind is the JSON kind the shape says key holds (jsonUnknown: any).
func (b *bodyShape) wantKind(key string) jsonKind {
	switch b.Types[key] {
	case "string":
		return jsonString
	case "number", "integer":
		return jsonNumber
	case "boolean":
		return jsonBool
	case "object":
		return jsonObject
	case "array":
		return jsonArray
	}
	return jsonUnknown
}

// problems lists what is wrong with an error body of shape s (none when it
// is right or not known): not an object, no envelope, a required key
// missing (exact keys), a key of the wrong JSON type (null is fine for an
// optional key).
func (b *bodyShape) problems(s *shape) []string {
	if s.kind != jsonObject {
		if s.kind == jsonUnknown {
			return nil
		}
		return []string{"not an object"}
	}
	if b.Envelope == "" {
		return b.flatProblems(s)
	}
	k, ok := s.keys[b.Envelope]
	switch {
	case !ok && s.all:
		return []string{"no " + strconv.Quote(b.Envelope) + " key"}
	case !ok, k == jsonUnknown:
		return nil
	case k != jsonObject:
		return []string{strconv.Quote(b.Envelope) + " is " + k.String() + ", not an object"}
	}
	inner := s.sub(b.Envelope)
	if inner == nil {
		return nil
	}
	var out []string
	for _, p := range b.flatProblems(inner) {
		out = append(out, "in "+strconv.Quote(b.Envelope)+": "+p)
	}
	return out
}

func (b *bodyShape) flatProblems(s *shape) []string {
	var out []string
	if s.all {
		var missing []string
		for _, k := range b.Required {
			if _, ok := s.keys[k]; !ok {
				missing = append(missing, "no "+strconv.Quote(k))
			}
		}
		if n := len(missing); n > 0 {
			list := missing[n-1]
			if n > 1 {
				list = strings.Join(missing[:n-1], ", ") + " and " + missing[n-1]
			}
			out = append(out, list+" key")
		}
	}
	for _, key := range b.keys {
		want := b.wantKind(key)
		got, ok := s.keys[key]
		if want == jsonUnknown || !ok || got == jsonUnknown || got == want || got == jsonNull && !b.IsRequired(key) {
			continue
		}
		out = append(out, strconv.Quote(key)+" is "+got.String()+", not "+want.String())
	}
	return out
}
