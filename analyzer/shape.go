package analyzer

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"maps"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/catalog"
)

// The error-body-shape rule: an error body that does not encode as the
// documented object (bodyshape.go; by default {"code", "message",
// "details", "request_id"}): a required key missing (exact keys: "code"
// and "message" by default), a key of another JSON type than documented
// ("details" not an object, "request_id" not a string), no envelope, or
// not an object at all. Extra keys are fine; keys and types the analysis
// cannot know are silent.

// jsonKind is what a JSON value is.
type jsonKind int

const (
	jsonUnknown jsonKind = iota
	jsonObject
	jsonArray
	jsonString
	jsonNumber
	jsonBool
	jsonNull
)

func (k jsonKind) String() string {
	switch k {
	case jsonObject:
		return "an object"
	case jsonArray:
		return "an array"
	case jsonString:
		return "a string"
	case jsonNumber:
		return "a number"
	case jsonBool:
		return "a boolean"
	case jsonNull:
		return "null"
	}
	return "unknown"
}

// shape is what the analysis knows of the JSON a body encodes as.
type shape struct {
	kind  jsonKind            // of the whole value
	keys  map[string]jsonKind // an object's keys (jsonUnknown: a key whose value is not known)
	order []string            // the keys, in the order of the source
	all   bool                // every key is known
	typ   *types.TypeName     // a named struct type, reported at its declaration
	// nested are the shapes of object values where known (an envelope's
	// body), fieldTypes the types of a struct's fields: see sub.
	nested     map[string]*shape
	fieldTypes map[string]types.Type
}

func (s *shape) add(key string, k jsonKind) {
	if s.keys == nil {
		s.keys = map[string]jsonKind{}
	}
	if _, dup := s.keys[key]; !dup {
		s.order = append(s.order, key)
	}
	s.keys[key] = k
}

// sub is the shape of the object under key, when known: a nested literal
// or JSON text, or a struct field's type.
func (s *shape) sub(key string) *shape {
	if n, ok := s.nested[key]; ok {
		return n
	}
	if t, ok := s.fieldTypes[key]; ok {
		return typeShape(t)
	}
	return nil
}

// describe is the shape's keys as the message shows them: {"error", "status"}.
func (s *shape) describe() string {
	if s.kind != jsonObject {
		return s.kind.String()
	}
	var keys []string
	for _, k := range s.order {
		keys = append(keys, strconv.Quote(k))
	}
	if !s.all {
		keys = append(keys, "...")
	}
	return "{" + strings.Join(keys, ", ") + "}"
}

// shapeOf computes the shape of a body expression: a composite literal
// (with the parts assigned to its variable), a constant JSON text, or a
// value of a known type. nil when nothing is known.
func (fc *funcCtx) shapeOf(e ast.Expr) *shape {
	if e == nil {
		return nil
	}
	if s, ok := fc.sc.eval(stripConversion(fc.p.TypesInfo, e)).str(); ok {
		return jsonTextShape(s)
	}
	if lit, ok := fc.sc.resolve(e).(*ast.CompositeLit); ok {
		if t := fc.p.TypesInfo.TypeOf(lit); t != nil {
			if _, isMap := t.Underlying().(*types.Map); isMap {
				return fc.mapShape(lit, fc.sc.partsOf(e))
			}
		}
	}
	t := fc.p.TypesInfo.TypeOf(e)
	if t == nil {
		return nil
	}
	if isErrorCall(fc.p.TypesInfo, ast.Unparen(e)) {
		return &shape{kind: jsonString} // err.Error()
	}
	return typeShape(t)
}

// jsonTextShape is the shape of a constant JSON text (nil when it is not
// JSON).
func jsonTextShape(text string) *shape {
	var v any
	if json.Unmarshal([]byte(text), &v) != nil {
		return nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return &shape{kind: valueKind(v)}
	}
	s := &shape{kind: jsonObject, all: true}
	for _, k := range catalog.ObjectKeys(text) { // in the order of the text
		s.addValue(k, m[k])
	}
	return s
}

// objectShape is the shape of a decoded JSON object (keys sorted).
func objectShape(m map[string]any) *shape {
	s := &shape{kind: jsonObject, all: true}
	for _, k := range slices.Sorted(maps.Keys(m)) {
		s.addValue(k, m[k])
	}
	return s
}

