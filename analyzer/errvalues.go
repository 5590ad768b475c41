package analyzer

// Error values: what a handler returns instead of writing (apierr.Error{
// Status: 404, Code: "NOT_FOUND"}, apierr.New(429, ...), fiber.NewError(429),
// echo.ErrTooManyRequests). Their renderer writes them (renderers.go,
// rendered.go); each place that builds one is a write of its own:
//
//   - where a renderer of the value's type is visible (the package's own,
//     those of the packages it imports, the type's own package: their
//     RenderedTypesFact), the fields it reads are the status and the code,
//     checked as a pair (unknown-code, status-mismatch), and a 429 value is
//     missing-retry-after when the renderer takes Retry-After from a field
//     that the value leaves unset, or never sets it (then the handler must
//     set it on the response before returning the value);
//   - where none is visible, the type says it itself: fields named as a
//     status and a code pair (as constructor literals always were), and a
//     429 value of a type with a Retry-After field needs it set;
//   - a framework's error value (echo.NewHTTPError, fiber.NewError, their
//     Err<X> variables) is checked only where its renderer is visible;
//     elsewhere it stays silent.

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// typeView is what the analysis knows of the error values of one type.
type typeView struct {
	status, code string // the fields that carry them ("" unknown)
	retryAfter   string // the field Retry-After comes from
	way          RetryAfterWay
	by           string // the renderer ("" when the view is the type's own)
}

// viewOf returns the view of a named type's error values, or nil when
// nothing is known. Cached per pass.
func (p *pass) viewOf(tn *types.TypeName) *typeView {
	if tn == nil || tn.Pkg() == nil {
		return nil
	}
	if v, ok := p.views[tn]; ok {
		return v
	}
	if p.views == nil {
		p.views = map[*types.TypeName]*typeView{}
	}
	var v *typeView
	if rows := p.rowsFor(tn); len(rows) > 0 {
		row := rows[0]
		for _, r := range rows[1:] {
			row = mergeRow(row, r)
		}
		v = &typeView{status: p.fieldOf(tn, row.Status), code: p.fieldOf(tn, row.Code), way: row.SetsRetryAfter, by: row.By}
		if v.way == RetryAfterFromField {
			// A method that is not a plain accessor (it has a default,
			// say): nothing is required of the values.
			if v.retryAfter = p.fieldOf(tn, row.RetryAfter); v.retryAfter == "" {
				v.way = RetryAfterMaybe
			}
		}
	} else if f := retryAfterField(tn.Type()); f != "" {
		v = &typeView{retryAfter: f, way: RetryAfterFromField}
	}
	p.views[tn] = v
	return v
}

// fieldOf maps a renderer's source of a value ("Status", "StatusCode()")
// to the type's field: a method is known through what it returns
// (ErrorTypeFact.Accessors).
func (p *pass) fieldOf(tn *types.TypeName, src string) string {
	method, ok := strings.CutSuffix(src, "()")
	if !ok {
		return src
	}
	if f := p.errorTypeFact(tn); f != nil {
		return f.Accessors[method]
	}
	return ""
}

// retryAfterField is a struct's field that holds a Retry-After delay by its
// name and type: RetryAfter (with a suffix such as Seconds), exported, a
// time.Duration or an integer.
func retryAfterField(t types.Type) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		f := st.Field(i)
		// Exported only: an unexported one is set through the type's own
		// methods (WithRetryAfter), with defaults the analysis cannot see.
		if f.Exported() && strings.HasPrefix(strings.ToLower(f.Name()), "retryafter") && (isNamed(f.Type(), "time", "Duration") || isIntKind(f.Type())) {
			return f.Name()
		}
	}
	return ""
}

// rowsFor returns the visible renderers' rows for a type: rows of the type
// itself, or of an interface it implements (errors.As(err, &sc) with an
// echo.HTTPStatusCoder).
func (p *pass) rowsFor(tn *types.TypeName) []RenderedType {
	path := typePath(tn)
	var out []RenderedType
	match := func(rows []RenderedType) {
		for _, r := range rows {
			if r.Type == path || p.implementsRow(tn, r.Type) {
				out = append(out, r)
			}
		}
	}
	match(p.localRows)
	for _, rows := range p.importedRows(tn.Pkg()) {
		match(rows)
	}
	return out
}

