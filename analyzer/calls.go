package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"mime"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

const retryAfter = "Retry-After"

// call classifies one call: a framework primitive (a row of the tables in
// fw_*.go), a call of an inferred helper, or a call the analysis cannot see
// into.
func (fc *funcCtx) call(call *ast.CallExpr) {
	p := fc.p
	info := p.TypesInfo
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Func:
		if pr, fw, ok := p.primitiveOf(call, callee); ok {
			n := len(fc.events)
			fc.primitive(call, callee.Name(), describe(callee), pr, fw)
			for _, ev := range fc.events[n:] {
				ev.fw = fw
			}
			return
		}
		if fc.optionCall(call, callee) {
			return
		}
		if f := p.helperFact(callee); f != nil {
			fc.helperCall(call, callee, f)
			return
		}
		if fw := p.methodFramework(callee); fw != nil && fw != netHTTP {
			// A method of gin's, echo's or fiber's response that the
			// tables do not list (c.Param, c.Bind): it does not touch the
			// response, except Next, which runs the handlers after this one.
			if callee.Name() == "Next" {
				fc.dynamicCall(call)
			}
			return
		}
		if recv := callee.Signature().Recv(); recv != nil && types.IsInterface(recv.Type()) {
			fc.dynamicCall(call) // an interface method: unknown body
			return
		}
		fc.headerArgs(call)
		if fc.passesResponse(call) {
			fc.fact.Writes = true // hands the response to a function that may write it
			if fc.rend != nil && callee.Pkg() != p.Pkg {
				fc.rend.handoff = true // which may set Retry-After
			}
		}
	case *types.Var:
		// A call through a package-level function variable: render.Respond.
		if callee.Pkg() != nil && callee.Parent() == callee.Pkg().Scope() {
			if pr, fw, ok := lookupPrimitive(callee.Pkg().Path() + "." + callee.Name()); ok && p.handleArg(call, pr) {
				fc.primitive(call, callee.Name(), callee.Pkg().Name()+"."+callee.Name(), pr, fw)
				return
			}
		}
		fc.dynamicCall(call)
	case *types.Builtin:
		// no effect on responses
	default:
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return // a conversion
		}
		fc.dynamicCall(call)
	}
}

// calleeFunc returns the static callee of a call.
func calleeFunc(info *types.Info, call *ast.CallExpr) (*types.Func, bool) {
	fn, ok := typeutil.Callee(info, call).(*types.Func)
	return fn, ok
}

// primitiveOf returns the table row of a call's callee, when the call uses
// it on a response: the receiver or the handle argument is a response, a
// header map is a response's, an encoder writes to one. Methods of
// http.ResponseWriter match any implementation of it.
func (p *pass) primitiveOf(call *ast.CallExpr, fn *types.Func) (primitive, *framework, bool) {
	var (
		pr primitive
		fw *framework
		ok bool
	)
	if fn.Pkg() != nil && primitivePkgs[fn.Pkg().Path()] {
		pr, fw, ok = lookupPrimitive(fn.Origin().FullName())
	}
	sel, isSel := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok && fn.Signature().Recv() != nil && isSel && p.isResponseWriter(p.TypesInfo.TypeOf(sel.X)) {
		switch fn.Name() {
		case "WriteHeader", "Write", "Header":
			pr, fw, ok = lookupPrimitive("(net/http.ResponseWriter)." + fn.Name())
		}
	}
	if !ok || !p.handleArg(call, pr) {
		return pr, fw, false
	}
	return pr, fw, true
}

// handleArg reports whether the argument that a package-level primitive
// writes to is a response (fmt.Fprintf(os.Stderr, ...) is not). Only
// functions that take any io.Writer or map need the check: http.Error's or
// render.JSON's parameter is a ResponseWriter by its type (even a nil
// argument), and a method's receiver type is the table's.
func (p *pass) handleArg(call *ast.CallExpr, pr primitive) bool {
	switch {
	case pr.handle < 0:
		return true
	case pr.role != roleBytes && pr.role != roleFprint && pr.role != roleHeaderCopy && pr.role != roleStream:
		return true
	}
	if pr.handle >= len(call.Args) {
		return false
	}
	t := p.TypesInfo.TypeOf(call.Args[pr.handle])
	if pr.role == roleHeaderCopy {
		return p.isHeaderType(t) // whether a response's: decided in primitive
	}
	return p.isHandle(t)
}

