package analyzer

import (
	"go/types"
	"reflect"
	"strings"
)

// httpTypes are the net/http types the package can see.
type httpTypes struct {
	pkg            *types.Package
	responseWriter *types.Interface
	header         types.Type
}

// findHTTP finds net/http among the (transitive) imports of pkg.
func findHTTP(pkg *types.Package) *httpTypes {
	var found *types.Package
	seen := map[*types.Package]bool{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if found != nil || seen[p] {
			return
		}
		seen[p] = true
		if p.Path() == "net/http" {
			found = p
			return
		}
		for _, imp := range p.Imports() {
			visit(imp)
		}
	}
	visit(pkg)
	if found == nil {
		return nil
	}
	h := &httpTypes{pkg: found}
	if obj, ok := found.Scope().Lookup("ResponseWriter").(*types.TypeName); ok {
		h.responseWriter, _ = obj.Type().Underlying().(*types.Interface)
	}
	if obj, ok := found.Scope().Lookup("Header").(*types.TypeName); ok {
		h.header = obj.Type()
	}
	if h.responseWriter == nil || h.header == nil {
		return nil
	}
	return h
}

// isHandle reports whether a value of type t is a response of some
// framework: an http.ResponseWriter, or a handle type of a framework table
// (*gin.Context, echo.Context, fiber's Ctx).
func (p *pass) isHandle(t types.Type) bool {
	return p.handleFramework(t) != nil
}

// handleFramework returns the framework whose response t is (net/http for
// any http.ResponseWriter), or nil (cached).
func (p *pass) handleFramework(t types.Type) *framework {
	if t == nil {
		return nil
	}
	if fw, ok := p.handleTypes[t]; ok {
		return fw
	}
	var fw *framework
	for _, f := range frameworks[1:] {
		for _, h := range f.handles {
			if h.is(t) {
				fw = f
			}
		}
	}
	if fw == nil && p.isResponseWriter(t) {
		fw = netHTTP
	}
	p.handleTypes[t] = fw
	return fw
}

// isHeaderType reports whether t is a header map type of a framework
// table: http.Header (request headers too) or a response-only header type.
func (p *pass) isHeaderType(t types.Type) bool {
	if t == nil {
		return false
	}
	for _, f := range frameworks {
		for _, h := range f.headerTypes {
			if h.is(t) {
				return true
			}
		}
	}
	return false
}

// isResponseWriter reports whether t implements http.ResponseWriter (cached).
func (p *pass) isResponseWriter(t types.Type) bool {
	if p.http == nil || t == nil {
		return false
	}
	is, ok := p.rwTypes[t]
	if !ok {
		is = p.http.isResponseWriter(t)
		p.rwTypes[t] = is
	}
	return is
}

func (h *httpTypes) isResponseWriter(t types.Type) bool {
	if h == nil || t == nil || t == types.Typ[types.Invalid] {
		return false // (types.Implements holds for invalid types)
	}
	if types.Implements(t, h.responseWriter) {
		return true
	}
	if _, isPtr := t.(*types.Pointer); !isPtr {
		if _, isIface := t.Underlying().(*types.Interface); !isIface {
			return types.Implements(types.NewPointer(t), h.responseWriter)
		}
	}
	return false
}

func (h *httpTypes) isHeader(t types.Type) bool {
	return h != nil && t != nil && types.Identical(t, h.header)
}

var errorIface = types.Universe.Lookup("error").Type().Underlying().(*types.Interface)

// bodyType describes a struct type whose JSON form is an error body.
type bodyType struct {
	codeField   string // Go name of the field tagged json:"code"
	statusField string // Go name of the HTTP status field, if any
	isError     bool   // implements error or carries a status field
}

// structBody reports whether t (or *t) is a struct with json tags of the
// shape's code and message ("code" and "message"; a problem's "code" and
// "title", "status" or "detail"). The status field is named like Status/StatusCode/HTTPStatus or
// comes from an ErrorTypeFact (a field the type's methods pass to WriteHeader).
func (p *pass) structBody(t types.Type) *bodyType {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	if bt, ok := p.bodyTypes[t]; ok {
		return bt
	}
	var bt *bodyType
	if st, ok := t.Underlying().(*types.Struct); ok {
		var code, msg, status string
		sh := &p.s.shape
		for i := range st.NumFields() {
			f := st.Field(i)
			// Case-insensitive: an untagged Code field is the code its
			// author meant (error-body-shape reports the key).
			switch key := jsonName(st.Tag(i), f); {
			case sh.isCode(key):
				if isStringKind(f.Type()) {
					code = f.Name()
				}
			case sh.isSecond(key):
				msg = f.Name()
			}
			if status == "" && isIntKind(f.Type()) && isStatusFieldName(f.Name()) {
				status = f.Name()
			}
		}
		if sh.isBody(code != "", msg != "") {
			if named, ok := types.Unalias(t).(*types.Named); ok {
				if f := p.errorTypeFact(named.Origin().Obj()); f != nil && f.StatusField != "" {
					status = f.StatusField
				}
			}
			bt = &bodyType{codeField: code, statusField: status}
			bt.isError = status != "" || types.Implements(t, errorIface) || types.Implements(types.NewPointer(t), errorIface)
		}
	}
	bt = p.renderedBody(t, bt)
	p.bodyTypes[t] = bt
	return bt
}

// renderedBody completes what a type's fields say with what its visible
// renderers read from it (errvalues.go): their status and code fields,
// whatever the names and tags; a value they render is an error.
func (p *pass) renderedBody(t types.Type, bt *bodyType) *bodyType {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok {
		return bt
	}
	v := p.viewOf(named.Origin().Obj())
	if v == nil || v.by == "" || (v.code == "" && bt == nil) {
		return bt
	}
	out := &bodyType{isError: true}
	if bt != nil {
		*out = *bt
		out.isError = true
	}
	if v.code != "" {
		out.codeField = v.code
	}
	if v.status != "" {
		out.statusField = v.status
	}
	return out
}

func (p *pass) errorTypeFact(obj *types.TypeName) *ErrorTypeFact {
	if f, ok := p.localTypeFacts[obj]; ok {
		return f
	}
	if obj.Pkg() != nil && obj.Pkg() != p.Pkg {
		f := new(ErrorTypeFact)
		if p.ImportObjectFact(obj, f) {
			return f
		}
	}
	return nil
}

// jsonName is the JSON key of a struct field ("" when it is not encoded).
func jsonName(tag string, field *types.Var) string {
	if !field.Exported() {
		return ""
	}
	name, ok := reflect.StructTag(tag).Lookup("json")
	name, _, _ = strings.Cut(name, ",")
	if !ok || name == "" {
		return field.Name()
	}
	return name
}

func isStatusFieldName(name string) bool {
	switch strings.ToLower(name) {
	case "status", "statuscode", "httpstatus", "httpstatuscode", "httpcode":
		return true
	}
	return false
}

func isStringKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsString != 0
}

func isIntKind(t types.Type) bool {
	b, ok := t.Underlying().(*types.Basic)
	return ok && b.Info()&types.IsInteger != 0
}
