package analyzer

import (
	"encoding/json"
	"go/ast"
	"go/token"
	"go/types"
	"net/textproto"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

const retryAfter = "Retry-After"

// call classifies one call: a response write, a header write, a helper call.
func (fc *funcCtx) call(call *ast.CallExpr) {
	p := fc.p
	info := p.TypesInfo
	switch callee := typeutil.Callee(info, call).(type) {
	case *types.Func:
		sig := callee.Signature()
		if recv := sig.Recv(); recv != nil {
			if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
				if fc.method(call, callee, info.TypeOf(sel.X)) {
					return
				}
			}
		} else if fc.pkgFunc(call, callee) {
			return
		}
		if f := p.helperFact(callee); f != nil {
			fc.helperCall(call, callee, f)
			return
		}
		if recv := sig.Recv(); recv != nil && types.IsInterface(recv.Type()) {
			fc.dynamicCall(call) // an interface method: unknown body
			return
		}
		fc.headerArgs(call)
		if fc.passesResponse(call) {
			fc.fact.Writes = true // hands the response to a function that may write it
		}
	case *types.Builtin:
		// no effect on responses
	default:
		if tv, ok := info.Types[call.Fun]; ok && tv.IsType() {
			return // a conversion
		}
		fc.dynamicCall(call)
	}
}