// methodFramework returns the framework whose handle type declares a
// method (nil for other functions).
func (p *pass) methodFramework(fn *types.Func) *framework {
	recv := fn.Signature().Recv()
	if recv == nil || fn.Pkg() == nil || !primitivePkgs[fn.Pkg().Path()] {
		return nil
	}
	return p.handleFramework(recv.Type())
}

// describe names a function in messages: "(*gin.Context).String",
// "(echo.Context).NoContent", "render.PlainText".
func describe(fn *types.Func) string {
	qual := func(p *types.Package) string { return p.Name() }
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), qual) + ")." + fn.Name()
	}
	if fn.Pkg() == nil {
		return fn.Name()
	}
	return fn.Pkg().Name() + "." + fn.Name()
}

// primitive records what a framework primitive does to the response.
func (fc *funcCtx) primitive(call *ast.CallExpr, name, what string, pr primitive, fw *framework) {
	p := fc.p
	arg := func(i int) ast.Expr {
		if i >= 0 && i < len(call.Args) {
			return call.Args[i]
		}
		return nil
	}
	statusExpr := arg(pr.status)
	status := unknown
	if statusExpr != nil {
		status = fc.sc.eval(statusExpr)
	}
	if pr.errValue.name != "" {
		if fn, ok := calleeFunc(p.TypesInfo, call); ok {
			fc.frameworkValue(call, fn.Pkg(), pr.errValue, status)
		}
	}
	switch pr.role {
	case roleWriteStatus:
		if statusExpr != nil {
			fc.addStatus(call, statusExpr, status, unknown, true)
			fc.sentAlone(pr, what)
		}
		fc.errorArg(statusExpr, status, arg(pr.errArg))
	case roleSetStatus:
		if statusExpr != nil {
			fc.addSetter(call, statusExpr, status)
			fc.sentAlone(pr, what)
		}
	case roleJSON:
		if statusExpr != nil {
			code := unknown // for the message of missing-retry-after
			if b, ok := fc.literalBody(arg(pr.body)); ok && b.code.param < 0 {
				code = b.code
			}
			fc.addStatus(call, statusExpr, status, code, true)
		}
		if b := arg(pr.body); b != nil {
			fc.body(call, b, pr.selfStatus)
		} else {
			fc.addWrite(call)
		}
		if pr.fixed != "" {
			fc.fixedBody(call, what, status, pr.fixed)
		}
	case roleJSONText:
		if statusExpr != nil {
			fc.addStatus(call, statusExpr, status, unknown, true)
		}
		fc.jsonText(call, arg(pr.body))
	case roleText:
		fc.text(call, what, statusExpr, status, arg(pr.body))
	case roleData:
		ct, ok := fc.sc.eval(arg(pr.ctype)).str()
		switch {
		case !ok:
			if statusExpr != nil {
				fc.addStatus(call, statusExpr, status, unknown, true)
			}
			fc.addWrite(call) // unknown content type
		case isJSONMediaType(ct):
			if statusExpr != nil {
				fc.addStatus(call, statusExpr, status, unknown, true)
			}
			fc.jsonText(call, arg(pr.body))
		default:
			fc.text(call, what+" with content type "+ct, statusExpr, status, nil)
		}
	case roleNoBody:
		fc.noBody(call, what, statusExpr, status)
	case roleHeaderSet:
		if fw == netHTTP {
			// http.Header's Set and Add: only on a response's header map.
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || !fc.isResponseHeader(sel.X) {
				return
			}
		}
		if k := arg(pr.key); k != nil {
			fc.headerKey(call, k, arg(pr.body))
		}
	case roleErrorValue:
		fc.errorValue(call, statusExpr, status, arg(pr.body))
	case roleBefore:
		fc.before(call, arg(pr.body))
	case roleBytes:
		if b := arg(pr.body); b != nil {
			fc.writeBytes(call, b)
		}
	case roleFprint:
		if fc.plainFmt(name, call.Args[1:]) {
			fc.add(&event{kind: evPlain, end: call.End(), node: call, write: true})
		} else if t := fc.textParam(call.Args[1]); t != nil && name != "Fprintf" && len(call.Args) == 2 {
			fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true, text: t}) // fmt.Fprint(w, msg)
		} else {
			fc.addWrite(call)
		}
	case roleStream:
		fc.addWrite(call)
	case roleEncode:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fc.encoderOnResponse(sel.X) {
			if b := arg(pr.body); b != nil {
				fc.body(call, b, false)
			}
		}
	case roleHeaderCopy:
		if fc.isResponseHeader(call.Args[pr.handle]) {
			fc.maySetRetryAfter(call, raMay) // may copy Retry-After
		}
	case roleHTTPError:
		switch body := arg(pr.body); {
		case body != nil && fc.looksLikeJSONText(body):
			// The body is JSON already; what is wrong is the content type
			// that http.Error sets. No fix: the writer's message would be
			// the JSON text.
			p.report(call, RuleRawHTTPError, "http.Error sends this JSON-looking body as text/plain (it sets Content-Type: text/plain); set Content-Type: application/json and write a JSON error body %s", p.jsonBody(status))
		default:
			var fix *analysis.SuggestedFix
			note := ""
			if len(call.Args) == 3 {
				fix = fc.writerFix(call, status, p.srcText(call.Args[2], ""), p.srcText(call.Args[1], ""))
				if st, ok := status.int(); ok && fix == nil && p.hasWriter(p.fileOf(call.Pos()), call.Args[0]) {
					_, note = p.fixCode(st)
				}
			}
			p.reportFix(call, RuleRawHTTPError, fix, "http.Error sends a plain-text body; send a JSON error body %s%s", p.jsonBody(status), note)
		}
		if statusExpr != nil {
			fc.addStatus(call, statusExpr, status, unknown, false)
		}
	case roleNotFound:
		p.reportFix(call, RuleRawHTTPError, fc.writerFix(call, intConst(404), p.httpConst(call, "StatusNotFound", "404"), `"not found"`), "http.NotFound sends a plain-text 404; send a JSON error body %s", p.jsonBody(intConst(404)))
		fc.addStatus(call, nil, intConst(404), unknown, false)
	case roleNotFoundHandler:
		p.report(call, RuleRawHTTPError, "http.NotFoundHandler serves a plain-text 404; use a handler that sends a JSON error body %s", p.jsonBody(intConst(404)))
	case roleHeaderMap, roleSilent:
	}
}

