package analyzer

// The error writer's call that the fixes put in place of an error response
// (fix_writes.go: raw writes, fix_bodies.go: bodies of the wrong shape): the
// writer the facts show (gen's, or one error-writer names), or, when
// error-writer names a package that the analysis does not see yet (right
// after apierrlint gen, no package imports it), gen's API spelled by name:
// its functions per framework are fixed, its constants named by gonames as
// gen names them. Entry point: writerCallFix.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"

	"github.com/apierrlint/apierrlint/internal/gonames"
)

// fixCode is the code that the fixes use for a status: the catalog's only
// code for it, or default-codes' choice. Without one, note says why, for
// the finding's message: " (no fix: 401 has 4 codes; set default-codes)".
func (p *pass) fixCode(st int) (code, note string) {
	if c, ok := p.s.defaultCodes[st]; ok {
		return c, ""
	}
	switch codes := p.s.cat.CodesWithStatus(st); len(codes) {
	case 1:
		return codes[0], ""
	case 0:
		return "", ""
	default:
		return "", " (no fix: " + strconv.Itoa(st) + " has " + strconv.Itoa(len(codes)) + " codes; set default-codes)"
	}
}

// writerCall is a call of the project's error writer that a fix puts in
// place of the expression old.
type writerCall struct {
	old     ast.Expr // the expression replaced
	handle  ast.Expr // the response: c, or w
	req     string   // the request, for a (w, r) writer; "" unknown
	status  string   // the status as source text, for a writer with a status parameter
	code    string   // the catalogued code
	msg     string   // the message, as source text
	details string   // the details, a map[string]any literal as source text; "" none
	imports []string // standard packages that msg or details use (fmt)
}

// writerCallFix returns the suggested fix that replaces wc.old with the writer's
// call, or nil when the file has no writer for the response or the call
// cannot be written (a name taken, the result used where the writer
// returns none).
func (p *pass) writerCallFix(wc writerCall) *analysis.SuggestedFix {
	file := p.fileOf(wc.old.Pos())
	if file == nil || wc.code == "" || wc.handle == nil {
		return nil
	}
	ht := p.TypesInfo.TypeOf(wc.handle)
	var (
		text       string
		returnsErr bool
		path, name string // the writer's package, and its name in the file
	)
	if fn, f := p.errorWriter(file, ht); fn != nil {
		text, returnsErr, name = p.factWriterCall(file, fn, f, wc)
		path = fn.Pkg().Path()
		if fn.Pkg() == p.Pkg {
			path = ""
		}
	} else {
		text, returnsErr, path, name = p.genWriterCall(file, wc)
	}
	if text == "" || !p.resultFits(file, wc.old, returnsErr) {
		return nil
	}
	edits := []analysis.TextEdit{{Pos: wc.old.Pos(), End: wc.old.End(), NewText: []byte(text)}}
	if path != "" {
		e, ok := p.importEdit(file, wc.old.Pos(), path, name, false)
		if !ok {
			return nil
		}
		edits = append(edits, e...)
	}
	for _, imp := range wc.imports {
		e, ok := p.importEdit(file, wc.old.Pos(), imp, imp, true)
		if !ok {
			return nil
		}
		edits = append(edits, e...)
	}
	short, _, _ := strings.Cut(text, "(")
	return &analysis.SuggestedFix{Message: "Use " + short, TextEdits: edits}
}

