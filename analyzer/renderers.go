package analyzer

// Central error renderers: the functions where the errors that handlers
// return are written. A handler that returns apierr.NotFound(...),
// fiber.NewError(429, ...) or calls c.AbortWithError(403, err) writes
// nothing itself; one renderer writes every error response. The tables say
// how a framework installs its renderer (fw_*.go: renderers,
// registrations, errorMiddleware, adapter); this file finds the
// renderers of a package, through types:
//
//   - by signature, in the package that declares it (echo's
//     func(error, echo.Context), v5's func(*echo.Context, error),
//     fiber.ErrorHandler): the registration is usually in main, and facts
//     flow from a package to its importers, never back;
//   - where it is registered (e.HTTPErrorHandler = f, fiber.Config{
//     ErrorHandler: f}): that makes it the app's renderer, whose branch for
//     the errors it does not recognise must send 500 (a renderer of
//     another package is checked there through its RendererFact);
//   - a gin handler that reads c.Errors after c.Next();
//   - the ServeHTTP of a net/http adapter (a func(w, r) error type), and
//     the function of the package it hands the returned error to;
//   - a function of the package that a renderer hands the response to is a
//     writer of the renderer: what it writes is an error response too.
//
// What a renderer does with the errors is analyzed with its body
// (rendered.go); what that means for the error values that handlers build
// is in errvalues.go.

import (
	"go/ast"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/types/typeutil"
)

// renderer is a function body that writes error responses.
type renderer struct {
	fw   *framework
	name string // in messages: "ErrorHandler", "(*Server).renderError", "a func literal in Handler"
	// errs are the error parameters (none for a gin middleware, whose
	// errors come from c.Errors).
	errs map[*types.Var]bool
	// app: installed as the app's renderer (registered in this package, a
	// gin error middleware, a net/http adapter): its branch for the errors
	// it does not recognise must send 500.
	app bool
	// writer: a function that a renderer hands the response to; only its
	// writes count (it has no fallback of its own).
	writer bool
	// holder is the declared function that is the renderer or returns it:
	// it carries the RendererFact.
	holder *types.Func
	ftype  *ast.FuncType
	body   *ast.BlockStmt

	// What the analysis of the body found (rendered.go).
	rows     []RenderedType
	fallback RendererFact
}

// findRenderers finds the renderers of the package (see the file comment).
// It is the entry point of the mechanism: the rest happens when the
// renderers' bodies are analyzed (rendered.go) and where error values are
// built (errvalues.go).
func (p *pass) findRenderers(files []*ast.File) {
	sigs := p.rendererSigs()
	mwImported := false // a framework with an error middleware row is imported
	for _, fw := range frameworks {
		mwImported = mwImported || fw.errorMiddleware != nil && p.importsAny(fw.pkgs)
	}
	if len(sigs) == 0 && !mwImported && p.http == nil {
		return
	}
	decls := map[*types.Func]*ast.FuncDecl{}
	var regs []registration
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Body == nil {
				continue
			}
			fn := p.funcObj(fd)
			if fn == nil {
				continue
			}
			decls[fn] = fd
			if rt, fw := matchRenderer(sigs, fn.Signature()); fw != nil {
				p.addRenderer(&renderer{fw: fw, name: funcName(fn), errs: paramSet(p, fd.Type, rt.err), holder: fn, ftype: fd.Type, body: fd.Body})
			} else if mw := p.errorMiddleware(fd.Type, fd.Body); mwImported && mw != nil {
				p.addRenderer(&renderer{fw: mw, name: funcName(fn), app: true, holder: fn, ftype: fd.Type, body: fd.Body})
			} else if p.http != nil && fd.Recv != nil && fd.Name.Name == netHTTP.adapter {
				p.adapterRenderers(fd, fn)
			}
		}
		if len(sigs) == 0 && !mwImported {
			continue // no literal can be a renderer, nothing installs one
		}
		var outer *ast.FuncDecl
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.FuncDecl:
				outer = n
			case *ast.FuncLit:
				if sig, ok := p.TypesInfo.TypeOf(n).(*types.Signature); ok {
					if rt, fw := matchRenderer(sigs, sig); fw != nil {
						p.addRenderer(&renderer{fw: fw, name: litName(p, outer), errs: paramSet(p, n.Type, rt.err), holder: p.returner(outer, sigs), ftype: n.Type, body: n.Body})
					} else if mw := p.errorMiddleware(n.Type, n.Body); mwImported && mw != nil {
						p.addRenderer(&renderer{fw: mw, name: litName(p, outer), app: true, holder: p.returner(outer, nil), ftype: n.Type, body: n.Body})
					}
				}
			case *ast.AssignStmt:
				for i, lhs := range n.Lhs {
					if i < len(n.Rhs) {
						if fw := p.registrationField(lhs); fw != nil {
							regs = append(regs, registration{n.Rhs[i], fw})
						}
					}
				}
			case *ast.CompositeLit:
				p.registrationLit(n, &regs)
			}
			return true
		})
	}
	for _, ac := range p.adapterCalls {
		if fd := decls[ac.fn]; fd != nil {
			p.addRenderer(&renderer{fw: netHTTP, name: funcName(ac.fn), errs: paramSet(p, fd.Type, ac.arg), app: true, holder: ac.fn, ftype: fd.Type, body: fd.Body})
		}
	}
	for _, reg := range regs {
		p.register(reg, decls, files)
	}
	p.findWriters(decls, files)
}