// addValue adds a key with its decoded JSON value, and the shape of an
// object value.
func (s *shape) addValue(key string, v any) {
	s.add(key, valueKind(v))
	if obj, ok := v.(map[string]any); ok {
		s.setNested(key, objectShape(obj))
	}
}

func (s *shape) setNested(key string, n *shape) {
	if n == nil {
		return
	}
	if s.nested == nil {
		s.nested = map[string]*shape{}
	}
	s.nested[key] = n
}

func valueKind(v any) jsonKind {
	switch v.(type) {
	case map[string]any:
		return jsonObject
	case []any:
		return jsonArray
	case string:
		return jsonString
	case float64:
		return jsonNumber
	case bool:
		return jsonBool
	case nil:
		return jsonNull
	}
	return jsonUnknown
}

// mapShape is the shape of a map literal with the keys assigned to its
// variable afterwards; a key that is not a constant makes the keys not all
// known.
func (fc *funcCtx) mapShape(lit *ast.CompositeLit, parts map[string]ast.Expr) *shape {
	t := fc.p.TypesInfo.TypeOf(lit)
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isStringKind(m.Key()) {
		return nil
	}
	s := &shape{kind: jsonObject, all: true}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		k, ok := fc.sc.eval(kv.Key).str()
		if !ok {
			s.all = false
			continue
		}
		s.add(k, fc.exprKind(kv.Value))
		fc.envelopeShape(s, k, kv.Value)
	}
	keys := make([]string, 0, len(parts))
	for k := range parts {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		s.add(k, fc.exprKind(parts[k]))
		fc.envelopeShape(s, k, parts[k])
	}
	return s
}

// envelopeShape records the shape of the value of a map's envelope key (the
// documented body, nested), where the shape has one.
func (fc *funcCtx) envelopeShape(s *shape, key string, v ast.Expr) {
	if fc.p.s.shape.Envelope == key && s.keys[key] == jsonObject {
		if n := fc.shapeOf(v); n != nil {
			s.setNested(key, n)
		}
	}
}

// exprKind is the JSON kind of a map value expression, from its type (an
// interface-typed expression: from its dynamic value where that is a
// literal or a constant).
func (fc *funcCtx) exprKind(e ast.Expr) jsonKind {
	info := fc.p.TypesInfo
	if tv, ok := info.Types[e]; ok && tv.Value != nil {
		return typeKind(types.Default(tv.Type))
	}
	if tv, ok := info.Types[e]; ok && tv.IsNil() {
		return jsonNull
	}
	t := info.TypeOf(e)
	if t == nil {
		return jsonUnknown
	}
	if types.IsInterface(t) {
		if lit, ok := ast.Unparen(e).(*ast.CompositeLit); ok {
			return typeKind(info.TypeOf(lit))
		}
		return jsonUnknown
	}
	return typeKind(t)
}

var (
	jsonMarshaler = lookupMarshaler("MarshalJSON")
	textMarshaler = lookupMarshaler("MarshalText")
)

// lookupMarshaler builds the interface with one method NAME() ([]byte,
// error), as encoding/json's Marshaler and encoding.TextMarshaler.
func lookupMarshaler(name string) *types.Interface {
	res := types.NewTuple(
		types.NewVar(token.NoPos, nil, "", types.NewSlice(types.Typ[types.Byte])),
		types.NewVar(token.NoPos, nil, "", types.Universe.Lookup("error").Type()))
	sig := types.NewSignatureType(nil, nil, nil, nil, res, false)
	return types.NewInterfaceType([]*types.Func{types.NewFunc(token.NoPos, nil, name, sig)}, nil).Complete()
}

func implements(t types.Type, iface *types.Interface) bool {
	if types.Implements(t, iface) {
		return true
	}
	if _, isPtr := t.(*types.Pointer); !isPtr && !types.IsInterface(t) {
		return types.Implements(types.NewPointer(t), iface)
	}
	return false
}

