package settings

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"

	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/textdist"
)

// ShapeSetting is the shape setting: the documented error body, which
// wins over the catalog's response-format block (docs/configuration.md).
//
//	shape:
//	  preset: problem     # document (default) | problem | envelope
//	  code: code          # the key of the code; also message, details, request-id
//	  envelope: error     # {"error": {...}}; empty for a flat body
//	  required: [title, status, code]
//
// A key setting renames that part of the preset's body; an empty one
// (message: "") drops the part. Required replaces the preset's required
// keys.
type ShapeSetting struct {
	Preset    string   `json:"preset"`
	Code      *string  `json:"code"`
	Message   *string  `json:"message"`
	Details   *string  `json:"details"`
	RequestID *string  `json:"request-id"`
	Envelope  *string  `json:"envelope"`
	Required  []string `json:"required"`
}

// shapeKeys are the keys of the shape setting, in documentation order.
var shapeKeys = []string{"preset", "code", "message", "details", "request-id", "envelope", "required"}

// checkShapeSetting checks the types of the shape setting's values.
func checkShapeSetting(raw json.RawMessage) error {
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return settingsError("shape: want a mapping (%s), got %s", strings.Join(shapeKeys, ", "), describe(raw))
	}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		switch k {
		case "required":
			if err := checkList("shape.required", m[k], "a list of keys such as [title, status, code]", func(name string, elem json.RawMessage) error {
				if json.Unmarshal(elem, new(string)) != nil {
					return settingsError("shape.required: want a key (a string), got %s", describe(elem))
				}
				return nil
			}); err != nil {
				return err
			}
		case "preset", "code", "message", "details", "request-id", "envelope":
			if json.Unmarshal(m[k], new(string)) != nil {
				return settingsError("shape.%s: want a JSON key (a string), got %s", k, describe(m[k]))
			}
		default:
			msg := fmt.Sprintf("shape: unknown key %q", k)
			if s := textdist.Nearest(k, shapeKeys); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return settingsError("%s; the keys are %s", msg, strings.Join(shapeKeys, ", "))
		}
	}
	return nil
}

// Shape builds the shape the setting describes; a shape that contradicts
// itself is an error naming the setting (shape.required: ...).
func (ss ShapeSetting) Shape() (catalog.Shape, error) {
	s, ok := catalog.PresetShape(ss.Preset)
	if !ok {
		msg := fmt.Sprintf("shape.preset: unknown preset %q", ss.Preset)
		if near := textdist.Nearest(ss.Preset, catalog.Presets); near != "" {
			msg += fmt.Sprintf(" (did you mean %q?)", near)
		}
		return s, settingsError("%s; the presets are %s", msg, strings.Join(catalog.Presets, ", "))
	}
	if ss.Envelope != nil {
		switch env := *ss.Envelope; {
		case s.Preset == catalog.PresetProblem && env != "":
			return s, settingsError("shape.envelope: a problem body (RFC 9457) is the response's top-level object; leave envelope out, or use preset envelope for {%q: {...}}", env)
		case s.Preset == catalog.PresetEnvelope && env == "":
			return s, settingsError("shape.envelope: preset envelope nests the body under a key; give one (default %q), or use preset document for a flat body", catalog.DefaultEnvelope)
		case env != "":
			s.Envelope, s.Preset = env, catalog.PresetEnvelope
		}
	}
	for _, r := range []struct {
		name string
		key  *string
		role func(catalog.Shape) string
	}{
		{"code", ss.Code, func(s catalog.Shape) string { return s.Code }},
		{"message", ss.Message, func(s catalog.Shape) string { return s.Message }},
		{"details", ss.Details, func(s catalog.Shape) string { return s.Details }},
		{"request-id", ss.RequestID, func(s catalog.Shape) string { return s.RequestID }},
	} {
		if r.key == nil {
			continue
		}
		key := *r.key
		if key == "" && r.name == "code" {
			return s, settingsError("shape.code: the code key is empty; name the key that carries the error code")
		}
		if key != "" && key != r.role(s) {
			for _, other := range s.Roles() {
				if other[1] == key {
					return s, settingsError("shape.%s: %q is the %s key of the shape already; two parts of the body cannot share a key", r.name, key, other[0])
				}
			}
		}
		old := r.role(s)
		if old == "" && key != "" {
			return s, settingsError("shape.%s: preset %s has no %s part to name", r.name, s.Preset, r.name)
		}
		s = s.Rename(old, key)
	}
	if ss.Required != nil {
		keys := s.KeyList()
		s.Required = []string{}
		for _, k := range ss.Required {
			if !slices.Contains(keys, k) {
				return s, settingsError("shape.required: %q is not a key of the shape (%s)", k, strings.Join(keys, ", "))
			}
			if !slices.Contains(s.Required, k) {
				s.Required = append(s.Required, k)
			}
		}
	}
	if p := s.Problems(); len(p) > 0 {
		return s, settingsError("shape.%s", p[0])
	}
	return s, nil
}