// importedRows returns the RenderedTypesFacts of the package's direct
// imports and of pkg (the type's package). Only these: every driver
// resolves the facts of the packages a package imports, not always those
// of indirect dependencies, and a finding must not depend on the driver.
func (p *pass) importedRows(pkg *types.Package) [][]RenderedType {
	if p.imported == nil {
		p.imported = map[*types.Package][]RenderedType{}
		for _, imp := range p.Pkg.Imports() {
			p.importRows(imp)
		}
	}
	if pkg != p.Pkg {
		p.importRows(pkg)
	}
	out := make([][]RenderedType, 0, len(p.imported))
	for _, rows := range p.imported {
		out = append(out, rows)
	}
	return out
}

func (p *pass) importRows(pkg *types.Package) {
	if _, done := p.imported[pkg]; done {
		return
	}
	f := new(RenderedTypesFact)
	if p.ImportPackageFact(pkg, f) {
		p.imported[pkg] = f.Types
	} else {
		p.imported[pkg] = nil
	}
}

// lookupType finds a named type by "path.Name" among the package's imports.
func (p *pass) lookupType(path string) *types.TypeName {
	i := strings.LastIndexByte(path, '.')
	if i < 0 {
		return nil
	}
	pkg := p.findPackage(path[:i])
	if pkg == nil {
		return nil
	}
	tn, _ := pkg.Scope().Lookup(path[i+1:]).(*types.TypeName)
	return tn
}

// implementsRow reports whether the type tn (or a pointer to it)
// implements the interface that a row names.
func (p *pass) implementsRow(tn *types.TypeName, path string) bool {
	it := p.lookupType(path)
	if it == nil || it == tn {
		return false
	}
	iface, ok := it.Type().Underlying().(*types.Interface)
	return ok && implements(tn.Type(), iface)
}

// findPackage finds a package among the package's imports, direct or not.
func (p *pass) findPackage(path string) *types.Package {
	if path == p.Pkg.Path() {
		return p.Pkg
	}
	seen := map[*types.Package]bool{}
	var find func(pkg *types.Package, depth int) *types.Package
	find = func(pkg *types.Package, depth int) *types.Package {
		for _, imp := range pkg.Imports() {
			if imp.Path() == path {
				return imp
			}
		}
		if depth > 3 {
			return nil
		}
		for _, imp := range pkg.Imports() {
			if !seen[imp] {
				seen[imp] = true
				if found := find(imp, depth+1); found != nil {
					return found
				}
			}
		}
		return nil
	}
	return find(p.Pkg, 0)
}

// litFields returns the fields a struct literal sets, by name.
func litFields(lit *ast.CompositeLit, st *types.Struct) map[string]ast.Expr {
	out := map[string]ast.Expr{}
	for i, elt := range lit.Elts {
		if kv, ok := elt.(*ast.KeyValueExpr); ok {
			if id, ok := kv.Key.(*ast.Ident); ok {
				out[id.Name] = kv.Value
			}
		} else if i < st.NumFields() {
			out[st.Field(i).Name()] = elt
		}
	}
	return out
}

