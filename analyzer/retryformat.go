package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strconv"
	"strings"
	"time"
	"unicode"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// The retry-after-format rule: a Retry-After value that is not a whole
// number of seconds. The document's clients read
// int(response.headers.get('Retry-After', 60)): "1m0s", "1.5" and an HTTP
// date crash them.

// checkRetryAfterValue reports a Retry-After value that is provably not a
// non-negative whole number of seconds. A parameter is recorded in the
// helper fact, so that call sites are checked; anything unknown is silent.
func (fc *funcCtx) checkRetryAfterValue(value ast.Expr) {
	if value == nil {
		return
	}
	if pi := fc.sc.paramOf(value); pi >= 0 {
		fc.fact.RetryAfterValue = pi
		return
	}
	// h["Retry-After"] = []string{v}
	if lit, ok := ast.Unparen(value).(*ast.CompositeLit); ok {
		for _, elt := range lit.Elts {
			fc.checkRetryAfterValue(elt)
		}
		return
	}
	problem, fix := fc.retryAfterProblem(value, 0)
	if problem != "" {
		fc.p.reportFix(value, RuleRetryAfterFormat, fix, "Retry-After is set to %s, not a whole number of seconds; clients parse it as an integer (send strconv.Itoa of the seconds)", problem)
	}
}

// retryAfterProblem describes what value is when it is provably not a whole
// number of seconds ("" when it is one, or unknown), with a fix where one
// is safe.
func (fc *funcCtx) retryAfterProblem(value ast.Expr, depth int) (string, *analysis.SuggestedFix) {
	p := fc.p
	e := ast.Unparen(value)
	if s, ok := fc.sc.eval(e).str(); ok {
		// Spaces and tabs around a header value are not part of it (RFC
		// 9110's OWS: net/http trims them, clients' parsers strip them).
		if wholeSeconds(strings.Trim(s, " \t")) {
			return "", nil
		}
		what := strconv.Quote(s)
		if _, err := time.Parse(time.RFC1123, s); err == nil {
			what += " (an HTTP date)"
		}
		var fix *analysis.SuggestedFix
		if d, err := time.ParseDuration(strings.TrimSpace(s)); err == nil && d >= 0 && d%time.Second == 0 {
			secs := strconv.FormatInt(int64(d/time.Second), 10)
			if fix = replaceStringFix(e, secs); fix != nil {
				fix.Message = "Send " + secs + " (seconds)"
			}
		}
		return what, fix
	}
	if depth > 3 {
		return "", nil
	}
	// A local variable assigned once.
	if id, ok := e.(*ast.Ident); ok {
		if v := fc.sc.varOf(id); v != nil {
			if def, ok := fc.sc.defs[v]; ok && def != nil {
				problem, _ := fc.retryAfterProblem(def, depth+1)
				return problem, nil
			}
		}
		return "", nil
	}
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return "", nil
	}
	fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
	if !ok {
		return "", nil
	}
	switch {
	case fn.Name() == "String" && len(call.Args) == 0 && isDurationMethod(fn):
		return "a time.Duration's String (\"1m0s\")", fc.durationFix(call)
	case fn.Name() == "Format" && isNamed(recvType(fn), "time", "Time"):
		return "a formatted time (an HTTP date)", nil
	case isPkgFunc(fn, "fmt", "Sprint", "Sprintln"):
		for _, a := range call.Args {
			if t := p.TypesInfo.TypeOf(a); t != nil && isNamed(t, "time", "Duration") {
				return "fmt." + fn.Name() + " of a time.Duration (\"1m0s\")", nil
			}
		}
	case isPkgFunc(fn, "fmt", "Sprintf"):
		return fc.sprintfProblem(call)
	case isPkgFunc(fn, "strconv", "Itoa", "FormatInt", "FormatUint") && len(call.Args) >= 1:
		// strconv.Itoa(int(d)) of a time.Duration: nanoseconds.
		if fc.nanoseconds(call.Args[0]) {
			return "strconv." + fn.Name() + " of a time.Duration converted to an integer (nanoseconds)", nil
		}
	case isPkgFunc(fn, "strconv", "FormatFloat") && len(call.Args) == 4:
		// FormatFloat(x, 'f', 0, 64) is whole; so is any format of a value
		// rounded first (math.Ceil, Round, Floor, Trunc) with no digits
		// after the point ('f' with precision 0, 'g' or 'f' with -1).
		f, ok1 := constInt(p.TypesInfo, call.Args[1])
		prec, ok2 := constInt(p.TypesInfo, call.Args[2])
		if !ok1 || !ok2 {
			return "", nil
		}
		if f == 'f' && prec == 0 {
			return "", nil
		}
		if prec == -1 && (f == 'f' || f == 'g') && fc.rounded(call.Args[0]) {
			return "", nil
		}
		return fmt.Sprintf("strconv.FormatFloat(..., '%c', %d, ...) of the seconds, which keeps a fraction", rune(f), prec), nil
	}
	return "", nil
}

