// Package catalog loads and validates the documented API error catalog:
// the list of error codes (such as NOT_FOUND) together with the single
// HTTP status (such as 404) that each code must be returned with.
//
// A catalog is data. It can be written as a Markdown document containing
// one or more tables with a Code and an HTTP Status column (see
// [ParseMarkdown]), as JSON (see [ParseJSON]) or as YAML (see [ParseYAML]).
// [Default] returns the catalog embedded in the linter.
//
// Every problem found while loading a catalog is reported as an [*Error]
// naming the file and, where known, the line.
package catalog

import (
	"cmp"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
)

// Entry is one documented code.
//
// The Line of a parsed entry is the line of its code: the table row in
// Markdown, the line of the "code" value in JSON and YAML.
//
// Description and Resolution are the document's other columns (or keys),
// when it has them: what the code means and what a client should do about
// it. They are prose, for people; the analysis does not use them.
type Entry struct {
	Code        string `json:"code" yaml:"code"`
	Status      int    `json:"status" yaml:"status"`
	Line        int    `json:"-" yaml:"-"` // 1-based line in the source document, 0 if unknown
	Description string `json:"description,omitempty" yaml:"description,omitempty"`
	Resolution  string `json:"resolution,omitempty" yaml:"resolution,omitempty"`

	// Pointer is where an OpenAPI document gives the code its status: the
	// JSON pointer of the response (/paths/~1pets/get/responses/404) or of
	// the x-error-codes entry; "" for other formats.
	Pointer string `json:"-" yaml:"-"`
	// File is the document of an entry of a merged catalog (see [Merge]);
	// "" means the catalog's Source.
	File string `json:"-" yaml:"-"`
}

// Catalog is a validated set of error codes and their HTTP statuses.
// It is immutable after construction and safe for concurrent use.
// The methods of a nil *Catalog behave as for an empty catalog.
type Catalog struct {
	source  string
	entries []Entry          // document order
	byCode  map[string]Entry // code -> entry
	shape   *Shape           // nil: DocumentShape
	ops     []Operation      // an OpenAPI document's operations (nil for other formats)
}

// Shape returns the documented error body's shape: the one the document
// states, else [DocumentShape].
func (c *Catalog) Shape() Shape {
	if c == nil || c.shape == nil {
		return DocumentShape()
	}
	return *c.shape
}

// Operations returns a copy of the operations an OpenAPI document defines
// (nil for a catalog from Markdown, JSON or YAML).
func (c *Catalog) Operations() []Operation {
	if c == nil {
		return nil
	}
	return slices.Clone(c.ops)
}

// With returns a copy of the catalog with the given shape and operations
// (a nil shape keeps the catalog's; nil ops keep its operations): what the
// configuration's shape: setting and the tests use.
func (c *Catalog) With(shape *Shape, ops []Operation) *Catalog {
	out := &Catalog{}
	if c != nil {
		*out = *c
	}
	if shape != nil {
		s := *shape
		out.shape = &s
	}
	if ops != nil {
		out.ops = slices.Clone(ops)
	}
	return out
}

// maxErrors bounds the number of problems reported for one document.
const maxErrors = 10

// Error is the error type of every validation and parse problem.
// Its text is "FILE:LINE: problem", or "FILE: problem" when Line is 0.
type Error struct {
	File string // the name of the catalog (file path or description)
	Line int    // 1-based line, 0 if unknown or not applicable
	Msg  string // the problem, without file and line

	err error // underlying cause, if any (see Unwrap)
}

// Error implements the error interface.
func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return e.File + ": " + e.Msg
}

// Unwrap returns the underlying cause, such as the [fs.PathError] of a
// file that could not be read, or nil.
func (e *Error) Unwrap() error { return e.err }

// errorList accumulates at most maxErrors problems for one document.
type errorList struct {
	file      string
	errs      []*Error
	truncated bool
}