// errorValueLit checks a literal of an error type against its view: a 429
// value needs what its renderer takes Retry-After from. The status and code
// pair is checked with the other error bodies (structBody knows the
// renderer's fields).
func (fc *funcCtx) errorValueLit(lit *ast.CompositeLit) {
	t := fc.p.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	tn := errorTypeName(t)
	st, ok := t.Underlying().(*types.Struct)
	if tn == nil || !ok {
		return
	}
	v := fc.p.viewOf(tn)
	if v == nil || v.way == RetryAfterMaybe {
		return
	}
	bt := fc.p.structBody(t)
	fields := litFields(lit, st)
	parts := map[string]ast.Expr{}
	if id := fc.assignedTo(lit); id != nil {
		parts = fc.sc.partsOf(id)
	}
	get := func(name string) (ast.Expr, bool) {
		if name == "" {
			return nil, false
		}
		if e, ok := fields[name]; ok {
			return e, true
		}
		e, ok := parts[name]
		return e, ok
	}
	statusName, codeName := v.status, v.code
	if bt != nil {
		if statusName == "" {
			statusName = bt.statusField
		}
		if codeName == "" {
			codeName = bt.codeField
		}
	}
	status, code := unknown, unknown
	if e, ok := get(statusName); ok {
		status = fc.sc.eval(e)
	}
	if e, ok := get(codeName); ok {
		code = fc.sc.eval(e)
	}
	if status.param >= 0 || code.param >= 0 {
		// A constructor: its callers supply the status or the code.
		if _, set := get(v.retryAfter); v.way == RetryAfterFromField && !set {
			fc.fact.UnsetRetryAfter = typePath(tn) + "." + v.retryAfter
		}
		return
	}
	what, need := fc.p.errorNeedsRetryAfter(status, code)
	if !need {
		return
	}
	switch v.way {
	case RetryAfterFromField:
		if _, set := get(v.retryAfter); set || fc.escapes(lit) {
			return
		}
		source := "which its type declares for it"
		if v.by != "" {
			source = "which " + v.by + " sends as the Retry-After header"
		}
		fc.p.reportFix(lit, RuleMissingRetryAfter, fc.p.retryAfterFieldFix(lit, st, v.retryAfter),
			"a %s leaves its %s field unset, %s; set %s", what, v.retryAfter, source, v.retryAfter)
	case RetryAfterNever:
		fc.unrenderedRetryAfter(lit, what, v.by)
	}
}

// unrenderedRetryAfter: a 429 error value whose renderer never sets
// Retry-After, returned by a handler: the handler must set it on the
// response before it returns the value, on every path. A value that is
// not returned at once (compared with errors.Is, wrapped, kept) is left
// alone.
func (fc *funcCtx) unrenderedRetryAfter(node ast.Node, what, by string) {
	if fc.handleParam() == nil {
		return // built away from the response: whoever returns it may set the header
	}
	if _, ret := fc.parentOf(node).(*ast.ReturnStmt); !ret {
		return
	}
	fc.add(&event{kind: evStatus, end: node.End(), node: node, status: unknown, code: unknown, checkRA: true, deferred: true, atReturn: true,
		raMsg: fmt.Sprintf("a %s is rendered by %s, which sets no Retry-After header, and the response has none on some path; set Retry-After on the response before returning the error", what, by)})
}

// handleParam returns the function's parameter that is a response.
func (fc *funcCtx) handleParam() *types.Var {
	for v := range fc.sc.params {
		if fc.p.isHandle(v.Type()) {
			return v
		}
	}
	return nil
}

// assignedTo returns the variable that a literal (or its address) is
// assigned to: e := &Error{...}.
func (fc *funcCtx) assignedTo(lit ast.Node) *ast.Ident {
	parent := fc.parentOf(lit)
	switch as := parent.(type) {
	case *ast.AssignStmt:
		for i, rhs := range as.Rhs {
			if fc.isOperand(rhs, lit) && i < len(as.Lhs) {
				id, _ := as.Lhs[i].(*ast.Ident)
				return id
			}
		}
	case *ast.ValueSpec:
		for i, rhs := range as.Values {
			if fc.isOperand(rhs, lit) && i < len(as.Names) {
				return as.Names[i]
			}
		}
	}
	return nil
}

// isOperand reports whether e is n, its address or n in parentheses.
func (fc *funcCtx) isOperand(e ast.Expr, n ast.Node) bool {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	return e == n
}

