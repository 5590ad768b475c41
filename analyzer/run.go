package analyzer

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/build"
	"go/constant"
	"go/token"
	"go/types"
	"iter"
	"maps"
	"path/filepath"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/types/typeutil"
)

// pass is the state of one analysis of one package.
type pass struct {
	*analysis.Pass
	s              *settings
	http           *httpTypes
	bodyTypes      map[types.Type]*bodyType
	rwTypes        map[types.Type]bool
	handleTypes    map[types.Type]*framework
	localTypeFacts map[*types.TypeName]*ErrorTypeFact
	facts          map[*types.Func]*HelperFact // inferred in this package

	// The unit being analyzed: where its diagnostics go (nil: dropped, as
	// in generated files), the package's functions it calls, and the
	// function whose body is being analyzed.
	diags   *[]diag
	callees map[*types.Func]bool
	owner   ast.Node // *ast.FuncDecl or *ast.FuncLit

	// Functions stored as values (struct fields, variables): callbacks whose
	// callers are unknown, so the response may already carry Retry-After.
	callbacks map[any]bool // *types.Func, *ast.FuncLit, *ast.FuncDecl

	writers map[writerKey]writer // the project's error writer, per file and kind of response (fixes)

	// Bodies of the wrong shape that this package's helpers write with
	// their status parameter (error-body-shape).
	shapeNodes map[*types.Func]shapeSite

	// fieldLevel are the composite literals under an error body's
	// "details": field-level codes, not the catalog's.
	fieldLevel map[*ast.CompositeLit]bool

	// out are the diagnostics to report, in order (see flush).
	out []analysis.Diagnostic

	// The package's central error renderers, by body (renderers.go), the
	// renderers of other packages it installs, and the adapter calls
	// found on the way.
	renderers    map[*ast.BlockStmt]*renderer
	registered   []registeredRenderer
	adapterCalls []adapterCall
	localRows    []RenderedType // what the package's renderers read (merged)
	views        map[*types.TypeName]*typeView
	imported     map[*types.Package][]RenderedType // RenderedTypesFacts of imports

	// options are the package's functional options and the constructors
	// that apply them (options.go).
	options map[*types.Func]*OptionFact

	// tableVars are the package-level variables initialized with a status
	// table, a map literal (statustables.go); built on first use.
	tableVars map[*types.Var]*ast.CompositeLit

	// rs is the state of undocumented-status (routes.go); nil when the
	// catalog has no operations, unless the routes are collected
	// (Config.Routes).
	rs *routesState
	// pairs are the constant status and code pairs that checkPair saw in
	// the body being analyzed, collected only for Config.Routes (see
	// recordSites).
	pairs []statusCode
}

// diag is a diagnostic and the function it was found in.
type diag struct {
	analysis.Diagnostic
	owner ast.Node
	once  string // reported only at the first place with this key (see reportOnce)
	// handler: a finding that holds only in a handler, dropped where the
	// function is called by a function of the package or stored as a
	// callback (see reportHandler).
	handler bool
}

// unit is one function declaration: analyzed once, and again only when a
// function of the same package that it calls gets a new fact.
type unit struct {
	decl    *ast.FuncDecl
	fn      *types.Func
	silent  bool
	gen     bool // declared in a file written by apierrlint gen
	diags   []diag
	callees map[*types.Func]bool
}

func run(ap *analysis.Pass, s *settings) (*Result, error) {
	if len(ap.Files) == 0 || ap.TypesInfo == nil {
		return &Result{}, nil // export data only: nothing to infer or report
	}
	if !mayMatter(ap) {
		return (&pass{Pass: ap, s: s}).emptyResult(), nil
	}
	p := newPass(ap, s)
	pkg := p.collect()
	p.inferErrorTypes(pkg.decls)
	p.inferOptions(pkg.decls)
	p.findRenderers(pkg.files)
	p.analyzeUnits(pkg.units)
	p.analyzeOthers(pkg.others)
	pkg.routes = p.checkRoutes(pkg)
	p.exportFacts()
	p.reportAll(pkg)
	res := p.flush(pkg.checked)
	if s.routes {
		res.Routes = p.collectRoutes()
	}
	return res, nil
}