// text handles a writer of a non-JSON body. With its own error status it is
// a raw error response; without a status argument it writes with the
// status set on the path, checked there. A constant JSON object as the body
// is JSON whatever the content type says.
func (fc *funcCtx) text(call *ast.CallExpr, what string, statusExpr ast.Expr, status value, body ast.Expr) {
	if body != nil {
		if s, ok := fc.sc.eval(stripConversion(fc.p.TypesInfo, body)).str(); ok && looksLikeJSON(s) && strings.HasPrefix(strings.TrimSpace(s), "{") {
			if statusExpr != nil {
				fc.addStatus(call, statusExpr, status, unknown, true)
			}
			fc.jsonText(call, body)
			return
		}
	}
	if statusExpr == nil {
		fc.add(&event{kind: evPlain, end: call.End(), node: call, write: true, what: what})
		return
	}
	fc.rawWrite(call, what, statusExpr, status, RawText)
}

// noBody handles a writer of a status without a body.
func (fc *funcCtx) noBody(call *ast.CallExpr, what string, statusExpr ast.Expr, status value) {
	if statusExpr == nil {
		fc.addWrite(call)
		return
	}
	fc.rawWrite(call, what, statusExpr, status, RawNoBody)
}

// rawWrite records a write of a non-JSON body or of no body with its own
// status: a raw error response with a constant error status, a raw helper
// with a parameter.
func (fc *funcCtx) rawWrite(call *ast.CallExpr, what string, statusExpr ast.Expr, status value, kind RawKind) {
	fc.addStatus(call, statusExpr, status, unknown, true)
	head := kind == RawNoBody && fc.headRequest()
	if status.param >= 0 {
		if !head {
			fc.fact.Raw = kind
		}
		return
	}
	if head {
		// The answer to a HEAD request has no body.
	} else if st, ok := status.int(); ok && st >= 400 {
		fix, note := fc.rawFix(call, call, st)
		fc.p.reportFix(call, RuleRawHTTPError, fix, "%s sends %s; send a JSON error body %s%s", what, kind.sends(st), fc.p.jsonBody(status), note)
	} else if fc.inRenderer(call, status) {
		fc.p.report(call, RuleRawHTTPError, "%s sends %s %s: everything a renderer writes is an error response; send a JSON error body %s", what, kind.sends(-1), fc.renderedBy(), fc.p.jsonBody(status))
	}
	// Reported here: the path walk adds no second finding.
	fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true})
}

