package analyzer

// The fixes that turn an error response into a call of the project's error
// writer: http.Error, a framework's raw write (c.String(404, msg),
// c.AbortWithStatus(403), c.Status(404).SendString(msg), ...) and an error
// body of the wrong shape become Write(c, CodeX, msg) (or WriteError with
// the details). The writer is the one the facts show (gen's, or one
// error-writer names), or, when error-writer names a package that no file
// imports yet (right after apierrlint gen), gen's API spelled by name: its
// functions per framework are fixed, its constants named by gonames as gen
// names them. The fix adds the import it needs. Entry point: writerCall.

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"net/http"
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

// fix returns the suggested fix that replaces wc.old with the writer's
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

// imports reports whether file imports path.
func (p *pass) imports(file *ast.File, path string) bool {
	for _, imp := range file.Imports {
		if s, err := strconv.Unquote(imp.Path.Value); err == nil && s == path {
			return true
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

// stringConst is the value of a string constant.
func stringConst(c *types.Const) (string, bool) {
	if c.Val().Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(c.Val()), true
}

// statusText is the message of a write that carried none: the status's
// text ("Not Found"), quoted.
func statusText(st int) string {
	return strconv.Quote(http.StatusText(st))
}

// writerFix rewrites http.Error(w, msg, status) and http.NotFound(w, r)
// into the writer's call, with the code of the status.
func (fc *funcCtx) writerFix(call *ast.CallExpr, status value, statusSrc, msg string) *analysis.SuggestedFix {
	st, ok := status.int()
	if !ok || len(call.Args) < 2 {
		return nil
	}
	code, _ := fc.p.fixCode(st)
	return fc.p.writerCallFix(writerCall{old: call, handle: call.Args[0], req: fc.request(call), status: statusSrc, code: code, msg: msg})
}

// rawFix is the fix of a framework's raw error write with a constant error
// status st: the writer's call replaces old (the write, or the chain that
// sets its status: c.Status(404).SendString(m)), with the message the
// write carried, as its table row says where. note, for the finding's
// message, says why there is no fix when the status has several codes.
func (fc *funcCtx) rawFix(call *ast.CallExpr, old ast.Expr, st int) (*analysis.SuggestedFix, string) {
	p := fc.p
	fn, ok := calleeFunc(p.TypesInfo, call)
	if !ok {
		return nil, ""
	}
	pr, _, ok := p.primitiveOf(call, fn)
	if !ok || pr.msg == msgNone {
		return nil, ""
	}
	wc, note, ok := fc.newWriterCall(call, old, st)
	if !ok {
		return nil, note
	}
	body := func() ast.Expr {
		if pr.body >= 0 && pr.body < len(call.Args) {
			return call.Args[pr.body]
		}
		return nil
	}()
	switch pr.msg {
	case msgStatusText:
		wc.msg = statusText(st)
	case msgBody, msgFormat:
		if body == nil {
			return nil, ""
		}
		if pr.ctype >= 0 {
			// gin's Data: a message only with a text content type.
			if ct, ok := fc.sc.eval(call.Args[pr.ctype]).str(); !ok || !strings.HasPrefix(ct, "text/") {
				return nil, ""
			}
		}
		wc.msg = p.messageText(body)
		if pr.msg == msgFormat && len(call.Args) > pr.body+1 {
			args := p.srcRange(body.Pos(), call.Rparen)
			wc.msg, wc.imports = "fmt.Sprintf("+strings.TrimRight(strings.TrimSpace(args), ",")+")", []string{"fmt"}
		}
	}
	if wc.msg == "" {
		return nil, ""
	}
	return p.writerCallFix(wc), ""
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

// messageText is a message argument as a string: its text, or string(b)
// for bytes; "" for anything else.
func (p *pass) messageText(e ast.Expr) string {
	t := p.TypesInfo.TypeOf(e)
	if t == nil {
		return ""
	}
	src := p.srcText(e, "")
	if isStringKind(t) {
		return src
	}
	if s, ok := t.Underlying().(*types.Slice); ok && src != "" {
		if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			if inner := stripConversion(p.TypesInfo, e); inner != ast.Unparen(e) && isStringKind(p.TypesInfo.TypeOf(inner)) {
				return p.srcText(inner, "") // []byte("text")
			}
			return "string(" + src + ")"
		}
	}
	return ""
}

// srcRange is the source text between two positions of one file.
func (p *pass) srcRange(pos, end token.Pos) string {
	tf := p.Fset.File(pos)
	if tf == nil || p.Fset.File(end) != tf {
		return ""
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	if start < 0 || stop > len(src) || start > stop {
		return ""
	}
	return string(src[start:stop])
}

// plainFix is the fix of a text write after a status set for it (fiber's
// c.Status(404).SendString(m)): the writer's call replaces the chain, or
// the write when the status is set by the statement just before it (where
// no other path can set another status).
func (fc *funcCtx) plainFix(status, write *event, st int) (*analysis.SuggestedFix, string) {
	call, ok := write.node.(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	set, ok := status.node.(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || ast.Unparen(sel.X) != set {
		if !fc.p.adjacent(set, call) {
			return nil, ""
		}
	}
	return fc.rawFix(call, call, st)
}

// adjacent reports whether the statement of b follows that of a directly,
// a being a statement of its own (c.Status(404)).
func (p *pass) adjacent(a, b ast.Node) bool {
	file := p.fileOf(a.Pos())
	if file == nil {
		return false
	}
	pa, _ := astutil.PathEnclosingInterval(file, a.Pos(), a.End())
	pb, _ := astutil.PathEnclosingInterval(file, b.Pos(), b.End())
	if len(pa) < 3 || len(pb) < 2 {
		return false
	}
	stmtA, ok := pa[1].(*ast.ExprStmt)
	if !ok || stmtA.X != pa[0] {
		return false
	}
	block, ok := pa[2].(*ast.BlockStmt)
	if !ok {
		return false
	}
	i := slices.Index(block.List, ast.Stmt(stmtA))
	if i < 0 || i+1 >= len(block.List) {
		return false
	}
	next := block.List[i+1]
	return next.Pos() <= b.Pos() && b.End() <= next.End() && slices.Contains(pb, ast.Node(next))
}