// method handles methods of response writers, headers and JSON encoders.
func (fc *funcCtx) method(call *ast.CallExpr, fn *types.Func, recv types.Type) bool {
	h := fc.p.http
	switch {
	case fc.p.isResponseWriter(recv):
		switch fn.Name() {
		case "WriteHeader":
			if len(call.Args) == 1 {
				st := fc.sc.eval(call.Args[0])
				fc.addStatus(call, st, unknown, true)
			}
			return true
		case "Write":
			if len(call.Args) == 1 {
				fc.writeBytes(call, call.Args[0])
			}
			return true
		case "Header":
			return true
		}
	case h.isHeader(recv):
		switch fn.Name() {
		case "Set", "Add":
			sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
			if ok && len(call.Args) == 2 && fc.isResponseHeader(sel.X) {
				fc.headerKey(call, call.Args[0])
			}
		}
		return true
	case isNamed(recv, "encoding/json", "Encoder") && fn.Name() == "Encode" && len(call.Args) == 1:
		if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok && fc.encoderOnResponse(sel.X) {
			fc.body(call, call.Args[0])
		}
		return true
	}
	return false
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

func (fc *funcCtx) isWriter(e ast.Expr) bool {
	return fc.p.isResponseWriter(fc.p.TypesInfo.TypeOf(e))
}

func isNamed(t types.Type, path, name string) bool {
	if ptr, ok := t.(*types.Pointer); ok {
		t = ptr.Elem()
	}
	n, ok := types.Unalias(t).(*types.Named)
	return ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == path && n.Obj().Name() == name
}

// pkgFunc handles the package-level functions of net/http, fmt, io and maps
// that write responses or headers.
func (fc *funcCtx) pkgFunc(call *ast.CallExpr, fn *types.Func) bool {
	p := fc.p
	if fn.Pkg() == nil {
		return false
	}
	args := call.Args
	switch fn.Pkg().Path() {
	case "net/http":
		switch fn.Name() {
		case "Error":
			var fix *analysis.SuggestedFix
			if len(args) == 3 {
				fix = fc.writerFix(call, fc.sc.eval(args[2]), p.srcText(args[2], ""), p.srcText(args[1], ""))
			}
			p.reportFix(call, RuleRawHTTPError, fix, "http.Error sends a plain-text body; send a JSON error body %s", p.jsonBody(fc.sc.evalArg(args, 2)))
			if len(args) == 3 {
				fc.addStatus(call, fc.sc.eval(args[2]), unknown, false)
			}
			return true
		case "NotFound":
			p.reportFix(call, RuleRawHTTPError, fc.writerFix(call, intConst(404), p.httpConst(call, "StatusNotFound", "404"), `"not found"`), "http.NotFound sends a plain-text 404; send a JSON error body %s", p.jsonBody(intConst(404)))
			fc.addStatus(call, intConst(404), unknown, false)
			return true
		case "NotFoundHandler":
			p.report(call, RuleRawHTTPError, "http.NotFoundHandler serves a plain-text 404; use a handler that sends a JSON error body %s", p.jsonBody(intConst(404)))
			return true
		}
	case "fmt":
		switch fn.Name() {
		case "Fprint", "Fprintf", "Fprintln":
			if len(args) >= 1 && fc.isWriter(args[0]) {
				if fc.plainFmt(fn.Name(), args[1:]) {
					fc.add(&event{kind: evPlain, end: call.End(), node: call})
				}
				return true
			}
		}
	case "io":
		if fn.Name() == "WriteString" && len(args) == 2 && fc.isWriter(args[0]) {
			fc.writeBytes(call, args[1])
			return true
		}
	case "maps":
		if fn.Name() == "Copy" && len(args) == 2 && fc.isResponseHeader(args[0]) {
			fc.maySetRetryAfter(call) // may copy Retry-After
			fc.fact.RetryAfter = true
			return true
		}
	}
	return false
}

// jsonBody describes the JSON error body to send for a status: with the
// catalog's code when exactly one code has that status.
func (p *pass) jsonBody(status value) string {
	if st, ok := status.int(); ok {
		if codes := p.s.cat.CodesWithStatus(st); len(codes) == 1 {
			return "with code " + codes[0]
		}
	}
	return `{"code", "message", ...}`
}

// addStatus records that a status is written. direct: by WriteHeader, so the
// body follows on the path.
func (fc *funcCtx) addStatus(call *ast.CallExpr, st, code value, direct bool) {
	ev := &event{kind: evStatus, end: call.End(), node: call, status: st, code: code, direct: direct}
	if st.param >= 0 {
		fc.fact.Status = st.param
	} else if _, ok := fc.p.needsRetryAfter(st, code); ok {
		ev.checkRA = true
	}
	fc.add(ev)
}

// headerKey handles Set/Add of a header name: Retry-After, a parameter, or
// a name the analysis cannot see (which may be Retry-After).
func (fc *funcCtx) headerKey(call *ast.CallExpr, key ast.Expr) {
	v := fc.sc.eval(key)
	if v.param >= 0 {
		fc.fact.HeaderKey = v.param
		return
	}
	k, ok := v.str()
	switch {
	case !ok:
		fc.maySetRetryAfter(call)
	case textproto.CanonicalMIMEHeaderKey(k) == retryAfter:
		fc.add(&event{kind: evRetryAfter, end: call.End(), node: call})
	default:
		return
	}
	fc.fact.RetryAfter = true
}

// headerArgs: a static call that is handed the response headers may set
// Retry-After (maps.Copy, a header-copying helper).
func (fc *funcCtx) headerArgs(call *ast.CallExpr) {
	for _, a := range call.Args {
		if fc.isResponseHeader(a) {
			fc.maySetRetryAfter(call)
			fc.fact.RetryAfter = true
			return
		}
	}
}

// dynamicCall: a call whose body the analysis cannot see. When it is handed
// the response writer or headers, or is a closure, it may set Retry-After.
func (fc *funcCtx) dynamicCall(call *ast.CallExpr) {
	info := fc.p.TypesInfo
	may := false
	for _, a := range call.Args {
		if fc.isWriter(a) || fc.isResponseHeader(a) {
			may = true
		}
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
		fc.maySetRetryAfter(call)
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
	if a := arg(f.Body); a != nil {
		if pi := fc.sc.paramOf(a); pi >= 0 {
			fc.fact.Body = pi
		} else if b, ok := fc.literalBody(a); ok {
			code, fromCall = b.code, true
		}
	}
	if a := arg(f.HeaderKey); a != nil {
		fc.headerKey(call, a)
	}
	if f.RetryAfter && fc.passesResponse(call) {
		fc.add(&event{kind: evRetryAfter, end: call.End(), node: call})
		fc.fact.RetryAfter = true
	}
	if f.Writes && fc.passesResponse(call) {
		fc.fact.Writes = true
	}
	if f.Status < 0 && f.Code < 0 && f.Body < 0 && f.FixedStatus == 0 && f.FixedCode == "" {
		return // only a header helper
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
	}
	p.checkPair(call, arg(f.Status), status, code)
	if f.Writes && !f.RetryAfter && status.param < 0 && code.param < 0 {
		if _, ok := p.needsRetryAfter(status, code); ok {
			fc.add(&event{kind: evStatus, end: call.End(), node: call, status: status, code: code, checkRA: true})
		}
	}
}

// writeBytes handles w.Write(b) and io.WriteString(w, s): a constant JSON
// error body, plain text, or (unknown) something else.
func (fc *funcCtx) writeBytes(call *ast.CallExpr, arg ast.Expr) {
	e := ast.Unparen(arg)
	// []byte(x) and string(x) conversions
	if c, ok := e.(*ast.CallExpr); ok && len(c.Args) == 1 {
		if tv, ok := fc.p.TypesInfo.Types[c.Fun]; ok && tv.IsType() {
			e = ast.Unparen(c.Args[0])
		}
	}
	if s, ok := fc.sc.eval(e).str(); ok {
		if code, ok := jsonErrorCode(s); ok {
			fc.add(&event{kind: evBody, end: call.End(), node: call, code: strConst(code), codeNode: call, errBody: true})
			fc.p.checkCode(call, strConst(code))
			return
		}
		if plainText(s) {
			fc.add(&event{kind: evPlain, end: call.End(), node: call})
		}
		return
	}
	if fc.plainExpr(e, 0) {
		fc.add(&event{kind: evPlain, end: call.End(), node: call})
		return
	}
	// json.Marshal(v) then w.Write(b)
	if m, ok := fc.sc.resolve(arg).(*ast.CallExpr); ok && len(m.Args) >= 1 {
		if fn, ok := typeutil.Callee(fc.p.TypesInfo, m).(*types.Func); ok && isPkgFunc(fn, "encoding/json", "Marshal", "MarshalIndent") {
			fc.body(call, m.Args[0])
		}
	}
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

// jsonErrorCode returns the code of a constant JSON error body.
func jsonErrorCode(s string) (string, bool) {
	var m map[string]any
	if json.Unmarshal([]byte(s), &m) != nil {
		return "", false
	}
	code, ok := m["code"].(string)
	_, hasMsg := m["message"]
	return code, ok && hasMsg
}

// body handles an encoded value: an error body with a code.
func (fc *funcCtx) body(call *ast.CallExpr, arg ast.Expr) {
	if pi := fc.sc.paramOf(arg); pi >= 0 {
		fc.fact.Body = pi
		fc.fact.Writes = true
		return
	}
	b, ok := fc.literalBody(arg)
	if !ok {
		fc.fact.Writes = true
		return
	}
	fc.add(&event{kind: evBody, end: call.End(), node: call, code: b.code, codeNode: b.codeNode, errBody: b.isError})
	if b.code.param >= 0 {
		fc.fact.Code = b.code.param
	}
}

// litBody is what a composite literal says as an error body.
type litBody struct {
	status, code         value
	statusNode, codeNode ast.Node
	isError              bool // an error body by its own type
}

// literalBody resolves e to a composite literal of an error body.
func (fc *funcCtx) literalBody(e ast.Expr) (litBody, bool) {
	lit, ok := fc.sc.resolve(e).(*ast.CompositeLit)
	if !ok {
		return litBody{}, false
	}
	return fc.bodyOf(lit)
}

func (fc *funcCtx) bodyOf(lit *ast.CompositeLit) (litBody, bool) {
	info := fc.p.TypesInfo
	t := info.TypeOf(lit)
	if t == nil {
		return litBody{}, false
	}
	b := litBody{status: unknown, code: unknown}
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isStringKind(u.Key()) {
			return b, false
		}
		hasCode, hasMsg := false, false
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			k, ok := fc.sc.eval(kv.Key).str()
			if !ok {
				continue
			}
			switch k {
			case "code":
				hasCode, b.code, b.codeNode = true, fc.sc.eval(kv.Value), kv.Value
			case "message":
				hasMsg = true
			case "status":
				b.status, b.statusNode = fc.sc.eval(kv.Value), kv.Value
			}
		}
		b.isError = true
		return b, hasCode && hasMsg
	case *types.Struct:
		bt := fc.p.structBody(t)
		if bt == nil {
			return b, false
		}
		b.isError = bt.isError
		for i, elt := range lit.Elts {
			var name string
			val := elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					name = id.Name
				}
				val = kv.Value
			} else if i < u.NumFields() {
				name = u.Field(i).Name()
			}
			switch name {
			case bt.codeField:
				b.code, b.codeNode = fc.sc.eval(val), val
			case bt.statusField:
				if name != "" {
					b.status, b.statusNode = fc.sc.eval(val), val
				}
			}
		}
		return b, true
	}
	return b, false
}

