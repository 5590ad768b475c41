package analyzer

// The imports that the fixes add: an import spec added to a file as a text
// edit, in a group of its own (gofmt-clean as it is), the name checked
// against what it means at the fix. Entry point: importEdit.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// importEdit returns the edits that make path available as name at pos in
// file: none when the file imports it under that name; an import spec
// added (a group of its own at the end of the last import declaration, or
// after the first line of the first one for a standard package, which the
// drivers sort in place) otherwise. ok is false when name means something
// else at pos.
func (p *pass) importEdit(file *ast.File, pos token.Pos, path, name string, std bool) ([]analysis.TextEdit, bool) {
	obj := p.lookupAt(pos, name)
	if pn, isPkg := obj.(*types.PkgName); isPkg && pn.Imported().Path() == path {
		return nil, true
	}
	if obj != nil || p.imports(file, path) {
		return nil, false // the name is taken, or the package is imported under another name
	}
	spec := strconv.Quote(path)
	if pathBase(path) != name {
		spec = name + " " + spec
	}
	var last *ast.GenDecl
	for _, d := range file.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			if last == nil || !std {
				last = gd
			}
		}
	}
	switch {
	case last == nil:
		return []analysis.TextEdit{{Pos: file.Name.End(), End: file.Name.End(), NewText: []byte("\n\nimport " + spec)}}, true
	case !last.Lparen.IsValid():
		return []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte("\nimport " + spec)}}, true
	case std:
		at := last.Lparen + 1
		return []analysis.TextEdit{{Pos: at, End: at, NewText: []byte("\n\t" + spec)}}, true
	default:
		return []analysis.TextEdit{{Pos: last.Rparen, End: last.Rparen, NewText: []byte("\n\t" + spec + "\n")}}, true
	}
}

// pathBase is the last element of an import path.
func pathBase(path string) string {
	return path[strings.LastIndexByte(path, '/')+1:]
}

// lookupAt resolves name at pos in the package's scopes.
func (p *pass) lookupAt(pos token.Pos, name string) types.Object {
	scope := p.Pkg.Scope().Innermost(pos)
	if scope == nil {
		scope = p.Pkg.Scope()
	}
	_, obj := scope.LookupParent(name, pos)
	return obj
}

// imports reports whether file imports path.
func (p *pass) imports(file *ast.File, path string) bool {
	for _, imp := range file.Imports {
		if s, err := strconv.Unquote(imp.Path.Value); err == nil && s == path {
			return true
		}
	}
	return false
}