// parentOf returns the nearest ancestor of n (being walked) that is not a
// parenthesis or an address-of.
func (fc *funcCtx) parentOf(n ast.Node) ast.Node {
	for i := len(fc.stack) - 1; i >= 0; i-- {
		switch a := fc.stack[i].(type) {
		case *ast.ParenExpr:
			continue
		case *ast.UnaryExpr:
			if a.Op == token.AND {
				continue
			}
		}
		return fc.stack[i]
	}
	return nil
}

// escapes reports whether an error value built at n may get its fields set
// after it is built: it is wrapped, passed to a function, or kept in a
// variable that is used otherwise than returned.
func (fc *funcCtx) escapes(n ast.Node) bool {
	switch parent := fc.parentOf(n).(type) {
	case *ast.ReturnStmt:
		return false
	case *ast.CallExpr:
		if ast.Unparen(parent.Fun) == n {
			return true
		}
		return !fc.isPrimitiveCall(parent)
	case *ast.AssignStmt, *ast.ValueSpec:
		id := fc.assignedTo(n)
		if id == nil {
			return true
		}
		if fc.block == nil {
			// A package-level variable: a sentinel error, returned as
			// it is (var ErrLimited = &Error{...}).
			_, isVar := parent.(*ast.ValueSpec)
			return !isVar
		}
		v := fc.sc.varOf(id)
		escaped := false
		ast.PreorderStack(fc.block, nil, func(m ast.Node, stack []ast.Node) bool {
			use, ok := m.(*ast.Ident)
			if !ok || escaped || fc.p.TypesInfo.Uses[use] != v || len(stack) == 0 {
				return !escaped
			}
			i := len(stack) - 1
			for i > 0 {
				if u, ok := stack[i].(*ast.UnaryExpr); ok && u.Op == token.AND {
					i-- // return &e
					continue
				}
				if _, ok := stack[i].(*ast.ParenExpr); ok {
					i--
					continue
				}
				break
			}
			switch up := stack[i].(type) {
			case *ast.ReturnStmt:
			case *ast.CallExpr:
				if ast.Unparen(up.Fun) == use || !fc.isPrimitiveCall(up) {
					escaped = true
				}
			default:
				escaped = true // v.RetryAfter = d, v.WithRetryAfter(d), &v, a copy...
			}
			return !escaped
		})
		return escaped
	}
	return true
}

// isPrimitiveCall reports whether call is a framework primitive's.
func (fc *funcCtx) isPrimitiveCall(call *ast.CallExpr) bool {
	fn, ok := calleeFunc(fc.p.TypesInfo, call)
	if !ok {
		return false
	}
	_, _, prim := fc.p.primitiveOf(call, fn)
	return prim
}

// retryAfterFieldFix adds the Retry-After field to a keyed literal, with
// the configured value: seconds for an integer field, time.Second times
// it for a time.Duration where the file imports time.
func (p *pass) retryAfterFieldFix(lit *ast.CompositeLit, st *types.Struct, field string) *analysis.SuggestedFix {
	if len(lit.Elts) == 0 || lit.Rbrace <= lit.Lbrace {
		return nil
	}
	for _, elt := range lit.Elts {
		if _, ok := elt.(*ast.KeyValueExpr); !ok {
			return nil
		}
	}
	secs := p.s.retryAfterValue
	for _, r := range secs {
		if r < '0' || r > '9' {
			return nil // an HTTP date: no field holds one
		}
	}
	var ft types.Type
	for i := range st.NumFields() {
		if st.Field(i).Name() == field {
			ft = st.Field(i).Type()
		}
	}
	value := secs
	if isNamed(ft, "time", "Duration") {
		file := p.fileOf(lit.Pos())
		q := ""
		if file != nil {
			for _, imp := range file.Imports {
				if imp.Path.Value == `"time"` {
					q = "time"
					if imp.Name != nil {
						q = imp.Name.Name
					}
				}
			}
		}
		if q == "" || q == "_" || q == "." {
			return nil
		}
		value = secs + " * " + q + ".Second"
	}
	last := lit.Elts[len(lit.Elts)-1]
	return &analysis.SuggestedFix{
		Message:   "Set " + field,
		TextEdits: []analysis.TextEdit{{Pos: last.End(), End: last.End(), NewText: []byte(", " + field + ": " + value)}},
	}
}