// registration is a value installed as the app's renderer.
type registration struct {
	value ast.Expr
	fw    *framework
}

// rendererSig is a renderer function type that the package can see.
type rendererSig struct {
	sig *types.Signature
	fw  *framework
	row rendererType
}

// rendererSigs looks up the tables' renderer types among the package's
// imports.
func (p *pass) rendererSigs() []rendererSig {
	var out []rendererSig
	for _, fw := range frameworks {
		for _, rt := range fw.renderers {
			for _, imp := range p.Pkg.Imports() {
				if imp.Path() != rt.typ.pkg {
					continue
				}
				if tn, ok := imp.Scope().Lookup(rt.typ.name).(*types.TypeName); ok {
					if sig, ok := tn.Type().Underlying().(*types.Signature); ok {
						out = append(out, rendererSig{sig, fw, rt})
					}
				}
			}
		}
	}
	return out
}

// matchRenderer returns the renderer type that a function's signature is
// (a method's receiver aside).
func matchRenderer(sigs []rendererSig, sig *types.Signature) (rendererType, *framework) {
	for _, rs := range sigs {
		if types.Identical(types.NewSignatureType(nil, nil, nil, sig.Params(), sig.Results(), sig.Variadic()), rs.sig) {
			return rs.row, rs.fw
		}
	}
	return rendererType{}, nil
}

func (p *pass) importsAny(paths []string) bool {
	for _, imp := range p.Pkg.Imports() {
		for _, path := range paths {
			if imp.Path() == path {
				return true
			}
		}
	}
	return false
}

func (p *pass) addRenderer(r *renderer) {
	if p.renderers == nil {
		p.renderers = map[*ast.BlockStmt]*renderer{}
	}
	if old := p.renderers[r.body]; old != nil {
		old.app = old.app || r.app
		return
	}
	p.renderers[r.body] = r
}

// paramSet is the set holding the parameter at index i of a function type.
func paramSet(p *pass, ftype *ast.FuncType, i int) map[*types.Var]bool {
	set := map[*types.Var]bool{}
	if ftype.Params == nil {
		return set
	}
	n := 0
	for _, field := range ftype.Params.List {
		names := field.Names
		if len(names) == 0 {
			n++
			continue
		}
		for _, name := range names {
			if n == i {
				if v, ok := p.TypesInfo.Defs[name].(*types.Var); ok {
					set[v] = true
				}
			}
			n++
		}
	}
	return set
}

