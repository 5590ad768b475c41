package analyzer

// What a central error renderer reads from the error values it recognises
// (see rendered.go): for each type, where the status, the code and
// Retry-After come from. The package's renderers' rows are merged, one per
// type, and exported as a RenderedTypesFact; errvalues.go judges the
// values built against them.

import (
	"go/ast"
	"go/types"
	"slices"
	"strings"
)

// or of an interface other than error; nil for anything else.
func errorTypeName(t types.Type) *types.TypeName {
	if ptr, ok := types.Unalias(t).(*types.Pointer); ok {
		t = ptr.Elem()
	}
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	return named.Origin().Obj()
}

// typePath names a type in facts: "path.Name".
func typePath(tn *types.TypeName) string { return tn.Pkg().Path() + "." + tn.Name() }

// (code := 500; if errors.As(err, &e) { code = e.Code }).
func (fc *funcCtx) fieldRefs(e ast.Expr, depth int) []fieldRef {
	rs := fc.rend
	info := fc.p.TypesInfo
	e = stripConversion(info, e)
	switch x := e.(type) {
	case *ast.SelectorExpr:
		if tn := rs.recognizedType(info, x.X); tn != nil {
			if s := info.Selections[x]; s != nil && s.Kind() == types.FieldVal {
				return []fieldRef{{tn, x.Sel.Name}}
			}
		}
	case *ast.CallExpr:
		if sel, ok := ast.Unparen(x.Fun).(*ast.SelectorExpr); ok && len(x.Args) == 0 {
			if tn := rs.recognizedType(info, sel.X); tn != nil {
				if s := info.Selections[sel]; s != nil && s.Kind() == types.MethodVal {
					return []fieldRef{{tn, sel.Sel.Name + "()"}}
				}
			}
		}
	case *ast.Ident:
		v, ok := info.Uses[x].(*types.Var)
		if !ok || depth > 3 {
			return nil
		}
		var out []fieldRef
		for _, rhs := range rs.assigns[v] {
			out = append(out, fc.fieldRefs(rhs, depth+1)...)
		}
		return out
	}
	return nil
}

// retryRefs returns the fields of recognised values that a Retry-After
// value is computed from, in the expression or in what its local
// variables are assigned (secs := int(math.Ceil(e.RetryAfter.Seconds()));
// strconv.Itoa(secs)); dflt: a variable also has a value that reads none.
func (fc *funcCtx) retryRefs(value ast.Expr, depth int) (refs []fieldRef, dflt bool) {
	ast.Inspect(value, func(n ast.Node) bool {
		e, ok := n.(ast.Expr)
		if !ok {
			return true
		}
		found := fc.fieldRefs(e, 0)
		refs = append(refs, found...)
		dflt = dflt || fc.hasDefault(e)
		if id, ok := e.(*ast.Ident); ok && len(found) == 0 && depth < 3 {
			v, _ := fc.p.TypesInfo.Uses[id].(*types.Var)
			for _, rhs := range fc.rend.assigns[v] {
				r, d := fc.retryRefs(rhs, depth+1)
				refs, dflt = append(refs, r...), dflt || d
			}
		}
		return true
	})
	return refs, dflt
}

// hasDefault reports whether e is a local variable of which some value is
// not read from a recognised value: a default for when the field is unset.
func (fc *funcCtx) hasDefault(e ast.Expr) bool {
	id, ok := ast.Unparen(e).(*ast.Ident)
	if !ok {
		return false
	}
	v, _ := fc.p.TypesInfo.Uses[id].(*types.Var)
	assigns := fc.rend.assigns[v]
	if len(assigns) < 2 {
		return false
	}
	for _, rhs := range assigns {
		if len(fc.fieldRefs(rhs, 0)) == 0 {
			return true
		}
	}
	return false
}

// fieldRef is a field ("Status") or method ("StatusCode()") of a type.
type fieldRef struct {
	typ  *types.TypeName
	name string
}