// errorValue handles echo.NewHTTPError(status, message): a string message
// is rendered by the app's error handler; an error body as the message
// pairs its code with the status, like a constructor's literal.
func (fc *funcCtx) errorValue(call *ast.CallExpr, statusExpr ast.Expr, status value, msg ast.Expr) {
	if msg == nil {
		return
	}
	if pi := fc.sc.paramOf(msg); pi >= 0 {
		if status.param >= 0 {
			fc.fact.Status = status.param
		}
		fc.fact.Body = pi
		return
	}
	b, ok := fc.literalBody(msg)
	if !ok || !fc.flows(status, b.code) {
		return
	}
	if b.codeNode != nil {
		fc.p.checkCode(b.codeNode, b.code)
	}
	fc.p.checkPair(statusExpr, statusExpr, status, b.code)
}

// before handles echo's Response().Before(fn): fn runs just before the
// response is written, so the headers it sets are set in time. A function
// literal is read; anything else may set Retry-After.
func (fc *funcCtx) before(call *ast.CallExpr, fn ast.Expr) {
	lit, ok := ast.Unparen(fn).(*ast.FuncLit)
	if !ok {
		fc.maySetRetryAfter(call, raMay)
		return
	}
	// The literal's own analysis reports its findings; here it only
	// tells whether it sets Retry-After.
	saved := fc.p.diags
	fc.p.diags = nil
	inner := fc.p.newFuncCtx(nil, lit.Type, lit.Body)
	inner.walk(lit.Body)
	fc.p.diags = saved
	switch inner.retrySet(lit.Body) {
	case RetryAlways:
		fc.setsRetryAfter(call, call.End(), raSets, "")
	case RetrySome, RetryMaybe:
		fc.setsRetryAfter(call, call.End(), raMay, "")
	}
}

// isJSONMediaType reports whether a Content-Type is JSON
// (application/json, application/problem+json, ...).
func isJSONMediaType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	return mt == "application/json" || strings.HasSuffix(mt, "+json")
}

// stripConversion returns the operand of []byte(x) or string(x).
func stripConversion(info *types.Info, e ast.Expr) ast.Expr {
	e = ast.Unparen(e)
	if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
		if tv, ok := info.Types[c.Fun]; ok && tv.IsType() {
			return ast.Unparen(c.Args[0])
		}
	}
	return e
}

