package catalog

// The response-format block of a Markdown catalog: the JSON object before
// the code tables that shows what every error body looks like. It states
// the shape (see [Shape]); see docs/catalog.md.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode"
)

// shapeBlock is the response-format block found in a document: its JSON
// text (placeholders in) and the document's line of its first line.
type shapeBlock struct {
	text string
	line int
	// meant: the prose before the block says it is the errors' format
	// (meantAsFormat), so a block that does not state a shape is an error
	// rather than an example of something else.
	meant bool
}

// meantAsFormat reports whether the prose before a JSON block introduces
// the error body's format: it speaks of errors and of their format,
// structure, shape, body or response ("All API errors return a consistent
// JSON structure", "Error Response Format").
func meantAsFormat(prose string) bool {
	p := strings.ToLower(prose)
	if !strings.Contains(p, "error") {
		return false
	}
	for _, w := range []string{"format", "structure", "shape", "body", "response", "object"} {
		if strings.Contains(p, w) {
			return true
		}
	}
	return false
}

// jsonObjectLines returns the lines of the first JSON object among lines:
// from the first line that starts with '{' to the line that closes it
// (braces inside strings do not count), and the index of its first line;
// -1 when no line starts with '{'. An object that is never closed runs to
// the last line.
func jsonObjectLines(lines []string) (obj []string, first int) {
	first = -1
	depth := 0
	for i, l := range lines {
		if first < 0 {
			if !strings.HasPrefix(strings.TrimSpace(l), "{") {
				continue
			}
			first = i
		}
		obj = append(obj, l)
		depth += braceDepth(l)
		if depth <= 0 {
			break
		}
	}
	return obj, first
}

// braceDepth is the change of nesting depth over one line of JSON.
func braceDepth(line string) int {
	d, inStr, esc := 0, false, false
	for _, r := range line {
		switch {
		case esc:
			esc = false
		case inStr && r == '\\':
			esc = true
		case r == '"':
			inStr = !inStr
		case inStr:
		case r == '{' || r == '[':
			d++
		case r == '}' || r == ']':
			d--
		}
	}
	return d
}

var (
	// { ... } and [ ... ]: an object or list the example leaves out.
	placeholderObj  = regexp.MustCompile(`\{[ \t]*(\.\.\.|…)?[ \t]*\}`)
	placeholderList = regexp.MustCompile(`\[[ \t]*(\.\.\.|…)?[ \t]*\]`)
	// A line that is only "..." (more keys): dropped, its line kept.
	ellipsisLine = regexp.MustCompile(`(?m)^[ \t]*(\.\.\.|…),?[ \t]*$`)
	// A comma before a closing brace, left by a dropped "..." line.
	trailingComma = regexp.MustCompile(`,(\s*[}\]])`)
)

// Key names by role, normalised (lower case, no '_', '-' or spaces), in
// order of preference.
var (
	codeKeyNames      = []string{"code", "errorcode", "errcode"}
	messageKeyNames   = []string{"message", "msg", "errormessage", "errmsg", "detail", "error", "description"}
	detailsKeyNames   = []string{"details", "errors", "fields", "fielderrors", "validationerrors"}
	requestIDKeyNames = []string{"requestid", "traceid", "correlationid", "reqid"}
	statusKeyNames    = []string{"status", "statuscode", "httpstatus"}
)

func normKey(k string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r == '-' || unicode.IsSpace(r) {
			return -1
		}
		return unicode.ToLower(r)
	}, k)
}

// roleKey returns the first of keys whose name is one of names (by
// preference of names) and whose value passes ok; "".
func roleKey(keys []string, names []string, ok func(k string) bool) string {
	for _, n := range names {
		for _, k := range keys {
			if normKey(k) == n && ok(k) {
				return k
			}
		}
	}
	return ""
}