// funcName names a declared function in messages: "ErrorHandler",
// "(*Server).renderError".
func funcName(fn *types.Func) string {
	if recv := fn.Signature().Recv(); recv != nil {
		return "(" + types.TypeString(recv.Type(), func(*types.Package) string { return "" }) + ")." + fn.Name()
	}
	return fn.Name()
}

// litName names a renderer that is a function literal.
func litName(p *pass, outer *ast.FuncDecl) string {
	if outer != nil {
		if fn := p.funcObj(outer); fn != nil {
			return "the func literal in " + funcName(fn)
		}
	}
	return "the func literal"
}

// qualifiedName names a renderer in other packages' messages:
// "httpx.ErrorHandler", "the func literal in httpx.NewHandler".
func (p *pass) qualifiedName(r *renderer) string {
	if lit, ok := strings.CutPrefix(r.name, "the func literal in "); ok {
		return "the func literal in " + p.Pkg.Name() + "." + lit
	}
	return p.Pkg.Name() + "." + r.name
}

// returner returns the declared function outer when it returns a renderer
// (a result of a renderer type, or a gin.HandlerFunc for a middleware), so
// that a registration in another package (e.HTTPErrorHandler =
// httpx.NewErrorHandler(log)) finds the RendererFact on it.
func (p *pass) returner(outer *ast.FuncDecl, sigs []rendererSig) *types.Func {
	if outer == nil {
		return nil
	}
	fn := p.funcObj(outer)
	if fn == nil || fn.Signature().Results().Len() != 1 {
		return nil
	}
	res, ok := fn.Signature().Results().At(0).Type().Underlying().(*types.Signature)
	if !ok {
		return nil
	}
	if sigs == nil { // a gin middleware: func(*gin.Context)
		if res.Params().Len() == 1 {
			if fw := p.handleFramework(res.Params().At(0).Type()); fw != nil && fw.errorMiddleware != nil {
				return fn
			}
		}
		return nil
	}
	if _, fw := matchRenderer(sigs, res); fw != nil {
		return fn
	}
	return nil
}

// errorMiddleware returns the framework of a function that is a middleware
// of a framework with an errorMiddleware row (gin) that reads the errors of
// the handlers after it: it calls c.Next() and reads c.Errors after that.
func (p *pass) errorMiddleware(ftype *ast.FuncType, body *ast.BlockStmt) *framework {
	if ftype.Params == nil || len(ftype.Params.List) != 1 {
		return nil
	}
	t := p.TypesInfo.TypeOf(ftype.Params.List[0].Type)
	if t == nil {
		return nil
	}
	fw := p.handleFramework(t)
	if fw == nil || fw.errorMiddleware == nil {
		return nil
	}
	mw := fw.errorMiddleware
	next := token.NoPos
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(p.TypesInfo, n).(*types.Func); ok && next == token.NoPos && fn.FullName() == mw.next {
				next = n.End()
			}
		case *ast.SelectorExpr:
			if next != token.NoPos && n.Pos() > next && p.isField(n, mw.errors) {
				found = true
			}
		}
		return !found
	})
	if !found {
		return nil
	}
	return fw
}

// isField reports whether sel selects the field row.
func (p *pass) isField(sel *ast.SelectorExpr, row fieldRow) bool {
	s := p.TypesInfo.Selections[sel]
	return s != nil && s.Kind() == types.FieldVal && sel.Sel.Name == row.field && row.typ.is(s.Recv())
}

// registrationField returns the framework whose renderer field lhs is
// (e.HTTPErrorHandler).
func (p *pass) registrationField(lhs ast.Expr) *framework {
	sel, ok := ast.Unparen(lhs).(*ast.SelectorExpr)
	if !ok {
		return nil
	}
	for _, fw := range frameworks {
		for _, row := range fw.registrations {
			if p.isField(sel, row) {
				return fw
			}
		}
	}
	return nil
}