// encoderOnResponse reports whether e is json.NewEncoder(w) for a response
// writer w, directly or through a local variable.
func (fc *funcCtx) encoderOnResponse(e ast.Expr) bool {
	call, ok := fc.sc.resolve(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 1 {
		return false
	}
	fn, ok := typeutil.Callee(fc.p.TypesInfo, call).(*types.Func)
	return ok && isPkgFunc(fn, "encoding/json", "NewEncoder") && fc.isWriter(call.Args[0])
}

// isWriter reports whether e is a net/http response writer.
func (fc *funcCtx) isWriter(e ast.Expr) bool {
	return fc.p.isResponseWriter(fc.p.TypesInfo.TypeOf(e))
}

// isHandleExpr reports whether e is a response of any framework.
func (fc *funcCtx) isHandleExpr(e ast.Expr) bool {
	return fc.p.isHandle(fc.p.TypesInfo.TypeOf(e))
}

func isNamed(t types.Type, path, name string) bool {
	return typeName{path, name}.is(t)
}

// defaultCatalogNote follows a code suggested from the embedded catalog.
const defaultCatalogNote = " (from the embedded default catalog)"

// jsonBody describes the JSON error body to send for a status: with the
// catalog's code when exactly one code has that status. A code of the
// embedded catalog says so: the user named no catalog, and the code may
// not be theirs.
func (p *pass) jsonBody(status value) string {
	if st, ok := status.int(); ok {
		if codes := p.s.cat.CodesWithStatus(st); len(codes) == 1 {
			if p.s.defaultCatalog {
				return "with code " + codes[0] + defaultCatalogNote
			}
			return "with code " + codes[0]
		}
	}
	return p.s.shape.brief
}

// looksLikeJSONText reports whether a text body is JSON by its looks: a
// constant JSON object or array, the result of json.Marshal (string(b)), or
// fmt.Sprintf with a format that is a JSON object.
func (fc *funcCtx) looksLikeJSONText(body ast.Expr) bool {
	e := stripConversion(fc.p.TypesInfo, body)
	if s, ok := fc.sc.eval(e).str(); ok {
		s = strings.TrimSpace(s)
		return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
	}
	call, ok := fc.sc.resolve(e).(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	fn, ok := typeutil.Callee(fc.p.TypesInfo, call).(*types.Func)
	switch {
	case !ok:
		return false
	case isPkgFunc(fn, "encoding/json", "Marshal", "MarshalIndent"):
		return true
	case isPkgFunc(fn, "fmt", "Sprintf"):
		format, ok := fc.sc.eval(call.Args[0]).str()
		return ok && strings.HasPrefix(strings.TrimSpace(format), "{")
	}
	return false
}

// addStatus records that a status is written. direct: the body follows on
// the path (WriteHeader; a framework writer's own status, whose body is
// the event after it).
func (fc *funcCtx) addStatus(call *ast.CallExpr, statusExpr ast.Expr, st, code value, direct bool) {
	ev := &event{kind: evStatus, end: call.End(), node: call, statusExpr: statusExpr, status: st, code: code, direct: direct, write: true}
	if st.param >= 0 {
		fc.fact.Status = st.param
	} else if _, ok := fc.p.needsRetryAfter(st, code); ok {
		ev.checkRA = true
	}
	fc.add(ev)
}

// addSetter records a status set for the write that follows on the path
// (gin and fiber Status, render.Status): Retry-After is needed by then.
func (fc *funcCtx) addSetter(call *ast.CallExpr, statusExpr ast.Expr, st value) {
	ev := &event{kind: evStatus, end: call.End(), node: call, statusExpr: statusExpr, status: st, code: unknown, direct: true, deferred: true}
	if st.param >= 0 {
		fc.fact.Status = st.param
	} else if _, ok := fc.p.needsRetryAfter(st, unknown); ok {
		ev.checkRA = true
	}
	fc.add(ev)
}

// addWrite records that the response is written, with nothing more known.
func (fc *funcCtx) addWrite(call *ast.CallExpr) {
	fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true})
}

// headerKey handles Set/Add of a header name and value: Retry-After (its
// value checked), a parameter, or a name the analysis cannot see (which may
// be Retry-After).
func (fc *funcCtx) headerKey(call *ast.CallExpr, key, value ast.Expr) {
	v := fc.sc.eval(key)
	if v.param >= 0 {
		fc.fact.HeaderKey = v.param
		if value != nil {
			fc.fact.HeaderValue = fc.sc.paramOf(value)
		}
		return
	}
	k, ok := v.str()
	switch {
	case !ok:
		fc.maySetRetryAfter(call, raMay)
	case textproto.CanonicalMIMEHeaderKey(k) == retryAfter:
		fc.setsRetryAfterTo(call, call.End(), raSets, "", value)
		fc.checkRetryAfterValue(value)
	}
}

// headerArgs: a static call that is handed the response headers may set
// Retry-After (a header-copying helper).
func (fc *funcCtx) headerArgs(call *ast.CallExpr) {
	for _, a := range call.Args {
		if fc.isResponseHeader(a) {
			fc.maySetRetryAfter(call, raMay)
			return
		}
	}
}

