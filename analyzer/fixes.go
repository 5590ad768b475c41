package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/apierrlint/apierrlint/internal/textdist"
)

// replaceStringFix replaces a string literal with another string.
func replaceStringFix(node ast.Node, s string) *analysis.SuggestedFix {
	e, _ := node.(ast.Expr)
	for {
		// A constant call is a conversion: Code("not_found").
		if call, ok := ast.Unparen(e).(*ast.CallExpr); ok && len(call.Args) == 1 {
			e = call.Args[0]
			continue
		}
		break
	}
	lit, ok := ast.Unparen(e).(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return nil // a named constant: fixing its declaration would change other uses
	}
	return &analysis.SuggestedFix{
		Message:   "Use " + s,
		TextEdits: []analysis.TextEdit{{Pos: lit.Pos(), End: lit.End(), NewText: []byte(strconv.Quote(s))}},
	}
}

// statusFix replaces a status with the documented one, in the style of the
// original: http.StatusX stays a net/http constant, a number stays a number.
// A named constant or a variable of the user's is not rewritten.
func (p *pass) statusFix(node ast.Node, status int) *analysis.SuggestedFix {
	e, ok := node.(ast.Expr)
	if !ok {
		return nil
	}
	e = ast.Unparen(e)
	var text string
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.INT {
			return nil
		}
		text = strconv.Itoa(status)
	case *ast.SelectorExpr:
		id, ok := e.X.(*ast.Ident)
		if !ok {
			return nil
		}
		pkg, ok := p.TypesInfo.Uses[id].(*types.PkgName)
		if !ok || pkg.Imported().Path() != "net/http" {
			return nil
		}
		name := httpStatusName(pkg.Imported(), status)
		if name == "" {
			text = strconv.Itoa(status)
		} else {
			text = id.Name + "." + name
		}
	default:
		return nil
	}
	return &analysis.SuggestedFix{
		Message:   "Send " + strconv.Itoa(status),
		TextEdits: []analysis.TextEdit{{Pos: e.Pos(), End: e.End(), NewText: []byte(text)}},
	}
}

// httpStatusName is the net/http constant for a status: StatusNotFound.
func httpStatusName(pkg *types.Package, status int) string {
	name := "Status" + strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, http.StatusText(status))
	c, ok := pkg.Scope().Lookup(name).(*types.Const)
	if !ok {
		return ""
	}
	if v, ok := constant.Int64Val(c.Val()); !ok || int(v) != status {
		return ""
	}
	return name
}

// nearestCode returns the catalogued code that code most plausibly meant:
// the same up to case and separators (not_found, NotFound, not-found), or
// within two edits of exactly one code. "" when none or several are close.
func nearestCode(code string, codes []string) string {
	norm := normalizeCode(code)
	for _, c := range codes {
		if normalizeCode(c) == norm {
			return c
		}
	}
	best, bestDist, ties := "", 3, 0
	for _, c := range codes {
		d := textdist.Distance(norm, normalizeCode(c))
		switch {
		case d < bestDist:
			best, bestDist, ties = c, d, 1
		case d == bestDist:
			ties++
		}
	}
	if ties != 1 {
		return ""
	}
	return best
}

