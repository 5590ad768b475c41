package analyzer

// The default-error-response fix: a framework's default answer replaced by
// what apierrlint gen wrote, as each default's table row says (genFix):
// fiber.New() gets fiber.Config{ErrorHandler: apierr.ErrorHandler} (merged
// into a Config literal), echo.New() is followed by e.HTTPErrorHandler =
// apierr.HTTPErrorHandler, a gin engine by r.NoRoute(apierr.NoRoute), a
// fiber limiter gets LimitReached. Only where the edit is unambiguous: the
// config absent or a literal, the product assigned to a variable by a
// statement of its own. Entry point: fix.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/apierrlint/apierrlint/internal/gonames"
)

// fix returns the fix that replaces the reported defaults of a creation,
// all of them or none.
func (d *defaultsPass) fix(c creation, rows []*fallback) *analysis.SuggestedFix {
	p := d.p
	file := p.fileOf(c.node.Pos())
	if file == nil || len(rows) == 0 {
		return nil
	}
	var edits []analysis.TextEdit
	var after []string // statements inserted after the creation's
	for _, fb := range rows {
		if fb.fix.kind == genFixNone {
			return nil
		}
		ref, imp, ok := p.genFuncRef(file, c.node.Pos(), fb.fix.fn)
		if !ok {
			return nil
		}
		edits = appendNew(edits, imp...)
		switch fb.fix.kind {
		case genFixConfig:
			e, ok := d.configEdit(c, fb.fix.name, ref)
			if !ok {
				return nil
			}
			edits = append(edits, e)
		case genFixAssign:
			after = append(after, "%[1]s."+fb.fix.name+" = "+ref)
		case genFixCall:
			after = append(after, "%[1]s."+fb.fix.name+"("+ref+")")
		}
	}
	if len(after) > 0 {
		e, ok := d.insertAfter(file, c, after)
		if !ok {
			return nil
		}
		edits = append(edits, e)
	}
	return &analysis.SuggestedFix{Message: "Replace the default error answer with apierrlint gen's", TextEdits: edits}
}

// appendNew appends the edits that list does not hold yet.
func appendNew(list []analysis.TextEdit, edits ...analysis.TextEdit) []analysis.TextEdit {
	for _, e := range edits {
		if !slices.ContainsFunc(list, func(x analysis.TextEdit) bool {
			return x.Pos == e.Pos && x.End == e.End && string(x.NewText) == string(e.NewText)
		}) {
			list = append(list, e)
		}
	}
	return list
}

// configEdit sets field to ref in the creation's config: a config literal
// added where the call has none (fiber.New() becomes
// fiber.New(fiber.Config{ErrorHandler: ...})), the field added to a
// config literal that lacks it.
func (d *defaultsPass) configEdit(c creation, field, ref string) (analysis.TextEdit, bool) {
	p := d.p
	call, ok := c.node.(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return analysis.TextEdit{}, false
	}
	fn, _ := p.TypesInfo.Uses[calleeIdent(call)].(*types.Func)
	if fn == nil {
		return analysis.TextEdit{}, false
	}
	i := paramIndex(fn, c.maker.config)
	if i < 0 {
		return analysis.TextEdit{}, false
	}
	if i < len(call.Args) {
		lit, ok := ast.Unparen(call.Args[i]).(*ast.CompositeLit)
		if !ok || len(call.Args) > i+1 {
			return analysis.TextEdit{}, false
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return analysis.TextEdit{}, false // positional
			}
			if id := keyIdent(kv); id != nil && id.Name == field {
				return analysis.TextEdit{}, false // set, to nil: the user's to decide
			}
		}
		text := field + ": " + ref
		switch {
		case len(lit.Elts) == 0:
		case p.Fset.Position(lit.Lbrace).Line != p.Fset.Position(lit.Elts[0].Pos()).Line:
			text = "\n" + text + "," // one field a line: gofmt indents it
		default:
			text += ", "
		}
		return analysis.TextEdit{Pos: lit.Lbrace + 1, End: lit.Lbrace + 1, NewText: []byte(text)}, true
	}
	// No config: add one, of the parameter's type, named as the maker's
	// package is in the file.
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return analysis.TextEdit{}, false
	}
	qual, ok := sel.X.(*ast.Ident)
	if !ok {
		return analysis.TextEdit{}, false
	}
	t := fn.Signature().Params().At(i).Type()
	if s, ok := t.(*types.Slice); ok && fn.Signature().Variadic() {
		t = s.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() != fn.Pkg() {
		return analysis.TextEdit{}, false
	}
	text := qual.Name + "." + named.Obj().Name() + "{" + field + ": " + ref + "}"
	if len(call.Args) > 0 {
		text = ", " + text
	}
	return analysis.TextEdit{Pos: call.Rparen, End: call.Rparen, NewText: []byte(text)}, true
}