// dynamicCall: a call whose body the analysis cannot see. When it is handed
// the response or its headers, or is a closure, it may set Retry-After.
func (fc *funcCtx) dynamicCall(call *ast.CallExpr) {
	info := fc.p.TypesInfo
	may := false
	for _, a := range call.Args {
		if fc.isHandleExpr(a) || fc.isResponseHeader(a) {
			may = true
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fc.isHandleExpr(sel.X) {
		may = true // a method of the response that the analysis does not know
	}
	if id, ok := ast.Unparen(call.Fun).(*ast.Ident); ok {
		if v, ok := info.Uses[id].(*types.Var); ok && v.Parent() != nil && v.Parent() != v.Pkg().Scope() {
			may = true // a local closure may capture the writer
		}
	}
	if _, ok := ast.Unparen(call.Fun).(*ast.FuncLit); ok {
		may = true
	}
	if may {
		fc.maySetRetryAfter(call, raLocal)
	}
	if fc.passesResponse(call) {
		fc.fact.Writes = true
	}
}

// helperCall checks a call of an inferred helper with its constant
// arguments and propagates parameters through it.
func (fc *funcCtx) helperCall(call *ast.CallExpr, fn *types.Func, f *HelperFact) {
	p := fc.p
	arg := func(i int) ast.Expr {
		sig := fn.Signature()
		if i < 0 || i >= len(call.Args) || (sig.Variadic() && i >= sig.Params().Len()-1) {
			return nil
		}
		return call.Args[i]
	}
	status, code := unknown, unknown
	fromCall := false
	if a := arg(f.Status); a != nil {
		status, fromCall = fc.sc.eval(a), true
	} else if f.FixedStatus != 0 {
		status = intConst(f.FixedStatus)
	}
	if a := arg(f.Code); a != nil {
		code, fromCall = fc.sc.eval(a), true
	} else if f.FixedCode != "" {
		code = strConst(f.FixedCode)
	}
	fc.helperShape(call, fn, f, arg)
	if fc.rend != nil && f.Writes {
		fc.rend.writes = append(fc.rend.writes, rendWrite{node: call, status: status, code: code, statusExpr: arg(f.Status), codeExpr: arg(f.Code)})
	}
	var bodyLit *litBody
	if a := arg(f.Body); a != nil {
		if pi := fc.sc.paramOf(a); pi >= 0 {
			fc.fact.Body = pi
		} else if b, ok := fc.literalBody(a); ok {
			code, fromCall = b.code, true
			bodyLit = &b
		}
	}
	if a := arg(f.Body); a != nil && f.Writes && f.Status < 0 && f.FixedStatus == 0 && fc.passesResponse(call) {
		// A writer of its body argument (RenderJSON(w, v)): the body is
		// written here, with the status set on the path before it.
		fc.body(call, a, false)
	}
	if a := arg(f.HeaderKey); a != nil {
		fc.headerKey(call, a, arg(f.HeaderValue))
	}
	if a := arg(f.RetryAfterValue); a != nil {
		fc.checkRetryAfterValue(a)
	}
	fc.helperRetryAfter(call, fn.Name(), f, arg(f.RetryAfterValue))
	if f.Writes && fc.passesResponse(call) {
		fc.fact.Writes = true
	}
	fc.bodylessCall(call, fn.Name(), f, arg(f.Status))
	if f.Status < 0 && f.Code < 0 && f.Body < 0 && f.FixedStatus == 0 && f.FixedCode == "" {
		return // only a header helper
	}

	// A helper that writes plain text or no body with its status
	// parameter: a raw error response where a constant error status meets
	// it.
	if f.Raw != RawNone && arg(f.Status) != nil {
		if status.param >= 0 {
			fc.fact.Raw = f.Raw
		} else if st, ok := status.int(); ok && st >= 400 {
			p.report(call, RuleRawHTTPError, "%s sends %s; send a JSON error body %s", fn.Name(), f.Raw.sends(st), p.jsonBody(status))
		} else if fc.inRenderer(call, status) {
			p.report(call, RuleRawHTTPError, "%s sends %s %s: everything a renderer writes is an error response; send a JSON error body %s", fn.Name(), f.Raw.sends(-1), fc.renderedBy(), p.jsonBody(status))
		}
	}

	if a := arg(f.Text); a != nil && arg(f.Status) != nil {
		fc.textCall(call, fn.Name(), status, a)
	}

	// Parameters that flow through to the helper.
	if status.param >= 0 {
		fc.fact.Status = status.param
		if c, ok := code.str(); ok {
			fc.fixedCode[c] = true
		}
	}
	if code.param >= 0 {
		fc.fact.Code = code.param
		if s, ok := status.int(); ok {
			fc.fixedStatus[s] = true
		}
	}
	if f.Writes {
		fc.fact.Writes = true
	}
	if !fromCall {
		return // the helper's own constants were checked inside it
	}
	if a := arg(f.Code); a != nil {
		p.checkCode(a, code)
	} else if bodyLit != nil && !bodyLit.isError && bodyLit.codeNode != nil {
		// A body that is an error body because this call sends it with
		// an error status.
		if st, ok := status.int(); ok && st >= 400 {
			p.checkCode(bodyLit.codeNode, code)
		}
	}
	p.checkPair(call, arg(f.Status), status, code)
	fc.constructorRetryAfter(call, fn, f, status, code)
	if f.Writes && f.RetryAfter <= RetryNever && status.param < 0 && code.param < 0 {
		if _, ok := p.needsRetryAfter(status, code); ok {
			fc.add(&event{kind: evStatus, end: call.End(), node: call, status: status, code: code, checkRA: true, write: true})
		}
	}
}

// writeBytes handles w.Write(b) and io.WriteString(w, s): a constant JSON
// error body, plain text, or (unknown) something else.
func (fc *funcCtx) writeBytes(call *ast.CallExpr, arg ast.Expr) {
	e := stripConversion(fc.p.TypesInfo, arg)
	if s, ok := fc.sc.eval(e).str(); ok {
		if code, ok := fc.p.jsonErrorCode(s); ok {
			fc.add(&event{kind: evBody, end: call.End(), node: call, code: strConst(code), codeNode: call, errBody: true, write: true, bodyExpr: e})
			fc.p.checkCode(call, strConst(code))
			return
		}
		if plainText(s) {
			fc.add(&event{kind: evPlain, end: call.End(), node: call, write: true})
			return
		}
		fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true, bodyExpr: e})
		return
	}
	if fc.plainExpr(e, 0) {
		fc.add(&event{kind: evPlain, end: call.End(), node: call, write: true})
		return
	}
	if t := fc.textParam(e); t != nil {
		fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true, text: t})
		return
	}
	// json.Marshal(v) then w.Write(b)
	if m, ok := fc.sc.resolve(arg).(*ast.CallExpr); ok && len(m.Args) >= 1 {
		if fn, ok := typeutil.Callee(fc.p.TypesInfo, m).(*types.Func); ok && isPkgFunc(fn, "encoding/json", "Marshal", "MarshalIndent") {
			fc.body(call, m.Args[0], false)
			return
		}
	}
	// json.NewEncoder(buf).Encode(v) then w.Write(buf.Bytes())
	if v := fc.bufferedBody(e); v != nil {
		fc.body(call, v, false)
		return
	}
	fc.addWrite(call)
}

