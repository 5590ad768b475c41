package catalog

import (
	"cmp"
	"fmt"
	"strings"
)

// Several sources: a Markdown catalog and an OpenAPI document can be
// given together (-catalog twice, a list in catalog:). They state one
// contract, so they must agree.

// LoadAll loads each file as [Load] does and merges the catalogs with
// [Merge]. One path is [Load].
func LoadAll(paths ...string) (*Catalog, error) {
	if len(paths) == 1 {
		return Load(paths[0])
	}
	cats := make([]*Catalog, 0, len(paths))
	for _, p := range paths {
		c, err := Load(p)
		if err != nil {
			return nil, err
		}
		cats = append(cats, c)
	}
	return Merge(cats...)
}

// Merge combines catalogs read from several documents into one, whose
// [Catalog.Source] is their sources joined by ", ".
//
//   - Codes: the union, in the order given. A code in two documents must
//     have the same status in both: a different one is an error naming
//     both places (file, line, and the JSON pointer of an OpenAPI
//     document). A code in one document only is merged in.
//   - Operations: those of the OpenAPI documents, in the order given.
//   - Shape: the first document, in the order given, that states one (a
//     Markdown catalog's response-format block, an OpenAPI document's
//     error schemas); [DocumentShape] if none does.
//
// Each entry of the result has its File set to the document it comes
// from (the first that has the code); a description or resolution the
// first lacks comes from the next.
func Merge(cats ...*Catalog) (*Catalog, error) {
	var sources []string
	for _, c := range cats {
		sources = append(sources, c.Source())
	}
	l := &errorList{file: strings.Join(sources, ", ")}
	out := &Catalog{source: l.file, byCode: map[string]Entry{}}
	index := map[string]int{} // code -> its index in out.entries
	for _, c := range cats {
		if c == nil {
			continue
		}
		for _, e := range c.entries {
			if e.File == "" {
				e.File = c.source
			}
			first, ok := out.byCode[e.Code]
			switch {
			case !ok:
				out.byCode[e.Code] = e
				index[e.Code] = len(out.entries)
				out.entries = append(out.entries, e)
			case first.Status == e.Status:
				// The same code: the first place stays, the prose the
				// first lacks comes from the next.
				first.Description = cmp.Or(first.Description, e.Description)
				first.Resolution = cmp.Or(first.Resolution, e.Resolution)
				out.byCode[e.Code], out.entries[index[e.Code]] = first, first
			default:
				l.errs = append(l.errs, &Error{File: e.File, Line: e.Line, Msg: fmt.Sprintf(
					"code %s has status %d here%s and %d in %s", e.Code, e.Status, pointerSuffix(e.Pointer), first.Status, place(first))})
			}
		}
		if out.shape == nil && c.shape != nil {
			s := *c.shape
			out.shape = &s
		}
		if c.ops != nil {
			out.ops = append(out.ops, c.ops...)
			if out.ops == nil {
				out.ops = []Operation{}
			}
		}
	}
	if len(l.errs) > maxErrors {
		l.errs, l.truncated = l.errs[:maxErrors], true
	}
	if err := l.err(); err != nil {
		return nil, err
	}
	return out, nil
}

func pointerSuffix(p string) string {
	if p == "" {
		return ""
	}
	return " (" + p + ")"
}

// place names where an entry of a merged catalog is documented:
// FILE:LINE (POINTER).
func place(e Entry) string {
	s := e.File
	if e.Line > 0 {
		s += fmt.Sprintf(":%d", e.Line)
	}
	return s + pointerSuffix(e.Pointer)
}