func newPass(ap *analysis.Pass, s *settings) *pass {
	return &pass{
		Pass:           ap,
		s:              s,
		http:           findHTTP(ap.Pkg),
		bodyTypes:      map[types.Type]*bodyType{},
		rwTypes:        map[types.Type]bool{},
		handleTypes:    map[types.Type]*framework{},
		localTypeFacts: map[*types.TypeName]*ErrorTypeFact{},
		facts:          map[*types.Func]*HelperFact{},
		callbacks:      map[any]bool{},
		writers:        map[writerKey]writer{},
		shapeNodes:     map[*types.Func]shapeSite{},
		fieldLevel:     map[*ast.CompositeLit]bool{},
		rs:             newRoutesState(ap, s),
	}
}

// pkgUnits is what a package's files hold for the analysis.
type pkgUnits struct {
	files    []*ast.File // analyzed (test files only with -tests)
	checked  []*ast.File // files whose findings are reported
	units    []*unit     // function declarations
	decls    []*ast.FuncDecl
	others   []*unit // package-level declarations, analyzed with the final facts
	cgoFiles map[*token.File]bool
	routes   *unit // undocumented-status's findings (nil: none)
}

// collect gathers the function declarations and package-level variables
// to analyze.
func (p *pass) collect() *pkgUnits {
	pkg := &pkgUnits{cgoFiles: map[*token.File]bool{}}
	for _, f := range p.Files {
		if p.isTestFile(f) && !p.s.tests {
			continue
		}
		pkg.files = append(pkg.files, f)
		cgo := cgoOutput(f)
		if cgo {
			pkg.cgoFiles[p.Fset.File(f.Pos())] = true
		}
		silent := !p.checks(f) // generated helpers still yield facts
		gen := IsGenFile(f)
		if !silent {
			pkg.checked = append(pkg.checked, f)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					testHelper := !p.s.tests && p.takesTesting(d.Type)
					pkg.units = append(pkg.units, &unit{decl: d, fn: p.funcObj(d), silent: silent || testHelper, gen: gen})
					pkg.decls = append(pkg.decls, d)
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR && !silent {
					pkg.others = append(pkg.others, &unit{decl: &ast.FuncDecl{Body: &ast.BlockStmt{List: []ast.Stmt{&ast.DeclStmt{Decl: d}}}}})
				}
			}
		}
	}
	return pkg
}

// analyzeUnits analyzes every function, and again those whose local
// callees changed (their facts), until nothing changes. What the package's
// renderers read from error values changes how values are judged
// everywhere: when it changes, everything is analyzed again.
func (p *pass) analyzeUnits(units []*unit) {
	dirty := units
	for round := 0; len(dirty) > 0 && round < 10; round++ {
		changed := map[*types.Func]bool{}
		for _, u := range dirty {
			f := p.analyzeUnit(u)
			if u.fn == nil {
				continue
			}
			if !f.useful() {
				f = nil
			} else if u.gen {
				f.CodeStatus = f.Writes && f.Code >= 0 && f.Status < 0 && f.FixedStatus == 0
			}
			old := p.facts[u.fn]
			if (old == nil) != (f == nil) || (old != nil && *old != *f) {
				changed[u.fn] = true
				if f == nil {
					delete(p.facts, u.fn)
				} else {
					p.facts[u.fn] = f
				}
			}
		}
		dirty = nil
		if p.rowsChanged() {
			dirty = units
			continue
		}
		for _, u := range units {
			for fn := range u.callees {
				if changed[fn] {
					dirty = append(dirty, u)
					break
				}
			}
		}
	}
}