// normalizeCode upper-cases a code and turns camel case and separators into
// underscores: NotFound, not-found and not_found become NOT_FOUND.
func normalizeCode(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i, r := range rs {
		switch {
		case r == '-' || r == ' ' || r == '.' || r == '_':
			if b.Len() > 0 && !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
		case unicode.IsUpper(r) && i > 0 && unicode.IsLower(rs[i-1]):
			if !strings.HasSuffix(b.String(), "_") {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		default:
			b.WriteRune(unicode.ToUpper(r))
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// retryAfterFix inserts the statement that sets Retry-After on the response
// (w.Header().Set("Retry-After", value) for net/http, c.Header(...) for gin,
// ...: each framework's table says how) before the statement that writes
// the status, when the response is a plain variable (or field) and the
// statement stands alone on its lines in a block.
func (p *pass) retryAfterFix(call *ast.CallExpr) *analysis.SuggestedFix {
	handle := p.handleOf(call)
	if handle == nil || !isPlainRef(handle) {
		return nil
	}
	return p.retryAfterFixAt(call, types.ExprString(handle), p.handleFramework(p.TypesInfo.TypeOf(handle)))
}

// retryAfterFixAt inserts the statement that sets Retry-After on the
// response handle (a framework's fw) before the statement of node.
func (p *pass) retryAfterFixAt(node ast.Node, handle string, fw *framework) *analysis.SuggestedFix {
	if fw == nil || fw.retryAfter == "" || handle == "_" {
		return nil
	}
	file := p.fileOf(node.Pos())
	if file == nil {
		return nil
	}
	path, _ := astutil.PathEnclosingInterval(file, node.Pos(), node.End())
	// The innermost statement, which must sit directly in a block.
	i := slices.IndexFunc(path, func(n ast.Node) bool { _, ok := n.(ast.Stmt); return ok })
	if i < 0 || i+1 >= len(path) {
		return nil
	}
	var stmt ast.Stmt
	switch path[i].(type) {
	case *ast.ExprStmt, *ast.AssignStmt, *ast.ReturnStmt, *ast.DeclStmt, *ast.IfStmt:
		switch path[i+1].(type) {
		case *ast.BlockStmt, *ast.CaseClause, *ast.CommClause:
			stmt = path[i].(ast.Stmt)
		}
	}
	if stmt == nil {
		return nil
	}
	indent, ok := p.indentOf(stmt.Pos())
	if !ok {
		return nil
	}
	text := fmt.Sprintf(fw.retryAfter, handle, strconv.Quote(p.s.retryAfterValue)) + "\n" + indent
	return &analysis.SuggestedFix{
		Message:   "Set Retry-After before writing the status",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
	}
}

// handleOf returns the response that a call writes to: the receiver of a
// method of a response, through chained calls (c.Status(429).JSON(b): c),
// or the first argument that is a response.
func (p *pass) handleOf(call *ast.CallExpr) ast.Expr {
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		x := sel.X
		for {
			if p.isHandle(p.TypesInfo.TypeOf(x)) {
				if inner, ok := ast.Unparen(x).(*ast.CallExpr); ok {
					if s, ok := ast.Unparen(inner.Fun).(*ast.SelectorExpr); ok && p.isHandle(p.TypesInfo.TypeOf(s.X)) {
						x = s.X // a chained call: c.Status(429).JSON(b)
						continue
					}
				}
				return x
			}
			break
		}
	}
	for _, a := range call.Args {
		if p.isHandle(p.TypesInfo.TypeOf(a)) {
			return a
		}
	}
	return nil
}

// isPlainRef reports whether e is a variable or a chain of field selections,
// safe to evaluate once more.
func isPlainRef(e ast.Expr) bool {
	switch e := ast.Unparen(e).(type) {
	case *ast.Ident:
		return true
	case *ast.SelectorExpr:
		return isPlainRef(e.X)
	}
	return false
}

func (p *pass) fileOf(pos token.Pos) *ast.File {
	tf := p.Fset.File(pos)
	if tf == nil {
		return nil
	}
	for _, f := range p.Files {
		if p.Fset.File(f.FileStart) == tf {
			return f
		}
	}
	return nil
}

// indentOf returns the white space before pos on its line, when only white
// space precedes it.
func (p *pass) indentOf(pos token.Pos) (string, bool) {
	tf := p.Fset.File(pos)
	if tf == nil {
		return "", false
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil {
		return "", false
	}
	off := tf.Offset(pos)
	start := tf.Offset(tf.LineStart(tf.Line(pos)))
	if off > len(src) || start > off {
		return "", false
	}
	prefix := string(src[start:off])
	if strings.TrimLeft(prefix, " \t") != "" {
		return "", false
	}
	return prefix, true
}

// errorWriter finds the project's error writer for a file and a kind of
// response (handle: a *gin.Context, an http.ResponseWriter, ...; nil: any),
// once per file and kind: the writer with a parameter of the handle's type
// (for net/http, any http.ResponseWriter), so that gen's WriteHTTP serves
// the (w, r) handlers of an app whose Write takes a *gin.Context. A writer
// named by error-writer may be in a package that the file does not import
// yet (the fix adds the import).
func (p *pass) errorWriter(file *ast.File, handle types.Type) (*types.Func, *HelperFact) {
	key := writerKey{file, ""}
	if handle != nil {
		key.handle = types.TypeString(handle, nil)
		if p.isResponseWriter(handle) {
			key.handle = "net/http"
		}
	}
	if w, ok := p.writers[key]; ok {
		return w.fn, w.fact
	}
	var cands []*types.Func
	facts := map[*types.Func]*HelperFact{}
	consider := func(fn *types.Func, f *HelperFact) {
		if fn.Signature().Recv() != nil || fn.Signature().TypeParams() != nil || !f.Writes || (f.Status < 0 && !f.CodeStatus) || f.Code < 0 {
			return
		}
		want := p.s.errorWriter
		if fn.Pkg() != p.Pkg && (!fn.Exported() || want == "" && p.qualifier(file, fn.Pkg()) == "") {
			return
		}
		if want != "" && fn.Pkg().Path()+"."+fn.Name() != want && !(handle != nil && sameWriterFamily(fn, want)) {
			return
		}
		if handle != nil && !p.writesTo(fn, handle) {
			return
		}
		cands = append(cands, fn)
		facts[fn] = f
	}
	for fn, f := range p.facts {
		consider(fn, f)
	}
	for _, of := range p.AllObjectFacts() {
		if fn, ok := of.Object.(*types.Func); ok {
			if f, ok := of.Fact.(*HelperFact); ok {
				consider(fn, f)
			}
		}
	}
	var w writer
	if len(cands) == 1 {
		w = writer{cands[0], facts[cands[0]]}
	}
	p.writers[key] = w
	return w.fn, w.fact
}

type writerKey struct {
	file   *ast.File
	handle string
}

type writer struct {
	fn   *types.Func
	fact *HelperFact
}

// qualifier is the name under which file refers to pkg ("" for the package
// itself, and when the file does not import it).
func (p *pass) qualifier(file *ast.File, pkg *types.Package) string {
	if pkg == p.Pkg {
		return ""
	}
	for _, imp := range file.Imports {
		if path, err := strconv.Unquote(imp.Path.Value); err == nil && path == pkg.Path() {
			if imp.Name != nil {
				if imp.Name.Name == "_" || imp.Name.Name == "." {
					return ""
				}
				return imp.Name.Name
			}
			return pkg.Name()
		}
	}
	return ""
}

// request names a *http.Request parameter of the function around call.
func (fc *funcCtx) request(call *ast.CallExpr) string {
	if len(call.Args) == 2 { // http.NotFound(w, r)
		if isNamed(fc.p.TypesInfo.TypeOf(call.Args[1]), "net/http", "Request") {
			return fc.p.srcText(call.Args[1], "")
		}
	}
	name := ""
	for v := range fc.sc.params {
		if isNamed(v.Type(), "net/http", "Request") && v.Name() != "_" {
			if name != "" {
				return "" // two requests: which one?
			}
			name = v.Name()
		}
	}
	return name
}

// srcText is the source text of e, or def when it cannot be read.
func (p *pass) srcText(e ast.Expr, def string) string {
	tf := p.Fset.File(e.Pos())
	if tf == nil {
		return def
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil {
		return def
	}
	start, end := tf.Offset(e.Pos()), tf.Offset(e.End())
	if start < 0 || end > len(src) || start > end {
		return def
	}
	return string(src[start:end])
}

// httpConst spells net/http's constant name in the file of node, or def.
func (p *pass) httpConst(node ast.Node, name, def string) string {
	if file := p.fileOf(node.Pos()); file != nil && p.http != nil {
		if q := p.qualifier(file, p.http.pkg); q != "" {
			return q + "." + name
		}
	}
	return def
}
