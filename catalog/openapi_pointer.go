package catalog

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/pb33f/go-yaml"
)

// JSON pointers (RFC 6901) into an OpenAPI document's YAML tree: where
// its errors and operations are.

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
	line, _ := r.position(ptr)
	return line
}

// position returns the line and column of the key a JSON pointer ends at
// (0, 0: not found; the last key found on the way when the pointer goes
// further).
func (r *oasReader) position(ptr string) (line, col int) {
	n := r.root
	if n == nil {
		return 0, 0
	}
	for _, tok := range strings.Split(strings.TrimPrefix(ptr, "/"), "/") {
		tok = unescapePointer(tok)
		switch n.Kind {
		case yaml.MappingNode:
			found := false
			for i := 0; i+1 < len(n.Content); i += 2 {
				if n.Content[i].Value == tok {
					line, col, n, found = n.Content[i].Line, n.Content[i].Column, n.Content[i+1], true
					break
				}
			}
			if !found {
				return line, col
			}
		case yaml.SequenceNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n.Content) {
				return line, col
			}
			n = n.Content[i]
			line, col = n.Line, n.Column
		default:
			return line, col
		}
	}
	return line, col
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