// analyzeOthers analyzes the package-level variables, with the final facts.
func (p *pass) analyzeOthers(others []*unit) {
	for _, u := range others {
		p.diags, p.callees, p.owner = &u.diags, map[*types.Func]bool{}, nil
		fc := p.newFuncCtx(nil, nil, nil)
		fc.walk(u.decl.Body)
		for _, lit := range fc.lits {
			p.owner = lit // a callback in a package-level value may be one (see callbacks)
			p.analyzeFunc(nil, lit.Type, lit.Body)
		}
	}
}

// exportFacts exports the facts of the package's helpers and renderers.
func (p *pass) exportFacts() {
	for fn, f := range p.facts {
		p.ExportObjectFact(fn, f)
	}
	for fn, f := range p.options {
		p.ExportObjectFact(fn, f)
	}
	rendered := p.exportRenderers()
	if len(p.facts) > 0 || len(p.options) > 0 || rendered || p.declaresErrorBody() {
		p.ExportPackageFact(&PackageFact{})
	}
}

// reportAll reports the findings, once per position and rule. A
// callback's caller may have set Retry-After: missing-retry-after is not
// reported inside it.
func (p *pass) reportAll(pkg *pkgUnits) {
	declOf := map[*types.Func]ast.Node{}
	for _, u := range pkg.units {
		declOf[u.fn] = u.decl
	}
	for obj := range p.callbacks {
		if fn, ok := obj.(*types.Func); ok && declOf[fn] != nil {
			p.callbacks[declOf[fn]] = true
		}
	}
	called := map[*types.Func]bool{} // the package's functions that its functions call
	for _, u := range pkg.units {
		for fn := range u.callees {
			called[fn] = true
		}
	}
	registered := p.checkRegistered(pkg.checked)
	ignores := p.ignores(pkg.checked)
	seen := map[reportKey]bool{}
	lists := [][]*unit{pkg.units, pkg.others, {registered}, {p.checkDefaults(pkg.checked)}}
	if pkg.routes != nil {
		lists = append(lists, []*unit{pkg.routes})
	}
	for _, list := range lists {
		for _, u := range list {
			for _, d := range u.diags {
				if d.Category == RuleMissingRetryAfter && p.callbacks[d.owner] || d.handler && p.callerMayWrite(d.owner, called) {
					continue
				}
				k := reportKey{d.Pos, d.Category}
				if d.once != "" {
					k = reportKey{rule: d.Category + "\x00" + d.once}
				}
				if !seen[k] {
					seen[k] = true
					if !ignored(ignores, p.Fset, &d.Diagnostic) {
						if pkg.cgoFiles[p.Fset.File(d.Pos)] {
							// Its offsets are the generated file's, not the source's.
							d.SuggestedFixes = nil
						}
						p.emit(d.Diagnostic)
					}
				}
			}
		}
	}
	p.reportUnused(ignores)
}

// isTestFile reports whether f is a _test.go file.
func (p *pass) isTestFile(f *ast.File) bool {
	return strings.HasSuffix(p.Fset.File(f.Pos()).Name(), "_test.go")
}

// takesTesting reports whether a function has a parameter of the testing
// package's types (*testing.T, testing.TB, *testing.B, *testing.F): test
// code in a file that is not a _test.go file (a test helper package's
// httptest server). Like a test file's, its findings (its function
// literals' too) are reported only with -tests; its facts still count.
func (p *pass) takesTesting(ft *ast.FuncType) bool {
	if ft.Params == nil {
		return false
	}
	for _, f := range ft.Params.List {
		t := p.TypesInfo.TypeOf(f.Type)
		if ptr, ok := t.(*types.Pointer); ok {
			t = ptr.Elem()
		}
		if n, ok := t.(*types.Named); ok && n.Obj().Pkg() != nil && n.Obj().Pkg().Path() == "testing" {
			return true
		}
	}
	return false
}

// checks reports whether the findings of f are reported: not a test file
// (unless -tests) nor a generated one (unless -generated; cgo's output is
// the package's own code).
func (p *pass) checks(f *ast.File) bool {
	if p.isTestFile(f) && !p.s.tests {
		return false
	}
	return !ast.IsGenerated(f) || p.s.generated || cgoOutput(f)
}

