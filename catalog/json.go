package catalog

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// ParseJSON parses a catalog written as JSON. name is used in errors and
// as the catalog's [Catalog.Source].
//
// The document is either a list of entries or an object whose only field
// "codes" holds that list:
//
//	[{"code": "NOT_FOUND", "status": 404, "description": "Resource not found", "resolution": "Verify resource ID exists"}]
//	{"codes": [{"code": "NOT_FOUND", "status": 404}]}
//
// "code" (a string) and "status" (an integer) are required;
// "description" and "resolution" (strings, or null) are optional and
// become the entry's [Entry.Description] and [Entry.Resolution]. Any other
// field is an error, as is a field given twice.
func ParseJSON(name string, data []byte) (*Catalog, error) {
	p := &jsonParser{
		name:  name,
		data:  data,
		index: newLineIndex(data),
		dec:   json.NewDecoder(bytes.NewReader(data)),
	}
	p.dec.UseNumber()
	entries, err := p.document()
	if err != nil {
		return nil, err
	}
	return New(name, entries)
}

// jsonParser reads a catalog from a stream of JSON tokens, so that it
// knows the offset, and thus the line, of every value.
type jsonParser struct {
	name  string
	data  []byte
	index lineIndex
	dec   *json.Decoder
}

// errorf returns an *Error at the line of byte offset off.
func (p *jsonParser) errorf(off int, format string, args ...any) error {
	return &Error{File: p.name, Line: p.index.line(off), Msg: fmt.Sprintf(format, args...)}
}

// token returns the next token and the offset of its last byte. It turns
// syntax errors into *Error values naming the line.
func (p *jsonParser) token() (json.Token, int, error) {
	tok, err := p.dec.Token()
	if err != nil {
		return nil, 0, p.syntaxError(err)
	}
	return tok, max(int(p.dec.InputOffset())-1, 0), nil
}

// syntaxError converts an error of json.Decoder.Token to an *Error.
//
// The offsets in the syntax errors of Decoder.Token are not reliable
// (some are relative to the start of the current value), so the whole
// document is checked again with json.Unmarshal, whose syntax errors
// report the offset just past the offending byte.
func (p *jsonParser) syntaxError(err error) error {
	var se *json.SyntaxError
	if verr := json.Unmarshal(p.data, new(json.RawMessage)); errors.As(verr, &se) {
		return p.errorf(max(int(se.Offset)-1, 0), "invalid JSON: %s", se.Error())
	}
	if err == io.EOF || errors.Is(err, io.ErrUnexpectedEOF) {
		return p.errorf(max(len(p.data)-1, 0), "invalid JSON: unexpected end of JSON input")
	}
	return p.errorf(max(int(p.dec.InputOffset())-1, 0), "invalid JSON: %v", err)
}

// document reads the whole document and returns its entries.
func (p *jsonParser) document() ([]Entry, error) {
	if len(bytes.TrimSpace(p.data)) == 0 {
		return nil, &Error{File: p.name, Msg: "empty document"}
	}
	tok, off, err := p.token()
	if err != nil {
		return nil, err
	}
	var entries []Entry
	switch tok {
	case json.Delim('['):
		if entries, err = p.list(); err != nil {
			return nil, err
		}
	case json.Delim('{'):
		seen := false
		for p.dec.More() {
			key, koff, err := p.token()
			if err != nil {
				return nil, err
			}
			if key != "codes" {
				return nil, p.errorf(koff, "unknown field %q (want \"codes\")", key)
			}
			if seen {
				return nil, p.errorf(koff, "field \"codes\" given twice")
			}
			seen = true
			tok, voff, err := p.token()
			if err != nil {
				return nil, err
			}
			if tok != json.Delim('[') {
				return nil, p.errorf(voff, "field \"codes\" must be a list, got %s", jsonKind(tok))
			}
			if entries, err = p.list(); err != nil {
				return nil, err
			}
		}
		if _, _, err := p.token(); err != nil { // '}'
			return nil, err
		}
		if !seen {
			return nil, p.errorf(off, "missing field \"codes\"")
		}
	default:
		return nil, p.errorf(off, "want a list of codes or an object with a \"codes\" field, got %s", jsonKind(tok))
	}
	if _, err := p.dec.Token(); err != io.EOF {
		if err == nil {
			err = errors.New("unexpected data after the top-level value")
		}
		return nil, p.syntaxError(err)
	}
	return entries, nil
}

// list reads the entries of a list whose '[' has been read, and its ']'.
func (p *jsonParser) list() ([]Entry, error) {
	entries := []Entry{}
	for p.dec.More() {
		e, err := p.entry()
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	if _, _, err := p.token(); err != nil { // ']'
		return nil, err
	}
	return entries, nil
}

// entry reads one entry object. Its Line is the line of its code.
func (p *jsonParser) entry() (Entry, error) {
	tok, off, err := p.token()
	if err != nil {
		return Entry{}, err
	}
	if tok != json.Delim('{') {
		return Entry{}, p.errorf(off, "entry must be an object with \"code\" and \"status\", got %s", jsonKind(tok))
	}
	var (
		e                  Entry
		hasCode, hasStatus bool
		seen               = map[string]bool{}
	)
	for p.dec.More() {
		key, koff, err := p.token()
		if err != nil {
			return Entry{}, err
		}
		k, _ := key.(string)
		if seen[k] {
			return Entry{}, p.errorf(koff, "field %q given twice", k)
		}
		seen[k] = true
		val, voff, err := p.token()
		if err != nil {
			return Entry{}, err
		}
		switch k {
		case "code":
			s, ok := val.(string)
			if !ok {
				return Entry{}, p.errorf(voff, "field \"code\" must be a string, got %s", jsonKind(val))
			}
			e.Code, e.Line, hasCode = s, p.index.line(voff), true
		case "status":
			n, ok := val.(json.Number)
			if !ok {
				return Entry{}, p.errorf(voff, "field \"status\" must be an integer, got %s", jsonKind(val))
			}
			i, err := strconv.Atoi(string(n))
			if err != nil {
				return Entry{}, p.errorf(voff, "field \"status\" must be an integer, got %s", n)
			}
			e.Status, hasStatus = i, true
		case "description", "resolution":
			s, ok := val.(string)
			if !ok && val != nil {
				return Entry{}, p.errorf(voff, "field %q must be a string, got %s", k, jsonKind(val))
			}
			if k == "description" {
				e.Description = s
			} else {
				e.Resolution = s
			}
		default:
			return Entry{}, p.errorf(koff, "unknown field %q in entry (want %s)", k, entryFields)
		}
	}
	if _, _, err := p.token(); err != nil { // '}'
		return Entry{}, err
	}
	switch {
	case !hasCode:
		return Entry{}, p.errorf(off, "entry has no \"code\" field")
	case !hasStatus:
		return Entry{}, p.errorf(off, "entry for code %s has no \"status\" field", e.Code)
	}
	return e, nil
}

// entryFields lists the fields of an entry, in messages.
const entryFields = `"code", "status", "description", "resolution"`

// jsonKind describes a JSON token for error messages.
func jsonKind(tok json.Token) string {
	switch v := tok.(type) {
	case json.Delim:
		if v == '{' {
			return "an object"
		}
		if v == '[' {
			return "a list"
		}
		return "end of " + string(v)
	case string:
		return fmt.Sprintf("string %q", v)
	case json.Number:
		return "number " + v.String()
	case bool:
		return strconv.FormatBool(v)
	case nil:
		return "null"
	}
	return fmt.Sprintf("%v", tok)
}