// factWriterCall spells the call of a writer known by its facts: its
// parameters in their order (status, code, response, request, message),
// or, with details, the WriteError and New of its package. name is the
// writer's package's name in the file ("" in the package itself).
func (p *pass) factWriterCall(file *ast.File, fn *types.Func, f *HelperFact, wc writerCall) (text string, returnsErr bool, name string) {
	pkg := fn.Pkg()
	qual := ""
	if pkg != p.Pkg {
		qual = p.qualifier(file, pkg)
		if qual == "" {
			qual = pkg.Name()
		}
	}
	q := func(s string) string {
		if qual == "" {
			return s
		}
		return qual + "." + s
	}
	call, sig := fn, fn.Signature()
	if wc.details != "" {
		// WriteError(handle..., New(code, msg).WithDetails(details))
		we, ok1 := pkg.Scope().Lookup("WriteError").(*types.Func)
		nw, ok2 := pkg.Scope().Lookup("New").(*types.Func)
		if !ok1 || !ok2 || nw.Signature().Params().Len() != 2 || nw.Signature().Results().Len() != 1 {
			return "", false, ""
		}
		if obj, _, _ := types.LookupFieldOrMethod(nw.Signature().Results().At(0).Type(), true, pkg, "WithDetails"); obj == nil {
			return "", false, ""
		}
		call, sig = we, we.Signature()
		wc.msg = q("New") + "(" + p.codeConst(nw.Signature().Params().At(0).Type(), wc.code, qual) + ", " + wc.msg + ").WithDetails(" + wc.details + ")"
		f = &HelperFact{Status: -1, Code: -1}
	}
	var args []string
	msgUsed := false
	for i := range sig.Params().Len() {
		param := sig.Params().At(i)
		switch {
		case sig.Variadic() && i == sig.Params().Len()-1:
			continue
		case i == f.Status:
			args = append(args, wc.status)
		case i == f.Code:
			args = append(args, p.codeConst(param.Type(), wc.code, qual))
		case p.isResponseWriter(param.Type()) || types.Identical(param.Type(), p.TypesInfo.TypeOf(wc.handle)):
			args = append(args, p.srcText(wc.handle, ""))
		case isNamed(param.Type(), "net/http", "Request"):
			args = append(args, wc.req)
		case !msgUsed && (isStringKind(param.Type()) || wc.details != ""):
			msgUsed = true
			args = append(args, wc.msg)
		default:
			return "", false, ""
		}
	}
	if slices.Contains(args, "") || !msgUsed {
		return "", false, ""
	}
	res := sig.Results()
	returnsErr = res.Len() == 1 && types.Identical(res.At(0).Type(), types.Universe.Lookup("error").Type())
	return q(call.Name()) + "(" + strings.Join(args, ", ") + ")", returnsErr, qual
}

// codeConst spells a code for a parameter of type t: the exported constant
// of t's package with that value, else a string literal. qual is the
// package's name in the file ("" in the package itself).
func (p *pass) codeConst(t types.Type, code, qual string) string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return strconv.Quote(code)
	}
	pkg := named.Obj().Pkg()
	for _, name := range pkg.Scope().Names() {
		c, ok := pkg.Scope().Lookup(name).(*types.Const)
		if !ok || !c.Exported() && pkg != p.Pkg || !types.Identical(c.Type(), t) {
			continue
		}
		if s, ok := stringConst(c); ok && s == code {
			if pkg == p.Pkg {
				return name
			}
			return qual + "." + name
		}
	}
	return strconv.Quote(code)
}

// stringConst is the value of a string constant.
func stringConst(c *types.Const) (string, bool) {
	if c.Val().Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Val()), true
}

// genWriterCall spells the call of the writer that apierrlint gen wrote
// into the package that error-writer names, when the file does not import
// it (right after gen: no package does, so no fact tells its API). gen's
// API is fixed: for a framework's handle Write(c, code, message) (an error
// result for echo and fiber) and WriteError(c, e); for (w, r),
// Write(w, r, code, message) in a net/http package and WriteHTTP in a
// framework's (the package analyzed imports the framework: gen was run for
// it). The constants are named as gen names them.
func (p *pass) genWriterCall(file *ast.File, wc writerCall) (text string, returnsErr bool, path, name string) {
	want := p.s.errorWriter
	dot := strings.LastIndexByte(want, '.')
	if dot < 0 || dot < strings.LastIndexByte(want, '/') {
		return "", false, "", ""
	}
	path, write := want[:dot], want[dot+1:]
	if path == p.Pkg.Path() || slices.ContainsFunc(p.Pkg.Imports(), func(imp *types.Package) bool { return imp.Path() == path }) {
		return "", false, "", "" // a package the analysis sees: its facts tell, or it is no writer
	}
	name = gonames.AssumedName(path)
	if !token.IsIdentifier(name) {
		return "", false, "", ""
	}
	writeError := ""
	if write == "Write" {
		writeError = "WriteError"
	}
	handle := p.srcText(wc.handle, "")
	args := []string{handle}
	switch p.handleFramework(p.TypesInfo.TypeOf(wc.handle)) {
	case netHTTP:
		if wc.req == "" {
			return "", false, "", ""
		}
		args = append(args, wc.req)
		if p.importsFramework() && write == "Write" {
			write, writeError = "WriteHTTP", ""
		}
	case ginFW:
	case echoFW, fiberFW:
		returnsErr = true
	default:
		return "", false, "", ""
	}
	code := name + "." + gonames.ConstName(wc.code)
	if wc.details != "" {
		if writeError == "" {
			return "", false, "", ""
		}
		args = append(args, name+".New("+code+", "+wc.msg+").WithDetails("+wc.details+")")
		return name + "." + writeError + "(" + strings.Join(args, ", ") + ")", returnsErr, path, name
	}
	args = append(args, code, wc.msg)
	return name + "." + write + "(" + strings.Join(args, ", ") + ")", returnsErr, path, name
}

