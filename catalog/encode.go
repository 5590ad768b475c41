package catalog

import (
	"bytes"
	"encoding/gob"
	"errors"
	"fmt"
	"io/fs"
	"os"
)

// The parsed contract as bytes: what the contract cache stores for a large
// OpenAPI document (internal/contractcache) and what make gopls builds into
// gopls. Parsing a 4 MB document takes a second and 100 MB; reading its
// encoded contract back takes milliseconds.

// encodingVersion changes whenever the encoded form or what a parse
// produces changes, so that bytes written by another apierrlint are never
// read as this one's.
const encodingVersion = 2 // 2: Operation.Column

// EncodingVersion identifies the encoded form of [Encode]; caches key on it.
const EncodingVersion = encodingVersion

// encoded is the encoded form: every field of a Catalog.
type encoded struct {
	Version int
	Source  string
	Entries []Entry // with their lines, pointers and files
	Shape   *Shape
	Ops     []Operation
	HasOps  bool // gob writes an empty slice as none: an OpenAPI catalog without operations
}

// Encode returns the catalog as bytes that [Decode] reads back as the same
// catalog: its codes with their lines, JSON pointers and files, its shape
// and its operations.
func Encode(c *Catalog) ([]byte, error) {
	if c == nil {
		return nil, fmt.Errorf("catalog: encoding a nil catalog")
	}
	e := encoded{Version: encodingVersion, Source: c.source, Entries: c.entries, Shape: c.shape, Ops: c.ops, HasOps: c.ops != nil}
	var b bytes.Buffer
	if err := gob.NewEncoder(&b).Encode(&e); err != nil {
		return nil, fmt.Errorf("catalog: encoding %s: %v", c.source, err)
	}
	return b.Bytes(), nil
}

// Decode reads a catalog that [Encode] wrote, and validates its codes as
// [New] does: bytes that are not an encoded catalog, or one of another
// encoding version, are an error, never a catalog. A name other than ""
// replaces the source the catalog was parsed under, wherever it appears
// (its Source, and the File of its entries, operations and shape), so that
// a document's contract read back under another path names that path.
func Decode(data []byte, name string) (c *Catalog, err error) {
	defer func() {
		if p := recover(); p != nil { // gob rejects bad input with errors; be sure
			c, err = nil, fmt.Errorf("catalog: decoding: %v", p)
		}
	}()
	var e encoded
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(&e); err != nil {
		return nil, fmt.Errorf("catalog: decoding: %v", err)
	}
	if e.Version != encodingVersion {
		return nil, fmt.Errorf("catalog: decoding: encoding version %d, want %d", e.Version, encodingVersion)
	}
	rename := func(s string) string {
		if name != "" && s == e.Source {
			return name
		}
		return s
	}
	for i := range e.Entries {
		e.Entries[i].File = rename(e.Entries[i].File)
	}
	for i := range e.Ops {
		e.Ops[i].File = rename(e.Ops[i].File)
	}
	l := &errorList{file: rename(e.Source)}
	c = build(l, e.Entries, false)
	if err := l.err(); err != nil {
		return nil, fmt.Errorf("catalog: decoding: %v", err)
	}
	if len(c.entries) != len(e.Entries) {
		return nil, fmt.Errorf("catalog: decoding: entries lost")
	}
	if e.Shape != nil {
		s := *e.Shape
		s.File = rename(s.File)
		c.shape = &s
	}
	if e.HasOps {
		c.ops = e.Ops
		if c.ops == nil {
			c.ops = []Operation{}
		}
	}
	return c, nil
}

// IsOpenAPI reports whether [Parse] reads the document as an OpenAPI (or
// Swagger 2.0) document: a .json, .yaml or .yml file with a top-level
// "openapi" or "swagger" key.
func IsOpenAPI(name string, data []byte) bool {
	f := formatOf(name)
	return (f == formatJSON || f == formatYAML) && isOpenAPI(data)
}

// ReadFile reads a catalog file as [Load] does: an unsupported extension
// or an unreadable file is an [*Error] naming it.
func ReadFile(path string) ([]byte, error) {
	if formatOf(path) == formatUnknown {
		return nil, unsupportedFormat(path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		var pe *fs.PathError
		if errors.As(err, &pe) {
			msg = pe.Err.Error()
		}
		return nil, &Error{File: path, Msg: "cannot read catalog: " + msg, err: err}
	}
	return data, nil
}