// insertAfter inserts statements (%[1]s: the product's variable) after the
// statement that assigns the creation to a variable (r := gin.New()), when
// that statement stands alone in a block.
func (d *defaultsPass) insertAfter(file *ast.File, c creation, stmts []string) (analysis.TextEdit, bool) {
	p := d.p
	path, _ := astutil.PathEnclosingInterval(file, c.node.Pos(), c.node.End())
	if len(path) < 3 || path[0] != c.node {
		return analysis.TextEdit{}, false
	}
	as, ok := path[1].(*ast.AssignStmt)
	if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || as.Rhs[0] != c.node {
		return analysis.TextEdit{}, false
	}
	v, ok := as.Lhs[0].(*ast.Ident)
	if !ok || v.Name == "_" {
		return analysis.TextEdit{}, false
	}
	switch path[2].(type) {
	case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
	default:
		return analysis.TextEdit{}, false
	}
	indent, ok := p.indentOf(as.Pos())
	if !ok {
		return analysis.TextEdit{}, false
	}
	// After the line's trailing comment, which stays with its statement.
	at := as.End()
	tf := p.Fset.File(at)
	rest := p.srcRange(at, tf.Pos(tf.Size()))
	if i := strings.IndexByte(rest, '\n'); i >= 0 {
		if tail := strings.TrimSpace(rest[:i]); tail != "" && !strings.HasPrefix(tail, "//") {
			return analysis.TextEdit{}, false
		}
		at += token.Pos(i)
	}
	var b strings.Builder
	for _, s := range stmts {
		b.WriteString("\n" + indent + strings.ReplaceAll(s, "%[1]s", v.Name))
	}
	return analysis.TextEdit{Pos: at, End: at, NewText: []byte(b.String())}, true
}

// genFuncRef spells a function of the generated package at pos in file:
// the package that error-writer names (else that of the writer the facts
// show), with the import added when the file lacks it. A package the
// analysis sees must declare the function; one it does not see yet (right
// after gen) is taken to be gen's output.
func (p *pass) genFuncRef(file *ast.File, pos token.Pos, fn string) (string, []analysis.TextEdit, bool) {
	path := ""
	if w := p.s.errorWriter; w != "" {
		if dot := strings.LastIndexByte(w, '.'); dot > strings.LastIndexByte(w, '/') {
			path = w[:dot]
		}
	} else if f, _ := p.errorWriter(file, nil); f != nil {
		path = f.Pkg().Path()
	}
	if path == "" {
		return "", nil, false
	}
	if path == p.Pkg.Path() {
		if _, ok := p.Pkg.Scope().Lookup(fn).(*types.Func); !ok {
			return "", nil, false
		}
		return fn, nil, true
	}
	name := gonames.AssumedName(path)
	for _, imp := range p.Pkg.Imports() {
		if imp.Path() == path {
			if f, ok := imp.Scope().Lookup(fn).(*types.Func); !ok || !f.Exported() {
				return "", nil, false // not gen's newer output
			}
			name = imp.Name()
			if q := p.qualifier(file, imp); q != "" {
				name = q
			}
		}
	}
	if !token.IsIdentifier(name) {
		return "", nil, false
	}
	edits, ok := p.importEdit(file, pos, path, name, false)
	if !ok {
		return "", nil, false
	}
	return name + "." + fn, edits, true
}