// typeKind is the JSON kind a value of type t encodes as.
func typeKind(t types.Type) jsonKind {
	if t == nil || types.IsInterface(t) {
		return jsonUnknown
	}
	if implements(t, jsonMarshaler) {
		return jsonUnknown // its own encoding
	}
	if implements(t, textMarshaler) {
		return jsonString
	}
	switch u := t.Underlying().(type) {
	case *types.Basic:
		switch {
		case u.Info()&types.IsString != 0:
			return jsonString
		case u.Info()&types.IsNumeric != 0:
			return jsonNumber
		case u.Info()&types.IsBoolean != 0:
			return jsonBool
		case u.Kind() == types.UntypedNil:
			return jsonNull
		}
	case *types.Slice:
		if b, ok := u.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			return jsonString // base64
		}
		return jsonArray
	case *types.Array:
		return jsonArray
	case *types.Map, *types.Struct:
		return jsonObject
	case *types.Pointer:
		return typeKind(u.Elem())
	}
	return jsonUnknown
}

// typeShape is the shape of a value of type t: a struct's keys (json tags,
// untagged exported fields by their Go names, embedded structs flattened,
// json:"-" dropped), or the kind of anything else.
func typeShape(t types.Type) *shape {
	if ptr, ok := t.Underlying().(*types.Pointer); ok {
		t = ptr.Elem()
	}
	k := typeKind(t)
	if k != jsonObject {
		return &shape{kind: k}
	}
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return nil // a map value: keys not known
	}
	s := &shape{kind: jsonObject, all: true}
	if named, ok := types.Unalias(t).(*types.Named); ok {
		s.typ = named.Origin().Obj()
	}
	structKeys(s, st, 0)
	return s
}

func structKeys(s *shape, st *types.Struct, depth int) {
	for i := range st.NumFields() {
		f := st.Field(i)
		name, _, _ := strings.Cut(reflect.StructTag(st.Tag(i)).Get("json"), ",")
		tag, tagged := reflect.StructTag(st.Tag(i)).Lookup("json")
		if tagged && tag == "-" {
			continue
		}
		if f.Embedded() && name == "" {
			ft := f.Type()
			if ptr, ok := ft.(*types.Pointer); ok {
				ft = ptr.Elem()
			}
			if inner, ok := ft.Underlying().(*types.Struct); ok && depth < 5 && !implements(f.Type(), jsonMarshaler) {
				structKeys(s, inner, depth+1)
				continue
			}
			if !f.Exported() {
				continue
			}
			s.all = false // an embedded non-struct: encoded by rules the analysis does not follow
			continue
		}
		if !f.Exported() {
			continue
		}
		if name == "" {
			name = f.Name()
		}
		s.add(name, typeKind(f.Type()))
		if s.keys[name] == jsonObject {
			if s.fieldTypes == nil {
				s.fieldTypes = map[string]types.Type{}
			}
			s.fieldTypes[name] = f.Type()
		}
	}
}

// checkShape reports an error body of the wrong shape, once: a named
// struct type at its declaration (when it is this package's) or at the
// first place this package writes it; a literal at the literal; a constant
// JSON text at the text; anything else where it is written.
func (fc *funcCtx) checkShape(body ast.Expr, at ast.Node) {
	fc.checkShapeFix(body, at, nil)
}

// checkShapeFix is checkShape with the fix of a literal body (fix_bodies.go),
// and the note that says why there is none.
func (fc *funcCtx) checkShapeFix(body ast.Expr, at ast.Node, fix func() (*analysis.SuggestedFix, string)) {
	p := fc.p
	s := fc.shapeOf(body)
	if s == nil {
		return
	}
	want := &p.s.shape
	problems := want.problems(s)
	if len(problems) == 0 {
		return
	}
	var msg string
	switch {
	case s.kind != jsonObject:
		msg = fmt.Sprintf("the error body is %s, not an object; send %s", s.kind, want.desc)
	case s.typ != nil:
		msg = fmt.Sprintf("%s encodes as %s: %s; send %s", s.typ.Name(), s.describe(), strings.Join(problems, "; "), want.desc)
	default:
		msg = fmt.Sprintf("the error body %s: %s; send %s", s.describe(), strings.Join(problems, "; "), want.desc)
	}
	if s.typ != nil {
		if w := p.s.errorWriter; w != "" {
			// Not rewritten: its fields are the program's to move.
			msg += "; or send these errors with the error writer " + w + " (-fix rewrites literal bodies, not a named type)"
		}
		if s.typ.Pkg() == p.Pkg {
			p.reportShapeDecl(s.typ, msg) // one position: reported once
			return
		}
		if f := p.errorTypeFact(s.typ); f != nil && f.BadShape {
			return // reported at its declaration, by its package
		}
		p.reportOnce(s.typ.Pkg().Path()+"."+s.typ.Name(), at, RuleErrorBodyShape, "%s", msg)
		return
	}
	node := ast.Node(at)
	switch e := fc.sc.resolve(body).(type) {
	case *ast.CompositeLit, *ast.BasicLit:
		if p.fileOf(e.Pos()) != nil {
			node = e
		}
	}
	var f *analysis.SuggestedFix
	note := ""
	if fix != nil {
		f, note = fix()
	}
	p.reportFix(node, RuleErrorBodyShape, f, "%s%s", msg, note)
}