// jsonText handles a JSON body given as text (echo JSONBlob, a constant
// JSON object sent with SendString): a constant JSON error body, the
// result of json.Marshal, or unknown.
func (fc *funcCtx) jsonText(call *ast.CallExpr, arg ast.Expr) {
	if arg == nil {
		fc.addWrite(call)
		return
	}
	e := stripConversion(fc.p.TypesInfo, arg)
	if s, ok := fc.sc.eval(e).str(); ok {
		if code, ok := fc.p.jsonErrorCode(s); ok {
			fc.add(&event{kind: evBody, end: call.End(), node: call, code: strConst(code), codeNode: call, errBody: true, write: true, bodyExpr: e})
			fc.p.checkCode(call, strConst(code))
			return
		}
		fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true, bodyExpr: e})
		return
	}
	if m, ok := fc.sc.resolve(arg).(*ast.CallExpr); ok && len(m.Args) >= 1 {
		if fn, ok := typeutil.Callee(fc.p.TypesInfo, m).(*types.Func); ok && isPkgFunc(fn, "encoding/json", "Marshal", "MarshalIndent") {
			fc.body(call, m.Args[0], false)
			return
		}
	}
	fc.addWrite(call)
}

// plainText reports whether a constant text is certainly not JSON.
func plainText(s string) bool {
	return strings.TrimSpace(s) != "" && !looksLikeJSON(s)
}