// compositeLit checks an error-body literal or a status table where it is
// written, and records parameters that flow into it (constructors).
func (fc *funcCtx) compositeLit(lit *ast.CompositeLit) {
	p := fc.p
	if fc.statusTable(lit) {
		return
	}
	b, ok := fc.bodyOf(lit)
	if !ok {
		return
	}
	if b.code.param >= 0 {
		fc.fact.Code = b.code.param
		if s, ok := b.status.int(); ok {
			fc.fixedStatus[s] = true
		}
	}
	if b.status.param >= 0 {
		fc.fact.Status = b.status.param
		if c, ok := b.code.str(); ok {
			fc.fixedCode[c] = true
		}
	}
	if !b.isError || b.codeNode == nil {
		return
	}
	p.checkCode(b.codeNode, b.code)
	if b.statusNode != nil {
		p.checkPair(b.statusNode, b.statusNode, b.status, b.code)
	}
}

// statusTable checks map[Code]int{...} literals whose values are all
// constant error statuses and which name at least one catalogued code.
func (fc *funcCtx) statusTable(lit *ast.CompositeLit) bool {
	p := fc.p
	t := p.TypesInfo.TypeOf(lit)
	if t == nil {
		return false
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isStringKind(m.Key()) || !isIntKind(m.Elem()) || len(lit.Elts) == 0 {
		return false
	}
	catalogued := false
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return false
		}
		k, ok1 := fc.sc.eval(kv.Key).str()
		st, ok2 := fc.sc.eval(kv.Value).int()
		if !ok1 || !ok2 || st < 400 || st > 599 {
			return false
		}
		if _, ok := p.s.cat.Status(k); ok {
			catalogued = true
		}
	}
	if !catalogued {
		return false
	}
	for _, elt := range lit.Elts {
		kv := elt.(*ast.KeyValueExpr)
		code := fc.sc.eval(kv.Key)
		if p.checkCode(kv.Key, code) != 0 {
			p.checkPair(kv.Value, kv.Value, fc.sc.eval(kv.Value), code)
		}
	}
	return true
}