// reportShapeDecl reports a struct type of this package at its name, with a
// fix that adds the missing lower-case json tags to untagged Code, Message
// and Details fields when that makes it right.
func (p *pass) reportShapeDecl(tn *types.TypeName, msg string) {
	spec := p.typeSpec(tn)
	if spec == nil {
		return
	}
	var fix *analysis.SuggestedFix
	if st, ok := spec.Type.(*ast.StructType); ok {
		var edits []analysis.TextEdit
		have := map[string]bool{}
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				if f.Tag == nil {
					have[n.Name] = true
				}
			}
		}
		need := map[string]bool{}
		s := typeShape(tn.Type())
		want := &p.s.shape
		for _, k := range want.Required {
			if _, ok := s.keys[k]; !ok {
				need[k] = true
			}
		}
		if d := want.Details; d != "" {
			if up := strings.ToUpper(d[:1]) + d[1:]; up != d {
				if _, ok := s.keys[up]; ok {
					if _, lower := s.keys[d]; !lower {
						need[d] = true
					}
				}
			}
		}
		fixable := len(need) > 0 && want.Envelope == ""
		for _, f := range st.Fields.List {
			if f.Tag != nil || len(f.Names) != 1 {
				continue
			}
			name := f.Names[0].Name
			key := strings.ToLower(name[:1]) + name[1:]
			if need[key] && name == strings.ToUpper(key[:1])+key[1:] {
				edits = append(edits, analysis.TextEdit{Pos: f.Type.End(), End: f.Type.End(), NewText: []byte(" `json:\"" + key + "\"`")})
				delete(need, key)
			}
		}
		if fixable && len(need) == 0 && len(edits) > 0 {
			fix = &analysis.SuggestedFix{Message: "Add the lower-case json tags", TextEdits: edits}
		}
	}
	p.reportFix(spec.Name, RuleErrorBodyShape, fix, "%s", msg)
	p.shapeReported(tn)
}

// shapeReported tells the importers of the package that an exported type's
// shape is reported at its declaration (ErrorTypeFact.BadShape).
func (p *pass) shapeReported(tn *types.TypeName) {
	if !tn.Exported() || p.diags == nil || p.s.disabled[RuleErrorBodyShape] {
		return
	}
	f := p.localTypeFacts[tn]
	if f == nil {
		f = &ErrorTypeFact{}
		p.localTypeFacts[tn] = f
	}
	if !f.BadShape {
		f.BadShape = true
		p.ExportObjectFact(tn, f)
	}
}

// typeSpec finds the declaration of a type of this package.
func (p *pass) typeSpec(tn *types.TypeName) *ast.TypeSpec {
	file := p.fileOf(tn.Pos())
	if file == nil {
		return nil
	}
	var found *ast.TypeSpec
	ast.Inspect(file, func(n ast.Node) bool {
		if ts, ok := n.(*ast.TypeSpec); ok && ts.Name.Pos() == tn.Pos() {
			found = ts
		}
		return found == nil
	})
	return found
}

// implementsError reports whether a value of type t is an error.
func implementsError(t types.Type) bool {
	return t != nil && !types.IsInterface(t) && implements(t, errorIface)
}