func (p *pass) analyzeUnit(u *unit) *HelperFact {
	u.diags, u.callees = nil, map[*types.Func]bool{}
	p.diags, p.callees, p.owner = &u.diags, u.callees, u.decl
	if u.silent {
		p.diags = nil
	}
	return p.analyzeFunc(u.fn, u.decl.Type, u.decl.Body)
}

// funcAt returns the function declaration or literal that encloses pos,
// the innermost one.
func (p *pass) funcAt(pos token.Pos) *ast.FuncLit {
	file := p.fileOf(pos)
	if file == nil {
		return nil
	}
	var found *ast.FuncLit
	ast.Inspect(file, func(n ast.Node) bool {
		if n == nil || n.Pos() > pos || n.End() <= pos {
			return n == nil
		}
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body != nil {
				found = &ast.FuncLit{Type: n.Type, Body: n.Body}
			}
		case *ast.FuncLit:
			found = n
		}
		return true
	})
	return found
}

func (p *pass) funcObj(fd *ast.FuncDecl) *types.Func {
	fn, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
	return fn
}

// inferErrorTypes finds error-body types whose status field is the one their
// own methods pass as a status to a framework primitive:
// func (e *APIError) Write(w) { w.WriteHeader(e.HTTP) }, or a go-chi/render
// Renderer: func (e *ErrResponse) Render(w, r) error { render.Status(r, e.HTTPStatusCode); ... },
// and the accessors of error types (func (e *Error) StatusCode() int {
// return e.status }): a renderer that calls one reads the field.
func (p *pass) inferErrorTypes(decls []*ast.FuncDecl) {
	factOf := func(obj *types.TypeName) *ErrorTypeFact {
		f := p.localTypeFacts[obj]
		if f == nil {
			f = &ErrorTypeFact{}
			p.localTypeFacts[obj] = f
		}
		return f
	}
	for _, fd := range decls {
		if fd.Recv == nil || len(fd.Recv.List) != 1 || len(fd.Recv.List[0].Names) != 1 {
			continue
		}
		recv, _ := p.TypesInfo.Defs[fd.Recv.List[0].Names[0]].(*types.Var)
		if recv == nil {
			continue
		}
		rt := recv.Type()
		if ptr, ok := rt.(*types.Pointer); ok {
			rt = ptr.Elem()
		}
		named, ok := types.Unalias(rt).(*types.Named)
		if !ok {
			continue
		}
		if field := accessorField(p.TypesInfo, fd, recv); field != "" && implementsError(named) {
			f := factOf(named.Obj())
			if f.Accessors == nil {
				f.Accessors = map[string]string{}
			}
			f.Accessors[fd.Name.Name] = field
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			fn, ok := typeutil.Callee(p.TypesInfo, call).(*types.Func)
			if !ok {
				return true
			}
			pr, _, ok := p.primitiveOf(call, fn)
			if !ok || pr.status < 0 || pr.status >= len(call.Args) {
				return true
			}
			arg, ok := ast.Unparen(call.Args[pr.status]).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := ast.Unparen(arg.X).(*ast.Ident); ok && p.TypesInfo.Uses[id] == recv {
				if f := factOf(named.Obj()); f.StatusField == "" {
					f.StatusField = arg.Sel.Name
				}
			}
			return true
		})
	}
	for obj, f := range p.localTypeFacts {
		p.ExportObjectFact(obj, f)
	}
}