// plainExpr reports whether a string expression certainly yields plain text:
// err.Error(), a concatenation that starts with plain constant text, or
// fmt.Sprintf with a plain format.
func (fc *funcCtx) plainExpr(e ast.Expr, depth int) bool {
	e = ast.Unparen(e)
	if s, ok := fc.sc.eval(e).str(); ok {
		return plainText(s)
	}
	if depth > 4 {
		return false
	}
	switch e := e.(type) {
	case *ast.BinaryExpr:
		return e.Op == token.ADD && fc.plainExpr(e.X, depth+1)
	case *ast.CallExpr:
		if isErrorCall(fc.p.TypesInfo, e) {
			return true
		}
		if fn, ok := typeutil.Callee(fc.p.TypesInfo, e).(*types.Func); ok && isPkgFunc(fn, "fmt", "Sprintf", "Sprint", "Sprintln") {
			return fc.plainFmt("F"+strings.TrimPrefix(fn.Name(), "S"), e.Args)
		}
	}
	return false
}

// isErrorCall reports whether e is err.Error() (plain text).
func isErrorCall(info *types.Info, e ast.Expr) bool {
	c, ok := e.(*ast.CallExpr)
	if !ok || len(c.Args) != 0 {
		return false
	}
	fn, ok := typeutil.Callee(info, c).(*types.Func)
	return ok && fn.Name() == "Error" && fn.Signature().Recv() != nil && fn.Signature().Results().Len() == 1 &&
		types.Implements(fn.Signature().Recv().Type(), errorIface)
}

// plainFmt reports whether fmt.Fprint* certainly writes plain text: a constant
// format or first operand that is not JSON, or an error value.
func (fc *funcCtx) plainFmt(name string, args []ast.Expr) bool {
	if len(args) == 0 {
		return false
	}
	if s, ok := fc.sc.eval(args[0]).str(); ok {
		if name == "Fprintf" {
			rest := strings.TrimSpace(strings.NewReplacer("%s", "", "%v", "", "%q", "", "%d", "", "%%", "").Replace(s))
			return rest != "" && !looksLikeJSON(s)
		}
		return plainText(s)
	}
	t := fc.p.TypesInfo.TypeOf(args[0])
	return name != "Fprintf" && t != nil && types.Implements(t, errorIface)
}

func looksLikeJSON(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[") || strings.HasPrefix(s, "\"")
}

// jsonErrorCode returns the code of a constant JSON error body, under the
// shape's envelope if it has one. Its keys are read as encoding/json
// matches them to a client's struct fields, and as the keys of a map
// literal are read (bodyOf): case-insensitively.
func (p *pass) jsonErrorCode(s string) (string, bool) {
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return "", false
	}
	sh := &p.s.shape
	if sh.Envelope != "" {
		if inner, ok := jsonKey(m, sh.Envelope); ok {
			if obj, ok := inner.(map[string]any); ok {
				m = obj
			}
		}
	}
	c, hasCode := jsonKey(m, sh.Code)
	code, ok := c.(string)
	hasMsg := false
	for k := range m {
		hasMsg = hasMsg || sh.isSecond(k)
	}
	return code, ok && sh.isBody(hasCode, hasMsg)
}

// jsonKey returns the value of the key of a JSON object that is equal to
// key up to case. Two such keys: not known (a client's decoder keeps the
// last one, a map literal's would be sorted), as in a map literal (bodyOf).
func jsonKey(m map[string]any, key string) (any, bool) {
	var found any
	n := 0
	for k, v := range m {
		if strings.EqualFold(k, key) {
			found, n = v, n+1
		}
	}
	return found, n == 1
}

// isResponseHeader reports whether e is a response's header map: w.Header()
// (directly or through a local variable), a parameter of type http.Header
// (a helper that is handed one), or a fasthttp ResponseHeader (fiber's
// c.Response().Header). Request headers do not count.
func (fc *funcCtx) isResponseHeader(e ast.Expr) bool {
	t := fc.p.TypesInfo.TypeOf(e)
	if t == nil || !fc.p.isHeaderType(t) {
		return false
	}
	if !fc.p.http.isHeader(t) {
		return true // a response-only header type
	}
	if fc.sc.paramOf(e) >= 0 {
		return true
	}
	call, ok := fc.sc.resolve(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 {
		return false
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "Header" && fc.isWriter(sel.X)
}

// passesResponse reports whether a call is handed a response (of any
// framework) or a response header, as an argument or as its receiver.
func (fc *funcCtx) passesResponse(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if fc.isHandleExpr(a) || fc.isResponseHeader(a) {
			return true
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if fc.isHandleExpr(sel.X) {
			return true
		}
	}
	return false
}
