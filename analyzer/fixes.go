package analyzer

import (
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
)

var pathEnclosing = func(f *ast.File, n ast.Node) ([]ast.Node, bool) {
	return astutil.PathEnclosingInterval(f, n.Pos(), n.End())
}

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
		d := editDistance(norm, normalizeCode(c))
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

// editDistance is the optimal string alignment distance (insertions,
// deletions, substitutions and transpositions of adjacent characters).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// retryAfterFix inserts writer.Header().Set("Retry-After", value) before the
// statement that writes the status, when the writer is a plain variable (or
// field) and the statement stands alone on its lines in a block.
func (p *pass) retryAfterFix(call *ast.CallExpr) *analysis.SuggestedFix {
	var writer ast.Expr
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && sel.Sel.Name == "WriteHeader" && p.isResponseWriter(p.TypesInfo.TypeOf(sel.X)) {
		writer = sel.X
	} else {
		for _, a := range call.Args {
			if p.isResponseWriter(p.TypesInfo.TypeOf(a)) {
				writer = a
				break
			}
		}
	}
	if writer == nil || !isPlainRef(writer) {
		return nil
	}
	file := p.fileOf(call.Pos())
	if file == nil {
		return nil
	}
	path, _ := pathEnclosing(file, call)
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
	text := types.ExprString(writer) + `.Header().Set("Retry-After", ` + strconv.Quote(p.s.retryAfterValue) + ")\n" + indent
	return &analysis.SuggestedFix{
		Message:   "Set Retry-After before writing the status",
		TextEdits: []analysis.TextEdit{{Pos: stmt.Pos(), End: stmt.Pos(), NewText: []byte(text)}},
	}
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
	for _, f := range p.Files {
		if f.FileStart <= pos && pos < f.FileEnd {
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