// accessorField returns the field that a method without parameters
// returns as its one int or string result ("" if it is not such a method).
func accessorField(info *types.Info, fd *ast.FuncDecl, recv *types.Var) string {
	switch fd.Name.Name {
	case "Error", "String", "GoString":
		return "" // the error's text
	}
	if fd.Type.Params.NumFields() != 0 || fd.Type.Results.NumFields() != 1 || len(fd.Body.List) != 1 {
		return ""
	}
	ret, ok := fd.Body.List[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return ""
	}
	sel, ok := stripConversion(info, ret.Results[0]).(*ast.SelectorExpr)
	if !ok {
		return ""
	}
	if id, ok := ast.Unparen(sel.X).(*ast.Ident); !ok || info.Uses[id] != recv {
		return ""
	}
	if s := info.Selections[sel]; s == nil || s.Kind() != types.FieldVal {
		return ""
	}
	if t := info.TypeOf(sel); t == nil || !(isIntKind(t) || isStringKind(t)) {
		return ""
	}
	return sel.Sel.Name
}

// helperFact returns the fact of a static callee, inferred here or imported.
func (p *pass) helperFact(fn *types.Func) *HelperFact {
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		if p.callees != nil {
			p.callees[fn] = true
		}
		return p.facts[fn]
	}
	f := new(HelperFact)
	if p.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// report records a diagnostic of the unit being analyzed, unless the rule is
// disabled.
func (p *pass) report(node ast.Node, rule, format string, args ...any) {
	p.reportFix(node, rule, nil, format, args...)
}

// reportOnce is report for a finding that the package reports once, at the
// first place (in file order) that reports it under the key.
func (p *pass) reportOnce(key string, node ast.Node, rule, format string, args ...any) {
	p.report(node, rule, format, args...)
	if p.diags != nil && len(*p.diags) > 0 {
		if d := &(*p.diags)[len(*p.diags)-1]; d.Category == rule {
			d.once = key
		}
	}
}

// reportFix is report with at most one suggested fix (golangci-lint applies
// every edit of every fix, so a diagnostic never carries alternatives).
func (p *pass) reportFix(node ast.Node, rule string, fix *analysis.SuggestedFix, format string, args ...any) {
	if p.diags == nil || p.s.disabled[rule] {
		return
	}
	d := analysis.Diagnostic{
		Pos:      node.Pos(),
		End:      node.End(),
		Category: rule,
		Message:  rule + ": " + fmt.Sprintf(format, args...),
	}
	if fix != nil {
		d.SuggestedFixes = []analysis.SuggestedFix{*fix}
	}
	*p.diags = append(*p.diags, diag{Diagnostic: d, owner: p.owner})
}

// checkCode reports an unknown constant code. It returns the documented
// status of a known code, 0 otherwise.
func (p *pass) checkCode(node ast.Node, code value) int {
	c, ok := code.str()
	if !ok {
		return 0
	}
	if st, ok := p.s.cat.Status(c); ok {
		return st
	}
	if p.s.cat.Len() == 0 {
		// An OpenAPI document that defines no codes (the only catalog
		// that may be empty): no code is known, so none is unknown.
		return 0
	}
	if near := nearestCode(c, p.s.cat.Codes()); near != "" {
		p.reportFix(node, RuleUnknownCode, replaceStringFix(node, near), "%s is not in the error catalog (%s); did you mean %s?", c, p.s.catName, near)
		return 0
	}
	p.report(node, RuleUnknownCode, "%s is not in the error catalog (%s)", c, p.s.catName)
	return 0
}

// checkPair reports a catalogued code sent with another constant status.
// statusExpr, when not nil, is the expression that a fix replaces.
func (p *pass) checkPair(node ast.Node, statusExpr ast.Node, status, code value) {
	st, ok := status.int()
	if !ok {
		return
	}
	c, ok := code.str()
	if !ok {
		return
	}
	if p.s.routes {
		p.pairs = append(p.pairs, statusCode{st, c})
	}
	if doc, ok := p.s.cat.Status(c); ok && doc != st {
		p.reportFix(node, RuleStatusMismatch, p.statusFix(statusExpr, doc), "%s is documented with %d, sent with %d", c, doc, st)
	}
}