// registrationLit collects the renderer of a config literal
// (fiber.Config{ErrorHandler: f}).
func (p *pass) registrationLit(lit *ast.CompositeLit, regs *[]registration) {
	t := p.TypesInfo.TypeOf(lit)
	if t == nil {
		return
	}
	for _, fw := range frameworks {
		for _, row := range fw.registrations {
			if !row.typ.is(t) {
				continue
			}
			for _, elt := range lit.Elts {
				if kv, ok := elt.(*ast.KeyValueExpr); ok {
					if id, ok := kv.Key.(*ast.Ident); ok && id.Name == row.field {
						*regs = append(*regs, registration{kv.Value, fw})
					}
				}
			}
		}
	}
}

// register makes the value of a registration the app's renderer: a
// function literal, a function or method of the package, the func literals
// that a function of the package returns, or a package-level variable's
// func literal. A renderer of another package is checked here, through its
// RendererFact.
func (p *pass) register(reg registration, decls map[*types.Func]*ast.FuncDecl, files []*ast.File) {
	e := ast.Unparen(reg.value)
	var fn *types.Func
	switch v := e.(type) {
	case *ast.FuncLit:
		if r := p.renderers[v.Body]; r != nil {
			r.app = true
		}
		return
	case *ast.Ident:
		switch obj := p.TypesInfo.Uses[v].(type) {
		case *types.Func:
			fn = obj
		case *types.Var:
			if lit := packageVarLit(obj, files); lit != nil {
				if r := p.renderers[lit.Body]; r != nil {
					r.app = true
				}
			}
			return
		}
	case *ast.SelectorExpr:
		fn, _ = p.TypesInfo.Uses[v.Sel].(*types.Func)
	case *ast.CallExpr:
		fn, _ = typeutil.Callee(p.TypesInfo, v).(*types.Func)
	}
	if fn == nil {
		return
	}
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		if fd := decls[fn]; fd != nil {
			for _, r := range p.renderers {
				if r.body == fd.Body || (r.holder == fn && r.body.Pos() >= fd.Body.Pos() && r.body.End() <= fd.Body.End()) {
					r.app = true
				}
			}
		}
		return
	}
	f := new(RendererFact)
	if p.ImportObjectFact(fn, f) {
		p.registered = append(p.registered, registeredRenderer{node: reg.value, fn: fn, fact: f})
	}
}

// registeredRenderer is another package's renderer installed here.
type registeredRenderer struct {
	node ast.Node
	fn   *types.Func
	fact *RendererFact
}

// packageVarLit returns the func literal that initializes a package-level
// variable.
func packageVarLit(v *types.Var, files []*ast.File) *ast.FuncLit {
	if v.Pkg() == nil || v.Parent() != v.Pkg().Scope() {
		return nil
	}
	for _, f := range files {
		if f.FileStart > v.Pos() || v.Pos() >= f.FileEnd {
			continue
		}
		for _, d := range f.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				vs, ok := spec.(*ast.ValueSpec)
				if !ok || len(vs.Values) != len(vs.Names) {
					continue
				}
				for i, name := range vs.Names {
					if name.Pos() == v.Pos() {
						lit, _ := ast.Unparen(vs.Values[i]).(*ast.FuncLit)
						return lit
					}
				}
			}
		}
	}
	return nil
}

// adapterRenderers handles the ServeHTTP method of a net/http adapter: it
// calls a func(w, r) error and renders the error, in its own body or by
// handing it to a function of the package (which renders it too).
func (p *pass) adapterRenderers(fd *ast.FuncDecl, fn *types.Func) {
	var errVar *types.Var
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		as, ok := n.(*ast.AssignStmt)
		if !ok || len(as.Lhs) != 1 || len(as.Rhs) != 1 || errVar != nil {
			return errVar == nil
		}
		call, ok := ast.Unparen(as.Rhs[0]).(*ast.CallExpr)
		if !ok || !p.isHandlerFunc(p.TypesInfo.TypeOf(call.Fun)) {
			return true
		}
		if id, ok := as.Lhs[0].(*ast.Ident); ok {
			errVar, _ = p.TypesInfo.ObjectOf(id).(*types.Var)
		}
		return true
	})
	if errVar == nil {
		return
	}
	p.addRenderer(&renderer{fw: netHTTP, name: funcName(fn), errs: map[*types.Var]bool{errVar: true}, app: true, holder: fn, ftype: fd.Type, body: fd.Body})
	// The functions of the package that it hands the error to.
	p.packageCalls(fd.Body, false, func(call *ast.CallExpr, callee *types.Func) {
		for i, a := range call.Args {
			if id, ok := ast.Unparen(a).(*ast.Ident); ok && p.TypesInfo.Uses[id] == errVar {
				p.adapterCalls = append(p.adapterCalls, adapterCall{callee, i})
			}
		}
	})
}