// sameWriterFamily reports whether fn is gen's net/http writer beside the
// writer that error-writer names: WriteHTTP for path.Write.
func sameWriterFamily(fn *types.Func, want string) bool {
	return fn.Name() == "WriteHTTP" && fn.Pkg().Path()+".Write" == want
}

// writesTo reports whether fn has a parameter that takes the response
// handle: of its type, or an http.ResponseWriter for one.
func (p *pass) writesTo(fn *types.Func, handle types.Type) bool {
	params := fn.Signature().Params()
	rw := p.isResponseWriter(handle)
	for i := range params.Len() {
		t := params.At(i).Type()
		if types.Identical(t, handle) || rw && p.isResponseWriter(t) && !p.isHandleOfFramework(t) {
			return true
		}
	}
	return false
}

// isHandleOfFramework reports whether t is a framework's handle (not
// net/http's).
func (p *pass) isHandleOfFramework(t types.Type) bool {
	fw := p.handleFramework(t)
	return fw != nil && fw != netHTTP
}

// importsFramework reports whether the package imports a framework whose
// handle is its own type (gin, echo, fiber).
func (p *pass) importsFramework() bool {
	for _, imp := range p.Pkg.Imports() {
		for _, fw := range []*framework{ginFW, echoFW, fiberFW} {
			if slices.Contains(fw.pkgs, imp.Path()) {
				return true
			}
		}
	}
	return false
}

// resultFits reports whether the writer's call can stand where old is: as
// a statement, anything; as a value (return c.String(...)), only a writer
// that returns an error as old does.
func (p *pass) resultFits(file *ast.File, old ast.Expr, returnsErr bool) bool {
	path, _ := astutil.PathEnclosingInterval(file, old.Pos(), old.End())
	for i, n := range path {
		if n != old {
			continue
		}
		if i+1 < len(path) {
			if _, ok := path[i+1].(*ast.ExprStmt); ok {
				return true
			}
		}
		t := p.TypesInfo.TypeOf(old)
		return returnsErr && t != nil && types.Identical(t, types.Universe.Lookup("error").Type())
	}
	return false
}

// newWriterCall starts the writer's call that replaces old, for the write
// call with the constant status st: its response, request and code. ok is
// false when the file has no writer for the response or the status no code
// (note says why, for the finding's message).
func (fc *funcCtx) newWriterCall(call *ast.CallExpr, old ast.Expr, st int) (wc writerCall, note string, ok bool) {
	p := fc.p
	handle := p.handleOf(call)
	file := p.fileOf(call.Pos())
	if handle == nil || file == nil || !p.hasWriter(file, handle) {
		return wc, "", false
	}
	code, note := p.fixCode(st)
	if code == "" {
		return wc, note, false
	}
	return writerCall{old: old, handle: handle, req: fc.request(call), status: strconv.Itoa(st), code: code}, "", true
}

// hasWriter reports whether a fix could call a writer for the handle in
// file: one known by its facts, or one error-writer names.
func (p *pass) hasWriter(file *ast.File, handle ast.Expr) bool {
	fn, _ := p.errorWriter(file, p.TypesInfo.TypeOf(handle))
	return fn != nil || p.s.errorWriter != ""
}