// needsRetryAfter reports whether a response with this status or code must
// carry Retry-After, and describes it.
func (p *pass) needsRetryAfter(status, code value) (string, bool) {
	if st, ok := status.int(); ok && p.s.retryAfter[st] {
		if c, ok := code.str(); ok {
			return fmt.Sprintf("%s response (%d)", c, st), true
		}
		return fmt.Sprintf("%d response", st), true
	}
	if c, ok := code.str(); ok {
		if doc, ok := p.s.cat.Status(c); ok && p.s.retryAfter[doc] {
			return fmt.Sprintf("%s response (documented with %d)", c, doc), true
		}
	}
	return "", false
}

func intConst(n int) value    { return value{c: constant.MakeInt64(int64(n)), param: -1} }
func strConst(s string) value { return value{c: constant.MakeString(s), param: -1} }

type reportKey struct {
	pos  token.Pos
	rule string
}

// mayMatter is the cheap test that spares most packages (the standard
// library, most dependencies) the analysis; see [Relevant].
func mayMatter(ap *analysis.Pass) bool {
	imports := map[string]*types.Package{}
	for _, imp := range ap.Pkg.Imports() {
		imports[imp.Path()] = imp
	}
	files := make([]string, len(ap.Files))
	for i, f := range ap.Files {
		files[i] = ap.Fset.File(f.Pos()).Name()
	}
	holdsHelpers := func(path string) bool { return ap.ImportPackageFact(imports[path], new(PackageFact)) }
	return Relevant(ap.Pkg.Path(), maps.Keys(imports), holdsHelpers, files, ap.ReadFile)
}

// Relevant reports whether a package may matter to the analysis, from what
// a driver knows before it parses or type-checks it: its path, the paths of
// its direct imports, which of those hold error helpers or types (their
// [PackageFact]), and its source files. A package matters when it is
// net/http, imports net/http or a framework of the tables (gin, echo,
// fiber, go-chi/render: fiber code need not import net/http) or a package
// named by their defaults (fiber's limiter, net/http/httputil), imports a
// package that holds helpers or error types, or mentions a "code" key (a
// json tag, a map key, a JSON text) in its source (the standard library's
// source is not read: it declares no API error bodies). The analyzer
// applies the same test itself; a package that fails it gets no diagnostics
// and exports no facts.
func Relevant(path string, imports iter.Seq[string], holdsHelpers func(path string) bool, files []string, readFile func(string) ([]byte, error)) bool {
	if path == "net/http" {
		return true
	}
	for imp := range imports {
		if imp == "net/http" || frameworkPackage(imp) || fallbackPkgs[imp] || holdsHelpers(imp) {
			return true
		}
	}
	for _, name := range files {
		if strings.HasPrefix(name, gorootSrc) {
			continue
		}
		src, err := readFile(name)
		if err != nil || bytes.Contains(src, []byte(`"code"`)) || bytes.Contains(src, []byte(`\"code\"`)) {
			return true
		}
	}
	return false
}

// cgoOutput reports whether f is one of the Go files that cgo writes for a
// package that uses it: generated, but the package's own code, its
// positions mapped back to the source by line directives.
func cgoOutput(f *ast.File) bool {
	for _, g := range f.Comments {
		if g.Pos() >= f.Package {
			break
		}
		for _, c := range g.List {
			if c.Text == "// Code generated by cmd/cgo; DO NOT EDIT." {
				return true
			}
		}
	}
	return false
}

// gorootSrc is the directory of the standard library's source, with a final
// separator (a relative path that no source file has if GOROOT is unknown).
var gorootSrc = filepath.Join(build.Default.GOROOT, "src") + string(filepath.Separator)

// declaresErrorBody reports whether the package declares an error-body type.
func (p *pass) declaresErrorBody() bool {
	scope := p.Pkg.Scope()
	for _, name := range scope.Names() {
		if tn, ok := scope.Lookup(name).(*types.TypeName); ok && !tn.IsAlias() {
			if bt := p.structBody(tn.Type()); bt != nil {
				return true
			}
		}
	}
	return false
}
