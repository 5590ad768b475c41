package analyzer

import (
	"fmt"
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// pass is the state of one analysis of one package.
type pass struct {
	*analysis.Pass
	s              *settings
	http           *httpTypes
	bodyTypes      map[types.Type]*bodyType
	localTypeFacts map[*types.TypeName]*ErrorTypeFact
	facts          map[*types.Func]*HelperFact // inferred in this package
	reporting      bool                        // the final round: diagnostics are reported
	silent         map[*ast.File]bool          // files whose findings are not reported (generated)
	file           *ast.File                   // file being walked in the reporting round
	reported       map[reportKey]bool
}

type reportKey struct {
	pos  token.Pos
	rule string
}

func run(ap *analysis.Pass, s *settings) (any, error) {
	if len(ap.Files) == 0 || ap.TypesInfo == nil {
		return nil, nil // export data only: nothing to infer or report
	}
	p := &pass{
		Pass:           ap,
		s:              s,
		http:           findHTTP(ap.Pkg),
		bodyTypes:      map[types.Type]*bodyType{},
		localTypeFacts: map[*types.TypeName]*ErrorTypeFact{},
		facts:          map[*types.Func]*HelperFact{},
		silent:         map[*ast.File]bool{},
		reported:       map[reportKey]bool{},
	}
	var files []*ast.File
	for _, f := range ap.Files {
		name := ap.Fset.File(f.Pos()).Name()
		if strings.HasSuffix(name, "_test.go") && !s.tests {
			continue
		}
		if ast.IsGenerated(f) && !s.generated {
			p.silent[f] = true // generated helpers still yield facts
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil, nil
	}

	var decls []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				decls = append(decls, fd)
			}
		}
	}
	p.inferErrorTypes(decls)
	p.inferHelpers(decls)

	p.reporting = true
	for _, f := range files {
		if p.silent[f] {
			continue
		}
		p.file = f
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Body != nil {
					p.analyzeFunc(p.funcObj(d), d.Type, d.Body)
				}
			case *ast.GenDecl:
				if d.Tok == token.VAR || d.Tok == token.CONST {
					fc := p.newFuncCtx(nil, nil, nil)
					fc.walk(d)
				}
			}
		}
	}
	return nil, nil
}

func (p *pass) funcObj(fd *ast.FuncDecl) *types.Func {
	fn, _ := p.TypesInfo.Defs[fd.Name].(*types.Func)
	return fn
}

// inferHelpers computes the HelperFacts of the package's functions, iterating
// until they no longer change (helpers calling helpers), then exports them.
func (p *pass) inferHelpers(decls []*ast.FuncDecl) {
	for round := 0; round < 8; round++ {
		changed := false
		for _, fd := range decls {
			fn := p.funcObj(fd)
			if fn == nil {
				continue
			}
			f := p.analyzeFunc(fn, fd.Type, fd.Body)
			if !f.useful() {
				f = nil
			}
			old := p.facts[fn]
			if (old == nil) != (f == nil) || (old != nil && *old != *f) {
				changed = true
				if f == nil {
					delete(p.facts, fn)
				} else {
					p.facts[fn] = f
				}
			}
		}
		if !changed {
			break
		}
	}
	for fn, f := range p.facts {
		p.ExportObjectFact(fn, f)
	}
}

// inferErrorTypes finds error-body types whose status field is the one their
// own methods pass to WriteHeader: func (e *APIError) Write(w) { w.WriteHeader(e.HTTP) }.
func (p *pass) inferErrorTypes(decls []*ast.FuncDecl) {
	if p.http == nil {
		return
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
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) != 1 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "WriteHeader" || !p.http.isResponseWriter(p.TypesInfo.TypeOf(sel.X)) {
				return true
			}
			arg, ok := ast.Unparen(call.Args[0]).(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if id, ok := ast.Unparen(arg.X).(*ast.Ident); ok && p.TypesInfo.Uses[id] == recv {
				obj := named.Obj()
				if _, done := p.localTypeFacts[obj]; !done {
					f := &ErrorTypeFact{StatusField: arg.Sel.Name}
					p.localTypeFacts[obj] = f
					p.ExportObjectFact(obj, f)
				}
			}
			return true
		})
	}
}

// helperFact returns the fact of a static callee, inferred here or imported.
func (p *pass) helperFact(fn *types.Func) *HelperFact {
	fn = fn.Origin()
	if fn.Pkg() == p.Pkg {
		return p.facts[fn]
	}
	f := new(HelperFact)
	if p.ImportObjectFact(fn, f) {
		return f
	}
	return nil
}

// report reports a diagnostic once per position and rule, unless the rule is
// disabled or this is not the reporting round.
func (p *pass) report(node ast.Node, rule, format string, args ...any) {
	if !p.reporting || p.s.disabled[rule] {
		return
	}
	k := reportKey{node.Pos(), rule}
	if p.reported[k] {
		return
	}
	p.reported[k] = true
	p.Report(analysis.Diagnostic{
		Pos:      node.Pos(),
		End:      node.End(),
		Category: rule,
		Message:  rule + ": " + fmt.Sprintf(format, args...),
	})
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
	p.report(node, RuleUnknownCode, "%s is not in the error catalog", c)
	return 0
}

// checkPair reports a catalogued code sent with another constant status.
func (p *pass) checkPair(node ast.Node, status, code value) {
	st, ok := status.int()
	if !ok {
		return
	}
	c, ok := code.str()
	if !ok {
		return
	}
	if doc, ok := p.s.cat.Status(c); ok && doc != st {
		p.report(node, RuleStatusMismatch, "%s is documented with %d, sent with %d", c, doc, st)
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

func intConst(n int) value { return value{c: constant.MakeInt64(int64(n)), param: -1} }
func strConst(s string) value { return value{c: constant.MakeString(s), param: -1} }
