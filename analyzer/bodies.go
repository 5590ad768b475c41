package analyzer

// Error bodies: the values written as JSON bodies, the literals that carry a
// code (and a status), status tables, and codes assigned to fields.

import (
	"go/ast"
	"go/token"
	"go/types"
	"iter"
	"net/textproto"
)

// body handles an encoded value: an error body with a code, a parameter
// (a writer helper's body), or something else written. selfStatus: the
// value's own status field is the response's status (render.Render).
func (fc *funcCtx) body(call *ast.CallExpr, arg ast.Expr, selfStatus bool) {
	if pi := fc.sc.paramOf(arg); pi >= 0 {
		fc.fact.Body = pi
		fc.fact.Writes = true
		fc.addWrite(call)
		return
	}
	// A value of an error type, JSON-encoded, is an error body whatever
	// the status.
	if implementsError(fc.p.TypesInfo.TypeOf(arg)) {
		fc.checkShape(arg, call)
	}
	b, ok := fc.literalBody(arg)
	if !ok {
		fc.add(&event{kind: evWrite, end: call.End(), node: call, write: true, bodyExpr: arg})
		return
	}
	if selfStatus && b.statusNode != nil {
		if _, known := b.status.int(); known || b.status.param >= 0 {
			fc.addStatus(call, b.statusNode.(ast.Expr), b.status, b.code, true)
		}
	}
	ev := &event{kind: evBody, end: call.End(), node: call, code: b.code, codeNode: b.codeNode, errBody: b.isError, write: true, bodyExpr: arg}
	if fc.p.s.shape.Status != "" && !selfStatus && b.statusNode != nil {
		ev.member, ev.memberNode = b.status, b.statusNode
	}
	fc.add(ev)
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

// literalBody resolves e to a composite literal of an error body, with the
// fields or keys assigned to the variable that holds it (a body built up in
// a variable: e := Error{Message: m}; e.Code = "X").
func (fc *funcCtx) literalBody(e ast.Expr) (litBody, bool) {
	if e == nil {
		return litBody{}, false
	}
	lit, ok := fc.sc.resolve(e).(*ast.CompositeLit)
	if !ok {
		return litBody{}, false
	}
	return fc.bodyOf(lit, fc.sc.partsOf(e))
}

func (fc *funcCtx) bodyOf(lit *ast.CompositeLit, parts map[string]ast.Expr) (litBody, bool) {
	info := fc.p.TypesInfo
	t := info.TypeOf(lit)
	if t == nil {
		return litBody{}, false
	}
	b := litBody{status: unknown, code: unknown}
	// set records a code or status, from the literal or from a part; one
	// given by both is not known.
	set := func(v *value, node *ast.Node, e ast.Expr) {
		if *node != nil {
			*v, *node = unknown, e
			return
		}
		*v, *node = fc.sc.eval(e), e
	}
	if inner, ok := fc.envelopeBody(lit, parts); ok {
		return inner, true
	}
	sh := &fc.p.s.shape
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isStringKind(u.Key()) {
			return b, false
		}
		hasCode, hasMsg := false, false
		visit := func(k string, v ast.Expr) {
			switch {
			case sh.isCode(k):
				hasCode = true
				set(&b.code, &b.codeNode, v)
			case sh.isStatus(k):
				hasMsg = hasMsg || sh.isSecond(k)
				set(&b.status, &b.statusNode, v)
			case sh.isSecond(k):
				hasMsg = true
			}
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				continue
			}
			if k, ok := fc.sc.eval(kv.Key).str(); ok {
				visit(k, kv.Value)
			}
		}
		for k, v := range parts {
			visit(k, v)
		}
		// A map is an error body where it is used as one (written with an
		// error status, the body of an error helper, the message of an
		// error value), or when its own status says so.
		st, ok := b.status.int()
		b.isError = ok && st >= 400
		return b, sh.isBody(hasCode, hasMsg)
	case *types.Struct:
		bt := fc.p.structBody(t)
		if bt == nil {
			return b, false
		}
		b.isError = bt.isError
		visit := func(name string, v ast.Expr) {
			switch {
			case name == "":
			case name == bt.codeField:
				set(&b.code, &b.codeNode, v)
			case name == bt.statusField:
				set(&b.status, &b.statusNode, v)
			}
		}
		for i, elt := range lit.Elts {
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				if id, ok := kv.Key.(*ast.Ident); ok {
					visit(id.Name, kv.Value)
				}
			} else if i < u.NumFields() {
				visit(u.Field(i).Name(), elt)
			}
		}
		for name, v := range parts {
			visit(name, v)
		}
		return b, true
	}
	return b, false
}