// assign: e.Code = "X" on an error body is a use of a code.
func (fc *funcCtx) assign(as *ast.AssignStmt) {
	if as.Tok != token.ASSIGN || len(as.Lhs) != len(as.Rhs) {
		return
	}
	for i, lhs := range as.Lhs {
		sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
		if !ok {
			// h["Retry-After"] = ...
			if ix, ok := ast.Unparen(lhs).(*ast.IndexExpr); ok && fc.isResponseHeader(ix.X) {
				v := fc.sc.eval(ix.Index)
				if k, ok := v.str(); !ok {
					fc.maySetRetryAfter(as)
					fc.fact.RetryAfter = true
				} else if textproto.CanonicalMIMEHeaderKey(k) == retryAfter {
					fc.add(&event{kind: evRetryAfter, end: as.End(), node: as})
					fc.fact.RetryAfter = true
				}
			}
			continue
		}
		t := fc.p.TypesInfo.TypeOf(sel.X)
		if t == nil {
			continue
		}
		bt := fc.p.structBody(t)
		if bt == nil || sel.Sel.Name != bt.codeField {
			continue
		}
		v := fc.sc.eval(as.Rhs[i])
		if v.param >= 0 {
			fc.fact.Code = v.param
		} else if bt.isError {
			fc.p.checkCode(as.Rhs[i], v)
		}
	}
}

// isResponseHeader reports whether e is a response's header map: w.Header()
// (directly or through a local variable), or a parameter of type http.Header
// (a helper that is handed one). Request headers do not count.
func (fc *funcCtx) isResponseHeader(e ast.Expr) bool {
	if !fc.p.http.isHeader(fc.p.TypesInfo.TypeOf(e)) {
		return false
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

// passesResponse reports whether a call is handed a response writer or a
// response header, as an argument or as its receiver.
func (fc *funcCtx) passesResponse(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if fc.isWriter(a) || fc.isResponseHeader(a) {
			return true
		}
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); ok {
		if fc.isWriter(sel.X) {
			return true
		}
	}
	return false
}