// sprintfProblem checks fmt.Sprintf(format, args...): the format must be
// one verb that prints a whole number of seconds.
func (fc *funcCtx) sprintfProblem(call *ast.CallExpr) (string, *analysis.SuggestedFix) {
	if len(call.Args) == 0 {
		return "", nil
	}
	format, ok := fc.sc.eval(call.Args[0]).str()
	if !ok {
		return "", nil
	}
	verbs := parseVerbs(format)
	// Text around the verbs that is not a digit: "%ds" is "30s".
	text := format
	for _, v := range verbs {
		text = strings.Replace(text, v.text, "", 1)
	}
	if strings.ContainsFunc(strings.ReplaceAll(text, "%%", "%"), func(r rune) bool { return !unicode.IsDigit(r) }) {
		return fmt.Sprintf("fmt.Sprintf(%q, ...), which adds text around the number", format), nil
	}
	for i, v := range verbs {
		if i+1 >= len(call.Args) {
			break
		}
		arg := call.Args[i+1]
		t := fc.p.TypesInfo.TypeOf(arg)
		if t == nil {
			continue
		}
		switch {
		case isNamed(t, "time", "Duration") && v.verb == 'd' && fc.plainDuration(arg):
			return fmt.Sprintf("fmt.Sprintf(%q) of a time.Duration, which prints nanoseconds", format), nil
		case isNamed(t, "time", "Duration") && (v.verb == 'v' || v.verb == 's'):
			return fmt.Sprintf("fmt.Sprintf(%q) of a time.Duration (\"1m0s\")", format), nil
		case isFloat(t) && (v.verb == 'f' || v.verb == 'F' || v.verb == 'e') && v.prec != 0:
			return fmt.Sprintf("fmt.Sprintf(%q) of a float, which keeps a fraction", format), nil
		case isFloat(t) && (v.verb == 'g' || v.verb == 'v') && !fc.rounded(arg):
			return fmt.Sprintf("fmt.Sprintf(%q) of a float that is not rounded", format), nil
		}
	}
	return "", nil
}

// verb is one formatting verb: its text ("%.0f"), letter and precision (-1
// when none is given).
type verb struct {
	text string
	verb rune
	prec int
}

// parseVerbs returns the verbs of a format, "%%" excluded.
func parseVerbs(format string) []verb {
	var out []verb
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		j := i + 1
		if j < len(format) && format[j] == '%' {
			i = j
			continue
		}
		prec := -1
		for j < len(format) && strings.ContainsRune("+-# 0123456789.*[]", rune(format[j])) {
			if format[j] == '.' {
				k := j + 1
				for k < len(format) && format[k] >= '0' && format[k] <= '9' {
					k++
				}
				prec, _ = strconv.Atoi(format[j+1 : k])
				j = k
				continue
			}
			j++
		}
		if j < len(format) {
			out = append(out, verb{text: format[i : j+1], verb: rune(format[j]), prec: prec})
			i = j
		}
	}
	return out
}