func (l *errorList) add(line int, format string, args ...any) {
	if len(l.errs) >= maxErrors {
		l.truncated = true
		return
	}
	l.errs = append(l.errs, &Error{File: l.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (l *errorList) empty() bool { return len(l.errs) == 0 }

// err returns nil, the single *Error, or an errors.Join of the errors
// sorted by line (each on its own line of the message).
func (l *errorList) err() error {
	switch len(l.errs) {
	case 0:
		return nil
	case 1:
		return l.errs[0]
	}
	slices.SortStableFunc(l.errs, func(a, b *Error) int { return cmp.Compare(a.Line, b.Line) })
	errs := make([]error, 0, len(l.errs)+1)
	for _, e := range l.errs {
		errs = append(errs, e)
	}
	if l.truncated {
		errs = append(errs, &Error{File: l.file, Msg: "too many errors"})
	}
	return errors.Join(errs...)
}

// New validates entries and returns a catalog of them. source names the
// origin of the entries (usually a file name) and is used in errors and
// returned by [Catalog.Source].
//
// The entries must be non-empty, every code must be non-empty and free of
// whitespace and control characters, no code may appear twice (codes are
// case-sensitive), and every status must be an HTTP error status
// (400-599). All problems found (at most 10) are reported; the result is
// a single [*Error] or an errors.Join of them.
func New(source string, entries []Entry) (*Catalog, error) {
	l := &errorList{file: source}
	c := build(l, entries, true)
	if err := l.err(); err != nil {
		return nil, err
	}
	return c, nil
}

// build validates entries, recording problems in l. If requireCodes is
// set, an empty list of entries is a problem. It returns a catalog even
// when there are problems; callers must check l.
func build(l *errorList, entries []Entry, requireCodes bool) *Catalog {
	if len(entries) == 0 && requireCodes {
		l.add(0, "catalog has no codes")
	}
	c := &Catalog{
		source:  l.file,
		entries: make([]Entry, 0, len(entries)),
		byCode:  make(map[string]Entry, len(entries)),
	}
	seen := make(map[string]Entry, len(entries))
	for _, e := range entries {
		if msg := checkCode(e.Code); msg != "" {
			l.add(e.Line, "%s", msg)
			continue
		}
		if first, dup := seen[e.Code]; dup {
			if first.Line > 0 {
				l.add(e.Line, "duplicate code %s (first defined on line %d)", e.Code, first.Line)
			} else {
				l.add(e.Line, "duplicate code %s", e.Code)
			}
			continue
		}
		seen[e.Code] = e
		if e.Status < 400 || e.Status > 599 {
			l.add(e.Line, "code %s has status %d, want an HTTP error status (400-599)", e.Code, e.Status)
			continue
		}
		c.byCode[e.Code] = e
		c.entries = append(c.entries, e)
	}
	return c
}

// checkCode returns a description of what is wrong with code, or "".
func checkCode(code string) string {
	if code == "" {
		return "empty code"
	}
	for _, r := range code {
		switch {
		case unicode.IsSpace(r):
			return fmt.Sprintf("code %q contains whitespace", code)
		case unicode.IsControl(r):
			return fmt.Sprintf("code %q contains a control character", code)
		}
	}
	return ""
}

// Source returns the name of the catalog's origin, as given to [New] or
// the parse functions.
func (c *Catalog) Source() string {
	if c == nil {
		return ""
	}
	return c.source
}

// Status returns the HTTP status documented for code and whether code is
// in the catalog. Codes are case-sensitive.
func (c *Catalog) Status(code string) (int, bool) {
	if c == nil {
		return 0, false
	}
	e, ok := c.byCode[code]
	return e.Status, ok
}

// Codes returns the codes of the catalog in document order. The caller
// owns the returned slice.
func (c *Catalog) Codes() []string {
	if c == nil {
		return nil
	}
	codes := make([]string, len(c.entries))
	for i, e := range c.entries {
		codes[i] = e.Code
	}
	return codes
}

// Entries returns a copy of the entries of the catalog in document order.
func (c *Catalog) Entries() []Entry {
	if c == nil {
		return nil
	}
	return slices.Clone(c.entries)
}

// Len returns the number of codes in the catalog.
func (c *Catalog) Len() int {
	if c == nil {
		return 0
	}
	return len(c.entries)
}

// CodesWithStatus returns, in document order, the codes documented with
// the given HTTP status. It returns nil if there are none.
func (c *Catalog) CodesWithStatus(status int) []string {
	if c == nil {
		return nil
	}
	var codes []string
	for _, e := range c.entries {
		if e.Status == status {
			codes = append(codes, e.Code)
		}
	}
	return codes
}

// format is a catalog document format.
type format int

const (
	formatUnknown format = iota
	formatMarkdown
	formatJSON
	formatYAML
)

const supportedExtensions = ".md, .markdown, .txt, .json, .yaml, .yml"

// formatOf returns the format of a document by the extension of its name
// (case-insensitive).
func formatOf(name string) format {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".md", ".markdown", ".txt":
		return formatMarkdown
	case ".json":
		return formatJSON
	case ".yaml", ".yml":
		return formatYAML
	}
	return formatUnknown
}

func unsupportedFormat(name string) error {
	ext := filepath.Ext(name)
	var msg string
	if ext == "" {
		msg = "cannot tell the catalog format: file name has no extension"
	} else {
		msg = fmt.Sprintf("unsupported catalog format %q", ext)
	}
	return &Error{File: name, Msg: msg + " (supported: " + supportedExtensions + ")"}
}

// Load reads and parses the catalog file at path. The format is chosen by
// the file's extension, as for [Parse].
func Load(path string) (*Catalog, error) {
	data, err := ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(path, data)
}

// Parse parses a catalog document. The format is chosen by the extension
// of name (case-insensitive): .md, .markdown and .txt are Markdown, .json
// is JSON, .yaml and .yml are YAML; any other extension is an error. A
// JSON or YAML document with a top-level "openapi" or "swagger" key is an
// OpenAPI (or Swagger 2.0) document, read by [ParseOpenAPI]. name is also
// used in errors and as the catalog's [Catalog.Source].
func Parse(name string, data []byte) (*Catalog, error) {
	switch formatOf(name) {
	case formatMarkdown:
		return ParseMarkdown(name, data)
	case formatJSON, formatYAML:
		if isOpenAPI(data) {
			return ParseOpenAPI(name, data)
		}
		if formatOf(name) == formatJSON {
			return ParseJSON(name, data)
		}
		return ParseYAML(name, data)
	}
	return nil, unsupportedFormat(name)
}

// lineIndex converts byte offsets of a document to 1-based line numbers.
type lineIndex []int // start offsets of lines 2, 3, ...

func newLineIndex(data []byte) lineIndex {
	var idx lineIndex
	for i, b := range data {
		if b == '\n' {
			idx = append(idx, i+1)
		}
	}
	return idx
}

// line returns the 1-based line of the byte at offset off.
func (idx lineIndex) line(off int) int {
	n, _ := slices.BinarySearch(idx, off+1)
	return n + 1
}
