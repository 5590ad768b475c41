package catalog

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// ParseYAML parses a catalog written as YAML. name is used in errors and
// as the catalog's [Catalog.Source].
//
// The document has the same shape as for [ParseJSON]: a list of entries,
// or a mapping whose only key "codes" holds that list:
//
//	codes:
//	  - code: NOT_FOUND
//	    status: 404
//	    description: Resource not found
//	    resolution: Verify resource ID exists
//
// "code" (a string) and "status" (an integer) are required;
// "description" and "resolution" (any scalar, taken as text) are optional
// and become the entry's [Entry.Description] and [Entry.Resolution]. Any
// other key is an error, as is a key given twice. Aliases are not
// supported, and the input must hold a single YAML document.
func ParseYAML(name string, data []byte) (*Catalog, error) {
	root, err := decodeYAML(name, data)
	if err != nil {
		return nil, err
	}
	p := yamlParser{name: name}
	entries, err := p.document(root)
	if err != nil {
		return nil, err
	}
	return New(name, entries)
}

// decodeYAML parses data into the root node of its single document.
func decodeYAML(name string, data []byte) (*yaml.Node, error) {
	doc, next, err := decodeYAMLDocs(data)
	switch {
	case err != nil:
		return nil, yamlError(name, data, err)
	case doc == nil || doc.Kind != yaml.DocumentNode || len(doc.Content) == 0:
		return nil, &Error{File: name, Msg: "empty document"}
	case next != nil:
		return nil, &Error{File: name, Line: next.Line, Msg: "more than one YAML document"}
	}
	return doc.Content[0], nil
}

// decodeYAMLDocs parses the first YAML document of data, and the start of
// the second one if there is one. A panic in the YAML parser is turned
// into an error: a catalog must never crash the linter.
func decodeYAMLDocs(data []byte) (doc, next *yaml.Node, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, next, err = nil, nil, fmt.Errorf("internal error in YAML parser: %v", r)
		}
	}()
	dec := yaml.NewDecoder(bytes.NewReader(data))
	doc = new(yaml.Node)
	if err := dec.Decode(doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, nil, nil
		}
		return nil, nil, err
	}
	next = new(yaml.Node)
	if err := dec.Decode(next); err != nil {
		if errors.Is(err, io.EOF) {
			return doc, nil, nil
		}
		return nil, nil, err
	}
	return doc, next, nil
}

var yamlLineRE = regexp.MustCompile(`(?s)^yaml: line (\d+): (.*)$`)

// splitYAMLError splits the text of a YAML parser error into the line it
// names (0 if none) and the problem.
func splitYAMLError(err error) (line int, msg string) {
	msg = err.Error()
	if m := yamlLineRE.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		return line, m[2]
	}
	return 0, strings.TrimPrefix(msg, "yaml: ")
}

// yamlError converts an error of the YAML parser to an *Error.
//
// For many syntax errors the YAML parser names the line before the start
// of the enclosing block (say, the "codes:" key) rather than the line of
// the problem. To name the right line, yamlError looks, from the line the
// parser named on, for the shortest prefix of the document that fails
// with the same problem: its last line is where the problem is. (The
// search is a bisection, so in unusual documents it may find a later
// such prefix than the shortest; it never goes before the parser's line.)
func yamlError(name string, data []byte, err error) error {
	line, msg := splitYAMLError(err)
	starts := append([]int{0}, newLineIndex(data)...) // offset of each line
	// fails reports whether the first k lines fail with the same problem.
	fails := func(k int) bool {
		end := len(data)
		if k < len(starts) {
			end = starts[k]
		}
		_, _, perr := decodeYAMLDocs(data[:end])
		if perr == nil {
			return false
		}
		_, pmsg := splitYAMLError(perr)
		return pmsg == msg
	}
	// Invariant: the first hi lines fail with msg; the first lo do not,
	// or lo is before the parser's line.
	lo, hi := max(line, 1)-1, len(starts)
	if fails(hi) {
		for hi-lo > 1 {
			mid := lo + (hi-lo)/2
			if fails(mid) {
				hi = mid
			} else {
				lo = mid
			}
		}
		line = hi
	}
	return &Error{File: name, Line: line, Msg: "invalid YAML: " + msg, err: err}
}

// yamlParser extracts the entries from a YAML document tree.
type yamlParser struct {
	name string
}

func (p *yamlParser) errorf(n *yaml.Node, format string, args ...any) error {
	return &Error{File: p.name, Line: n.Line, Msg: fmt.Sprintf(format, args...)}
}