// parseShapeBlock reads the shape that a response-format block states.
// prose is the text of the document around the block (before the code
// tables), lower-cased by the caller or not. The error says what is wrong
// at which line of the document.
//
// The rules (docs/catalog.md):
//   - { ... } and [ ... ] stand for an object and a list, a line of "..."
//     for more keys.
//   - The roles come from the key names: code (code, error_code,
//     errorCode, errcode), message (message, msg, error_message, detail,
//     error, description), details (details, errors, fields,
//     field_errors), request id (request_id, requestId, trace_id,
//     correlation_id) and status (status, status_code, http_status, when
//     its value is a number).
//   - A top level of one key whose value is an object with a code key is
//     an envelope.
//   - Every key is required, except those the block or the prose says are
//     optional: a string value that contains "optional"
//     ("optional-request-id"), or prose before the code tables that says
//     "optional KEY", "KEY (optional)", "KEY is optional" or "KEY are
//     optional".
//   - The types are those of the example values; null says nothing.
//
// A block that states no shape is an error only where the prose before it
// introduces the errors' format (shapeBlock.meant); elsewhere it is an
// example of something else and ParseMarkdown ignores it.
func parseShapeBlock(file string, b shapeBlock, prose string) (Shape, *Error) {
	fail := func(line int, format string, args ...any) (Shape, *Error) {
		return Shape{}, &Error{File: file, Line: line, Msg: "error response format: " + fmt.Sprintf(format, args...)}
	}
	text := ellipsisLine.ReplaceAllString(b.text, "")
	text = placeholderObj.ReplaceAllString(text, "{}")
	text = placeholderList.ReplaceAllString(text, "[]")
	text = trailingComma.ReplaceAllString(text, "$1")
	var top map[string]json.RawMessage
	if err := json.Unmarshal([]byte(text), &top); err != nil {
		line := b.line
		var se *json.SyntaxError
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &se):
			line += bytes.Count([]byte(text[:min(int(se.Offset), len(text))]), []byte("\n"))
			return fail(line, "the JSON block is not valid JSON: %v; write the error body as JSON ({ ... } may stand for an object)", se)
		case errors.As(err, &te):
			return fail(line, "the JSON block is not an object; write the error body as a JSON object")
		}
		return fail(line, "the JSON block is not valid JSON: %v", err)
	}
	keys := ObjectKeys(text)
	s := Shape{File: file, Line: b.line}
	obj := top
	isObject := func(raw json.RawMessage) bool {
		t := bytes.TrimSpace(raw)
		return len(t) > 0 && t[0] == '{'
	}
	anyKey := func(string) bool { return true }
	if len(keys) == 1 && isObject(top[keys[0]]) {
		var inner map[string]json.RawMessage
		if json.Unmarshal(top[keys[0]], &inner) == nil {
			innerKeys := ObjectKeys(string(top[keys[0]]))
			if roleKey(innerKeys, codeKeyNames, anyKey) != "" {
				s.Envelope, obj, keys = keys[0], inner, innerKeys
			}
		}
	}
	s.Code = roleKey(keys, codeKeyNames, anyKey)
	if s.Code == "" {
		return fail(b.line, "the JSON block has no code key (code, error_code, errorCode); name the key that carries the error code so")
	}
	isNumber := func(k string) bool {
		t := bytes.TrimSpace(obj[k])
		return len(t) > 0 && (t[0] == '-' || '0' <= t[0] && t[0] <= '9')
	}
	s.Message = roleKey(keys, messageKeyNames, anyKey)
	s.Details = roleKey(keys, detailsKeyNames, anyKey)
	s.RequestID = roleKey(keys, requestIDKeyNames, anyKey)
	s.Status = roleKey(keys, statusKeyNames, isNumber)
	s.Keys = keys
	s.Types = map[string]string{}
	for _, k := range keys {
		var v any
		_ = json.Unmarshal(obj[k], &v)
		if t := jsonType(v); t != "" {
			s.Types[k] = t
		}
		if str, ok := v.(string); ok && strings.Contains(strings.ToLower(str), "optional") {
			continue
		}
		if proseOptional(prose, k) {
			continue
		}
		s.Required = append(s.Required, k)
	}
	if s.Required == nil {
		s.Required = []string{}
	}
	if p := s.Problems(); len(p) > 0 {
		return fail(b.line, "%s", strings.Join(p, "; "))
	}
	return s, nil
}

// ObjectKeys returns the keys of a JSON object text in the order of the
// text (as far as it is valid JSON); nil when it is not an object.
func ObjectKeys(text string) []string {
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return nil
	}
	var keys []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		k, ok := tok.(string)
		if !ok {
			break
		}
		keys = append(keys, k)
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			break
		}
	}
	return keys
}

// jsonType is the Shape type of an example value ("" for null).
func jsonType(v any) string {
	switch v := v.(type) {
	case map[string]any:
		return "object"
	case []any:
		return "array"
	case string:
		return "string"
	case bool:
		return "boolean"
	case float64:
		if v == float64(int64(v)) {
			return "integer"
		}
		return "number"
	}
	return ""
}

// proseOptional reports whether prose says key is optional: "optional
// KEY", "KEY (optional)", "KEY is optional", "KEY are optional" (case,
// backticks, quotes and emphasis ignored; KEY's underscores may be
// spaces).
func proseOptional(prose, key string) bool {
	p := strings.ToLower(prose)
	p = strings.NewReplacer("`", "", "\"", "", "*", "", "'", "").Replace(p)
	p = strings.Join(strings.Fields(p), " ")
	k := strings.ToLower(key)
	for _, form := range []string{k, strings.ReplaceAll(k, "_", " ")} {
		for _, pat := range []string{"optional " + form, form + " (optional)", form + " is optional", form + " are optional"} {
			for i := 0; ; {
				j := strings.Index(p[i:], pat)
				if j < 0 {
					break
				}
				j += i
				end := j + len(pat)
				// Whole words only: "optional details" is not "optional detailsx".
				if (j == 0 || !isWordByte(p[j-1])) && (end == len(p) || !isWordByte(p[end])) {
					return true
				}
				i = j + 1
			}
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z'
}