// envelopeBody is the body under a literal's envelope key or field (the
// shape's {"error": {...}}), when the literal has one whose value is a
// composite literal of an error body.
func (fc *funcCtx) envelopeBody(lit *ast.CompositeLit, parts map[string]ast.Expr) (litBody, bool) {
	sh := &fc.p.s.shape
	if sh.Envelope == "" {
		return litBody{}, false
	}
	var v ast.Expr
	for k, e := range fc.litKeys(lit) {
		if sh.isEnvelope(k) {
			v = e
		}
	}
	for k, e := range parts { // a map's keys, a struct's field names
		if sh.isEnvelope(fc.fieldKey(lit, k)) {
			v = e
		}
	}
	if v == nil {
		return litBody{}, false
	}
	inner, ok := fc.sc.resolve(v).(*ast.CompositeLit)
	if !ok || inner == lit {
		return litBody{}, false
	}
	return fc.bodyOf(inner, fc.sc.partsOf(v))
}

// litKeys yields the JSON keys of a map or struct literal's elements with
// their values: a string-keyed map's constant keys, a struct's fields by
// their json names.
func (fc *funcCtx) litKeys(lit *ast.CompositeLit) iter.Seq2[string, ast.Expr] {
	return func(yield func(string, ast.Expr) bool) {
		t := fc.p.TypesInfo.TypeOf(lit)
		if t == nil {
			return
		}
		st, isStruct := t.Underlying().(*types.Struct)
		if m, isMap := t.Underlying().(*types.Map); !isStruct && (!isMap || !isStringKind(m.Key())) {
			return
		}
		for i, elt := range lit.Elts {
			key, val := "", elt
			if kv, ok := elt.(*ast.KeyValueExpr); ok {
				val = kv.Value
				if isStruct {
					if id, ok := kv.Key.(*ast.Ident); ok {
						key = fc.fieldKey(lit, id.Name)
					}
				} else {
					key, _ = fc.sc.eval(kv.Key).str()
				}
			} else if isStruct && i < st.NumFields() {
				key = jsonName(st.Tag(i), st.Field(i))
			}
			if key != "" && !yield(key, val) {
				return
			}
		}
	}
}

// fieldKey is the JSON key of the field named name of a struct literal's
// type ("" if it has none), name itself for a map literal.
func (fc *funcCtx) fieldKey(lit *ast.CompositeLit, name string) string {
	t := fc.p.TypesInfo.TypeOf(lit)
	if t == nil {
		return name
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return name
	}
	for i := range st.NumFields() {
		if st.Field(i).Name() == name {
			return jsonName(st.Tag(i), st.Field(i))
		}
	}
	return ""
}

// compositeLit checks an error-body literal or a status table where it is
// written, and records parameters that flow into it (constructors).
func (fc *funcCtx) compositeLit(lit *ast.CompositeLit) {
	p := fc.p
	if p.fieldLevel[lit] {
		return // under an error body's "details": field-level codes
	}
	fc.markDetails(lit)
	if fc.statusTable(lit) {
		return
	}
	fc.errorValueLit(lit)
	fc.rendererLit(lit)
	b, ok := fc.bodyOf(lit, nil)
	if !ok {
		fc.wrapperLit(lit)
		return
	}
	fc.flows(b.status, b.code)
	if !b.isError || b.codeNode == nil {
		return
	}
	p.checkCode(b.codeNode, b.code)
	if b.statusNode != nil {
		p.checkPair(b.statusNode, b.statusNode, b.status, b.code)
	}
}

// markDetails marks the composite literals under a literal's "details" key
// or field: their codes are field-level codes (the document's validation
// example: {"name": {"code": "required", ...}}), not the catalog's.
func (fc *funcCtx) markDetails(lit *ast.CompositeLit) {
	for key, v := range fc.litKeys(lit) {
		if fc.p.s.shape.isDetails(key) {
			fc.markFieldLevel(v, 0)
		}
	}
}