func (p *yamlParser) document(root *yaml.Node) ([]Entry, error) {
	switch root.Kind {
	case yaml.SequenceNode:
		return p.list(root)
	case yaml.MappingNode:
		var list *yaml.Node
		for i := 0; i+1 < len(root.Content); i += 2 {
			key, val := root.Content[i], root.Content[i+1]
			if key.Kind != yaml.ScalarNode || key.Value != "codes" {
				return nil, p.errorf(key, "unknown field %s (want \"codes\")", yamlKeyName(key))
			}
			if list != nil {
				return nil, p.errorf(key, "field \"codes\" given twice")
			}
			if val.Kind != yaml.SequenceNode {
				return nil, p.errorf(val, "field \"codes\" must be a list, got %s", yamlKind(val))
			}
			list = val
		}
		if list == nil {
			return nil, p.errorf(root, "missing field \"codes\"")
		}
		return p.list(list)
	}
	return nil, p.errorf(root, "want a list of codes or a mapping with a \"codes\" field, got %s", yamlKind(root))
}

func (p *yamlParser) list(seq *yaml.Node) ([]Entry, error) {
	entries := make([]Entry, 0, len(seq.Content))
	for _, n := range seq.Content {
		e, err := p.entry(n)
		if err != nil {
			return nil, err
		}
		entries = append(entries, e)
	}
	return entries, nil
}

// entry converts one entry mapping. Its Line is the line of its code.
func (p *yamlParser) entry(n *yaml.Node) (Entry, error) {
	if n.Kind != yaml.MappingNode {
		return Entry{}, p.errorf(n, "entry must be a mapping with \"code\" and \"status\", got %s", yamlKind(n))
	}
	var (
		e                  Entry
		hasCode, hasStatus bool
		seen               = map[string]bool{}
	)
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		if key.Kind != yaml.ScalarNode {
			return Entry{}, p.errorf(key, "unknown field %s in entry (want %s)", yamlKeyName(key), entryFields)
		}
		if seen[key.Value] {
			return Entry{}, p.errorf(key, "field %q given twice", key.Value)
		}
		seen[key.Value] = true
		switch key.Value {
		case "code":
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!str" {
				return Entry{}, p.errorf(val, "field \"code\" must be a string, got %s", yamlKind(val))
			}
			e.Code, e.Line, hasCode = val.Value, val.Line, true
		case "status":
			if val.Kind != yaml.ScalarNode || val.ShortTag() != "!!int" {
				return Entry{}, p.errorf(val, "field \"status\" must be an integer, got %s", yamlKind(val))
			}
			var status int
			if err := val.Decode(&status); err != nil {
				return Entry{}, p.errorf(val, "field \"status\" must be an integer, got %s", yamlKind(val))
			}
			e.Status, hasStatus = status, true
		case "description", "resolution":
			if val.Kind != yaml.ScalarNode {
				return Entry{}, p.errorf(val, "field %q must be a string, got %s", key.Value, yamlKind(val))
			}
			text := val.Value
			if val.ShortTag() == "!!null" {
				text = ""
			}
			if key.Value == "description" {
				e.Description = text
			} else {
				e.Resolution = text
			}
		default:
			return Entry{}, p.errorf(key, "unknown field %q in entry (want %s)", key.Value, entryFields)
		}
	}
	switch {
	case !hasCode:
		return Entry{}, p.errorf(n, "entry has no \"code\" field")
	case !hasStatus:
		return Entry{}, p.errorf(n, "entry for code %s has no \"status\" field", e.Code)
	}
	return e, nil
}

// yamlKeyName describes a mapping key for error messages.
func yamlKeyName(key *yaml.Node) string {
	if key.Kind == yaml.ScalarNode {
		return strconv.Quote(key.Value)
	}
	return yamlKind(key)
}

// yamlKind describes a node for error messages.
func yamlKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	case yaml.AliasNode:
		return "an alias (aliases are not supported)"
	case yaml.DocumentNode:
		return "a document"
	case yaml.ScalarNode:
		switch tag := n.ShortTag(); tag {
		case "!!str":
			return fmt.Sprintf("string %q", n.Value)
		case "!!null":
			return "null"
		case "!!int":
			return "integer " + n.Value
		case "!!float":
			return "number " + n.Value
		case "!!bool":
			return "boolean " + n.Value
		default:
			return fmt.Sprintf("%s %q", tag, n.Value)
		}
	}
	return "an unknown YAML node"
}