// packageCalls calls visit for each call in n of a function of the package
// (its generic origin); in function literals too when lits is set.
func (p *pass) packageCalls(n ast.Node, lits bool, visit func(*ast.CallExpr, *types.Func)) {
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return lits
		case *ast.CallExpr:
			if fn, ok := typeutil.Callee(p.TypesInfo, n).(*types.Func); ok && fn.Pkg() == p.Pkg {
				visit(n, fn.Origin())
			}
		}
		return true
	})
}

// adapterCall: an adapter's ServeHTTP hands the error to argument arg of fn.
type adapterCall struct {
	fn  *types.Func
	arg int
}

// isHandlerFunc reports whether t is a func(http.ResponseWriter,
// *http.Request) error.
func (p *pass) isHandlerFunc(t types.Type) bool {
	if t == nil {
		return false
	}
	sig, ok := t.Underlying().(*types.Signature)
	if !ok || sig.Params().Len() != 2 || sig.Results().Len() != 1 {
		return false
	}
	return p.http.isResponseWriter(sig.Params().At(0).Type()) &&
		isNamed(sig.Params().At(1).Type(), "net/http", "Request") &&
		types.Identical(sig.Results().At(0).Type(), types.Universe.Lookup("error").Type())
}

// findWriters marks the functions of the package that a renderer hands the
// response to (gotify's writeError(c, msg)), and those they hand it to:
// everything they write is an error response. A function that is called
// elsewhere too (a JSON helper the handlers share) is not a writer.
func (p *pass) findWriters(decls map[*types.Func]*ast.FuncDecl, files []*ast.File) {
	if len(p.renderers) == 0 {
		return
	}
	calls := map[*types.Func][]token.Pos{} // the calls of the package's functions
	for _, f := range files {
		p.packageCalls(f, true, func(call *ast.CallExpr, fn *types.Func) { calls[fn] = append(calls[fn], call.Pos()) })
	}
	onlyFromRenderers := func(fn *types.Func) bool {
		for _, pos := range calls[fn] {
			in := false
			for body := range p.renderers {
				if body.Pos() <= pos && pos < body.End() {
					in = true
					break
				}
			}
			if !in {
				return false
			}
		}
		return true
	}
	work := make([]*renderer, 0, len(p.renderers))
	for _, r := range p.renderers {
		work = append(work, r)
	}
	for depth := 0; len(work) > 0 && depth < 3; depth++ {
		var next []*renderer
		for _, r := range work {
			p.packageCalls(r.body, false, func(call *ast.CallExpr, callee *types.Func) {
				fd := decls[callee]
				if fd == nil || p.renderers[fd.Body] != nil || !p.handsResponse(call) || !onlyFromRenderers(callee) {
					return
				}
				w := &renderer{fw: r.fw, name: funcName(callee), writer: true, ftype: fd.Type, body: fd.Body}
				p.addRenderer(w)
				next = append(next, w)
			})
		}
		work = next
	}
}

// handsResponse reports whether a call is handed a response as an argument.
func (p *pass) handsResponse(call *ast.CallExpr) bool {
	for _, a := range call.Args {
		if p.isHandle(p.TypesInfo.TypeOf(a)) {
			return true
		}
	}
	return false
}