// markDetailsAhead marks, before a function body is walked, the field-level
// literals that reach an error body's "details" through local variables: a
// field error built apart (fe := FieldError{...}; ... {"details": {"name":
// fe}}), or added to a details map that a body gets later
// (details["email"] = FieldError{...}; body["details"] = details). Their
// literals come before the body's in the walk.
func (fc *funcCtx) markDetailsAhead(body *ast.BlockStmt) {
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false // analyzed on its own
		case *ast.CompositeLit:
			fc.markDetails(n)
		case *ast.AssignStmt:
			if n.Tok != token.ASSIGN || len(n.Lhs) != len(n.Rhs) {
				break
			}
			for i, lhs := range n.Lhs {
				key := ""
				switch l := ast.Unparen(lhs).(type) {
				case *ast.IndexExpr: // body["details"] = v
					key, _ = fc.sc.eval(l.Index).str()
				case *ast.SelectorExpr: // body.Details = v
					if f, ok := fc.p.TypesInfo.ObjectOf(l.Sel).(*types.Var); ok && f.IsField() {
						key = jsonName(fc.fieldTag(l), f)
					}
				}
				if fc.p.s.shape.isDetails(key) {
					fc.markFieldLevel(n.Rhs[i], 0)
				}
			}
		}
		return true
	})
}

// fieldTag returns the struct tag of the field that sel selects.
func (fc *funcCtx) fieldTag(sel *ast.SelectorExpr) string {
	s, ok := fc.p.TypesInfo.Selections[sel]
	if !ok {
		return ""
	}
	t := s.Recv()
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		if st.Field(i) == s.Obj() {
			return st.Tag(i)
		}
	}
	return ""
}

// markFieldLevel marks the composite literals of an expression under
// "details" as field-level, and those of the local variables it names
// (their single definition and the keys assigned to them).
func (fc *funcCtx) markFieldLevel(e ast.Expr, depth int) {
	if depth > 4 {
		return
	}
	ast.Inspect(e, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CompositeLit:
			fc.p.fieldLevel[n] = true
		case *ast.Ident:
			if v := fc.sc.varOf(n); v != nil {
				if def := fc.sc.defs[v]; def != nil {
					fc.markFieldLevel(def, depth+1)
				}
				for _, part := range fc.sc.parts[v] {
					fc.markFieldLevel(part, depth+1)
				}
			}
		}
		return true
	})
}

// wrapperLit handles a struct that is not an error body but carries a
// status field and an error body in another field (an HTTP error that
// wraps the documented body: &HTTPError{Status: s, Body: Error{Code: c}}):
// the status and the nested body's code are a pair, like a constructor's.
func (fc *funcCtx) wrapperLit(lit *ast.CompositeLit) {
	t := fc.p.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return
	}
	status := unknown
	var statusNode ast.Expr
	var body *litBody
	for i, elt := range lit.Elts {
		var f *types.Var
		val := elt
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				continue
			}
			for j := range st.NumFields() {
				if st.Field(j).Name() == id.Name {
					f = st.Field(j)
				}
			}
			val = kv.Value
		} else if i < st.NumFields() {
			f = st.Field(i)
		}
		if f == nil {
			continue
		}
		if isIntKind(f.Type()) && isStatusFieldName(f.Name()) {
			status, statusNode = fc.sc.eval(val), val
			continue
		}
		if inner, ok := fc.sc.resolve(val).(*ast.CompositeLit); ok {
			if b, ok := fc.bodyOf(inner, fc.sc.partsOf(val)); ok && b.codeNode != nil {
				body = &b
			}
		}
	}
	if body == nil || statusNode == nil {
		return
	}
	if fc.flows(status, body.code) {
		if n, ok := status.int(); ok && n >= 400 {
			fc.p.checkCode(body.codeNode, body.code)
			fc.p.checkPair(statusNode, statusNode, status, body.code)
		}
	}
}

// statusTable checks map[Code]int{...} literals whose values are all
// constant error statuses and which name at least one catalogued code.
func (fc *funcCtx) statusTable(lit *ast.CompositeLit) bool {
	p := fc.p
	entries := fc.tableEntries(lit)
	if entries == nil || !fc.catalogued(entries) {
		return false
	}
	for _, en := range entries {
		if p.checkCode(en.codeExpr, en.code) != 0 {
			p.checkPair(en.statusExpr, en.statusExpr, en.status, en.code)
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
					fc.maySetRetryAfter(as, raMay)
				} else if textproto.CanonicalMIMEHeaderKey(k) == retryAfter {
					fc.setsRetryAfterTo(as, as.End(), raSets, "", as.Rhs[i])
					fc.checkRetryAfterValue(as.Rhs[i])
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