// recognizedType returns the type of a recognised value that e names.
func (rs *renderState) recognizedType(info *types.Info, e ast.Expr) *types.TypeName {
	e = ast.Unparen(e)
	if star, ok := e.(*ast.StarExpr); ok {
		e = ast.Unparen(star.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v, _ := info.Uses[id].(*types.Var)
	return rs.recognized[v]
}

// is (c.JSON(e.Status, e)), directly or through a local variable.
func (fc *funcCtx) valueOf(e ast.Expr) *types.TypeName {
	rs := fc.rend
	info := fc.p.TypesInfo
	for range 3 {
		if tn := rs.recognizedType(info, e); tn != nil {
			return tn
		}
		id, ok := ast.Unparen(e).(*ast.Ident)
		if !ok {
			return nil
		}
		v, _ := info.Uses[id].(*types.Var)
		if len(rs.assigns[v]) != 1 {
			return nil
		}
		e = rs.assigns[v][0]
	}
	return nil
}

// the code and Retry-After come from.
func (fc *funcCtx) learnRows() []RenderedType {
	rs := fc.rend
	status := map[*types.TypeName]map[string]bool{}
	code := map[*types.TypeName]map[string]bool{}
	retry := map[*types.TypeName]map[string]bool{}
	add := func(m map[*types.TypeName]map[string]bool, refs []fieldRef) {
		for _, ref := range refs {
			if m[ref.typ] == nil {
				m[ref.typ] = map[string]bool{}
			}
			m[ref.typ][ref.name] = true
		}
	}
	otherRetry := rs.handoff // Retry-After set some way that is not a field of a value
	for _, ev := range fc.events {
		switch ev.kind {
		case evStatus:
			if ev.statusExpr != nil {
				add(status, fc.fieldRefs(ev.statusExpr, 0))
			}
		case evBody:
			if e, ok := ev.codeNode.(ast.Expr); ok {
				add(code, fc.fieldRefs(e, 0))
			}
		case evRetryAfter:
			var refs []fieldRef
			dflt := false // secs := 60; if e.Wait > 0 { secs = ... }: set either way
			if ev.value != nil {
				refs, dflt = fc.retryRefs(ev.value, 0)
			}
			if len(refs) == 0 || dflt {
				otherRetry = true
				break
			}
			add(retry, refs)
		}
		if ev.bodyExpr != nil {
			if tn := fc.valueOf(ev.bodyExpr); tn != nil {
				if f := jsonCodeField(tn.Type(), fc.p.s.shape.Code); f != "" {
					add(code, []fieldRef{{tn, f}})
				}
			}
		}
	}
	for _, w := range rs.writes {
		if w.statusExpr != nil {
			add(status, fc.fieldRefs(w.statusExpr, 0))
		}
		if w.codeExpr != nil {
			add(code, fc.fieldRefs(w.codeExpr, 0))
		}
	}
	one := func(m map[string]bool) string {
		if len(m) != 1 {
			return ""
		}
		for k := range m {
			return k
		}
		return ""
	}
	var rows []RenderedType
	seen := map[*types.TypeName]bool{}
	for _, tn := range rs.recognized {
		if seen[tn] {
			continue
		}
		seen[tn] = true
		row := RenderedType{Type: typePath(tn), Status: one(status[tn]), Code: one(code[tn]), By: fc.p.qualifiedName(rs.r)}
		switch {
		case one(retry[tn]) != "":
			row.SetsRetryAfter, row.RetryAfter = RetryAfterFromField, one(retry[tn])
		case otherRetry:
			// (A Retry-After read from another type's field is set in
			// that type's branch.)
			row.SetsRetryAfter = RetryAfterMaybe
		default:
			row.SetsRetryAfter = RetryAfterNever
		}
		rows = append(rows, row)
	}
	slices.SortFunc(rows, func(a, b RenderedType) int { return strings.Compare(a.Type, b.Type) })
	return rows
}

// jsonCodeField is the string field of a struct type whose JSON key is the
// shape's code key, up to case ("" if none).
func jsonCodeField(t types.Type, codeKey string) string {
	st, ok := t.Underlying().(*types.Struct)
	if !ok {
		return ""
	}
	for i := range st.NumFields() {
		if f := st.Field(i); strings.EqualFold(jsonName(st.Tag(i), f), codeKey) && isStringKind(f.Type()) {
			return f.Name()
		}
	}
	return ""
}

// built everywhere in the package, so it is analyzed again).
func (p *pass) rowsChanged() bool {
	if len(p.renderers) == 0 {
		return false
	}
	rows := p.mergedRows()
	changed := !slices.Equal(rows, p.localRows)
	p.localRows = rows
	if changed {
		clear(p.bodyTypes) // a type's fields may be known now
		p.views = nil
	}
	return changed
}

// never set when none sets it.
func (p *pass) mergedRows() []RenderedType {
	byType := map[string]*RenderedType{}
	var order []string
	for _, r := range p.renderers {
		for _, row := range r.rows {
			old := byType[row.Type]
			if old == nil {
				row := row
				byType[row.Type] = &row
				order = append(order, row.Type)
				continue
			}
			*old = mergeRow(*old, row)
		}
	}
	slices.Sort(order)
	var out []RenderedType
	for _, t := range order {
		out = append(out, *byType[t])
	}
	return out
}

// mergeRow merges two renderers' rows of one type.
func mergeRow(a, b RenderedType) RenderedType {
	if a.Status != b.Status {
		a.Status = ""
	}
	if a.Code != b.Code {
		a.Code = ""
	}
	if a.By > b.By {
		a.By = b.By // deterministic, whatever the order of the renderers
	}
	switch {
	case a.SetsRetryAfter == RetryAfterFromField && b.SetsRetryAfter == RetryAfterFromField:
		if a.RetryAfter != b.RetryAfter {
			a.SetsRetryAfter, a.RetryAfter = RetryAfterMaybe, ""
		}
	case b.SetsRetryAfter == RetryAfterFromField:
		a.SetsRetryAfter, a.RetryAfter = b.SetsRetryAfter, b.RetryAfter
	case a.SetsRetryAfter == RetryAfterFromField:
	case a.SetsRetryAfter == RetryAfterMaybe || b.SetsRetryAfter == RetryAfterMaybe:
		a.SetsRetryAfter = RetryAfterMaybe
	}
	return a
}

// its RenderedTypesFact. It reports whether there was any.
func (p *pass) exportRenderers() bool {
	found := false
	for _, r := range p.renderers {
		if r.holder != nil && !r.writer && r.holder.Pkg() == p.Pkg {
			f := r.fallback
			if f.Framework == "" {
				f.Framework = r.fw.name
			}
			p.ExportObjectFact(r.holder, &f)
			found = true
		}
	}
	if rows := p.mergedRows(); len(rows) > 0 {
		p.ExportPackageFact(&RenderedTypesFact{Types: rows})
		found = true
	}
	return found
}