// nanoseconds reports whether e converts a time.Duration value, as it is,
// to an integer type: int(d), int64(time.Until(t)) (nanoseconds; int(d /
// time.Second) is not flagged).
func (fc *funcCtx) nanoseconds(e ast.Expr) bool {
	conv, ok := ast.Unparen(e).(*ast.CallExpr)
	if !ok || len(conv.Args) != 1 {
		return false
	}
	if tv, ok := fc.p.TypesInfo.Types[conv.Fun]; !ok || !tv.IsType() || !isIntKind(tv.Type) {
		return false
	}
	return fc.plainDuration(conv.Args[0])
}

// plainDuration reports whether e is a time.Duration as it is: a variable,
// a field or a call, not arithmetic on one (d / time.Second).
func (fc *funcCtx) plainDuration(e ast.Expr) bool {
	e = ast.Unparen(e)
	if !isNamed(fc.p.TypesInfo.TypeOf(e), "time", "Duration") {
		return false
	}
	switch e.(type) {
	case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
		return fc.p.TypesInfo.Types[e].Value == nil // a constant such as time.Minute is arithmetic's business
	}
	return false
}

// rounded reports whether e is a call of math.Ceil, Floor, Round,
// RoundToEven or Trunc (directly or through a local variable).
func (fc *funcCtx) rounded(e ast.Expr) bool {
	call, ok := fc.sc.resolve(e).(*ast.CallExpr)
	if !ok {
		return false
	}
	fn, ok := typeutil.Callee(fc.p.TypesInfo, call).(*types.Func)
	return ok && isPkgFunc(fn, "math", "Ceil", "Floor", "Round", "RoundToEven", "Trunc")
}

// durationFix rewrites d.String() to strconv.Itoa(int(d.Seconds())), when
// the file imports strconv or has an import block to add it to.
func (fc *funcCtx) durationFix(call *ast.CallExpr) *analysis.SuggestedFix {
	p := fc.p
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	file := p.fileOf(call.Pos())
	if file == nil {
		return nil
	}
	d := p.srcText(sel.X, "")
	if d == "" {
		return nil
	}
	if _, isIdent := ast.Unparen(sel.X).(*ast.Ident); !isIdent && !isPlainRef(sel.X) {
		d = "(" + d + ")"
	}
	var edits []analysis.TextEdit
	qual := ""
	for _, imp := range file.Imports {
		if imp.Path.Value == `"strconv"` {
			qual = "strconv"
			if imp.Name != nil {
				qual = imp.Name.Name
			}
		}
	}
	if qual == "_" || qual == "." {
		return nil
	}
	if qual == "" {
		add := importEdit(file, "strconv")
		if add == nil {
			return nil
		}
		edits = append(edits, *add)
		qual = "strconv"
	}
	edits = append(edits, analysis.TextEdit{Pos: call.Pos(), End: call.End(), NewText: []byte(qual + ".Itoa(int(" + d + ".Seconds()))")})
	return &analysis.SuggestedFix{Message: "Send whole seconds: " + qual + ".Itoa(int(" + d + ".Seconds()))", TextEdits: edits}
}

// importEdit adds an import to a file's parenthesized import block (gofmt
// sorts it); nil when the file has none.
func importEdit(file *ast.File, path string) *analysis.TextEdit {
	for _, d := range file.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		if !gd.Lparen.IsValid() {
			return nil
		}
		return &analysis.TextEdit{Pos: gd.Lparen + 1, End: gd.Lparen + 1, NewText: []byte("\n\t" + strconv.Quote(path))}
	}
	return nil
}

// wholeSeconds reports whether s is a non-negative whole number of seconds
// as clients parse it: digits only.
func wholeSeconds(s string) bool {
	if s == "" {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func isDurationMethod(fn *types.Func) bool {
	return isNamed(recvType(fn), "time", "Duration")
}

func recvType(fn *types.Func) types.Type {
	if recv := fn.Signature().Recv(); recv != nil {
		return recv.Type()
	}
	return nil
}

func isFloat(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsFloat != 0
}

// constInt returns the value of a constant integer expression (a rune
// constant too).
func constInt(info *types.Info, e ast.Expr) (int, bool) {
	tv, ok := info.Types[e]
	if !ok || tv.Value == nil {
		return 0, false
	}
	v := constant.ToInt(tv.Value)
	if v.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(v)
	return int(n), ok
}