// helperShape checks the error bodies of a helper call: the body argument
// of a writer sent with an error status, or the body that a helper writes
// with its status parameter (its fact's BodyShape), reported at that body
// when the helper is this package's, else once at the first call.
func (fc *funcCtx) helperShape(call *ast.CallExpr, fn *types.Func, f *HelperFact, arg func(int) ast.Expr) {
	status := unknown
	if a := arg(f.Status); a != nil {
		status = fc.sc.eval(a)
	} else if f.FixedStatus != 0 {
		status = intConst(f.FixedStatus)
	}
	if status.param >= 0 {
		// A wrapper passes its own status on: it writes the same body.
		if f.BodyShape && fc.fn != nil {
			fc.fact.BodyShape = true
			if site, ok := fc.p.shapeNodes[fn.Origin()]; ok {
				fc.p.shapeNodes[fc.fn] = site
			}
		}
		return
	}
	n, ok := status.int()
	runtime := fc.inRenderer(call, status) // every status of a renderer is an error status
	if (!ok || n < 400) && !runtime {
		return
	}
	if a := arg(f.Body); a != nil && f.Writes {
		fc.checkShape(a, call)
	}
	if !f.BodyShape {
		return
	}
	if site, ok := fc.p.shapeNodes[fn.Origin()]; ok {
		fc.checkShapeAt(site, call)
		return
	}
	with := fmt.Sprintf("with status %d", n)
	if runtime {
		with = fc.renderedBy()
	}
	fc.p.reportOnce("helper:"+fn.Origin().FullName(), call, RuleErrorBodyShape,
		"%s writes an error body that is not %s %s (see its declaration); send %s", fn.Name(), fc.p.s.shape.desc, with, fc.p.s.shape.desc)
}

// shapeSite is a body that a helper of this package writes with its status
// parameter.
type shapeSite struct {
	body ast.Expr
	node ast.Node
}

// checkShapeAt reports the shape of a helper's body at that body, where a
// call of the helper makes it an error body. The body's expression is
// evaluated in the helper's scope: only its literal form counts here.
func (fc *funcCtx) checkShapeAt(site shapeSite, call *ast.CallExpr) {
	owner := fc.p.funcAt(site.body.Pos())
	if owner == nil {
		return
	}
	inner := fc.p.newFuncCtx(nil, owner.Type, owner.Body)
	inner.checkShape(site.body, site.node)
}

// rendererLit checks the shape of a go-chi/render Renderer (a type whose
// Render method passes one of its fields to render.Status, so that
// render.Render sends it as JSON with that status) where a literal sets
// that field to a constant error status: an error body by construction,
// whatever its keys (the classic ErrResponse: "status", "code" as a
// number, "error").
func (fc *funcCtx) rendererLit(lit *ast.CompositeLit) {
	p := fc.p
	named, ok := types.Unalias(p.TypesInfo.TypeOf(lit)).(*types.Named)
	if !ok {
		return
	}
	f := p.errorTypeFact(named.Origin().Obj())
	if f == nil || f.StatusField == "" || !p.isRenderer(named) {
		return
	}
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == f.StatusField && isErrorStatus(fc.sc.eval(kv.Value)) {
			fc.checkShape(lit, lit)
			return
		}
	}
}

// isRenderer reports whether *t has go-chi/render's Renderer method,
// Render(http.ResponseWriter, *http.Request) error.
func (p *pass) isRenderer(t *types.Named) bool {
	obj, _, _ := types.LookupFieldOrMethod(types.NewPointer(t), false, t.Obj().Pkg(), "Render")
	fn, ok := obj.(*types.Func)
	if !ok {
		return false
	}
	sig := fn.Signature()
	return sig.Params().Len() == 2 && p.isResponseWriter(sig.Params().At(0).Type()) &&
		isNamed(sig.Params().At(1).Type(), "net/http", "Request") &&
		sig.Results().Len() == 1 && types.Identical(sig.Results().At(0).Type(), errorType)
}

// fixedBody checks the body that a writer always sends (rest.SendErrorJSON's
// {"error": msg}) with its status: with a constant error status where it
// is called, with a status parameter at the call sites of the helper that
// passes it on (BodyShape).
func (fc *funcCtx) fixedBody(call *ast.CallExpr, what string, status value, text string) {
	s := jsonTextShape(text)
	want := &fc.p.s.shape
	if s == nil || len(want.problems(s)) == 0 {
		return
	}
	if status.param >= 0 {
		fc.fact.BodyShape = true
		return
	}
	if n, ok := status.int(); ok && n >= 400 {
		fc.p.report(call, RuleErrorBodyShape, "%s writes the error body %s with status %d: %s; send %s", what, s.describe(), n, strings.Join(want.problems(s), "; "), want.desc)
	}
}