// frameworkValue checks a framework's error value (fiber.NewError(429),
// echo.ErrTooManyRequests) where its renderer is visible: a 429 that the
// renderer cannot give a Retry-After needs one set on the response.
func (fc *funcCtx) frameworkValue(node ast.Node, pkg *types.Package, typ typeName, status value) {
	if pkg == nil || pkg.Path() != typ.pkg {
		return
	}
	tn, ok := pkg.Scope().Lookup(typ.name).(*types.TypeName)
	if !ok {
		return
	}
	v := fc.p.viewOf(tn)
	if v == nil || v.by == "" || v.way != RetryAfterNever {
		return
	}
	if what, need := fc.p.errorNeedsRetryAfter(status, unknown); need {
		fc.unrenderedRetryAfter(node, what, v.by)
	}
}

// errVarRef checks a use of a framework's predeclared error value
// (return fiber.ErrTooManyRequests).
func (fc *funcCtx) errVarRef(sel *ast.SelectorExpr) {
	obj, ok := fc.p.TypesInfo.Uses[sel.Sel].(*types.Var)
	if !ok || obj.Pkg() == nil || !primitivePkgs[obj.Pkg().Path()] {
		return
	}
	key := obj.Pkg().Path() + "." + obj.Name()
	for _, fw := range frameworks {
		if ev, ok := fw.errVars[key]; ok {
			fc.frameworkValue(sel, obj.Pkg(), ev.typ, intConst(ev.status))
			return
		}
	}
}

// errorArg pairs the status that gin's AbortWithError writes with the code
// of the error value it is given, where a renderer of that value's type is
// visible (the status is written at once; the renderer writes the code).
func (fc *funcCtx) errorArg(statusExpr ast.Expr, status value, e ast.Expr) {
	if e == nil || statusExpr == nil {
		return
	}
	tn := errorTypeName(fc.p.TypesInfo.TypeOf(e))
	if v := fc.p.viewOf(tn); v == nil || v.by == "" {
		return
	}
	b, ok := fc.literalBody(e)
	if !ok || b.codeNode == nil {
		return
	}
	fc.p.checkCode(b.codeNode, b.code)
	fc.p.checkPair(statusExpr, statusExpr, status, b.code)
}

// constructorRetryAfter checks a call of a constructor that leaves the
// Retry-After field of the value it builds unset (HelperFact.UnsetRetryAfter)
// with a status or code that needs it.
func (fc *funcCtx) constructorRetryAfter(call *ast.CallExpr, fn *types.Func, f *HelperFact, status, code value) {
	if f.UnsetRetryAfter == "" || f.Writes {
		return
	}
	what, need := fc.p.errorNeedsRetryAfter(status, code)
	if !need || fc.escapes(call) {
		return
	}
	i := strings.LastIndexByte(f.UnsetRetryAfter, '.')
	tn := fc.p.lookupType(f.UnsetRetryAfter[:i])
	v := fc.p.viewOf(tn)
	if v == nil || v.way != RetryAfterFromField || v.retryAfter != f.UnsetRetryAfter[i+1:] {
		return
	}
	if fc.p.optionsMaySet(call, v.retryAfter) {
		return // New(code, msg, WithRetryAfter(d)): an option sets it
	}
	source := "which its type declares for it"
	if v.by != "" {
		source = "which " + v.by + " sends as the Retry-After header"
	}
	fc.p.report(call, RuleMissingRetryAfter, "%s builds a %s without its %s field, %s; set %s", fn.Name(), what, v.retryAfter, source, v.retryAfter)
}

// errorNeedsRetryAfter is needsRetryAfter for an error value: "429 error",
// "RATE_LIMIT_EXCEEDED error (documented with 429)".
func (p *pass) errorNeedsRetryAfter(status, code value) (string, bool) {
	what, need := p.needsRetryAfter(status, code)
	return strings.Replace(what, " response", " error", 1), need
}
