package analyzer

// Status tables in the forms people write besides map literals (bodies.go):
// a switch that returns a status per code, checked case by case; and the
// fallback of a lookup (a switch's default, the return after a map lookup)
// that sends every code the table lacks with one status. A documented code
// of the table's code type that has no entry and falls back to another
// status than its own is reported at the fallback, where adding the entry
// fixes it: the analysis does not follow which codes reach the lookup, so
// it judges the codes that the code type declares (a named type with
// constants), never a plain string's.

import (
	"go/ast"
	"go/token"
	"go/types"
	"slices"
	"strconv"
	"strings"
)

// tableEntry is one entry of a status table: a constant code and its
// constant error status.
type tableEntry struct {
	code, status         value
	codeExpr, statusExpr ast.Expr
}

// isErrorStatus reports whether v is a constant error status.
func isErrorStatus(v value) bool {
	n, ok := v.int()
	return ok && n >= 400 && n <= 599
}

// statusSwitch checks a switch on a code whose every case returns a
// constant error status, in a function that returns a status: each case's
// pair, and the codes that fall back to the default.
func (fc *funcCtx) statusSwitch(sw *ast.SwitchStmt) {
	if sw.Tag == nil || !fc.returnsStatus() {
		return
	}
	info := fc.p.TypesInfo
	tagType := info.TypeOf(sw.Tag)
	if tagType == nil || !isStringKind(tagType) {
		return
	}
	var entries []tableEntry
	var fallback ast.Expr
	single := map[ast.Expr]bool{} // case values alone in their clause: their status can be fixed
	for _, s := range sw.Body.List {
		cc := s.(*ast.CaseClause)
		ret := fc.constReturn(cc.Body)
		if ret == nil {
			return
		}
		if cc.List == nil {
			fallback = ret
			continue
		}
		st := fc.sc.eval(ret)
		if !isErrorStatus(st) {
			return
		}
		for _, e := range cc.List {
			code := fc.sc.eval(e)
			if _, ok := code.str(); !ok {
				return
			}
			entries = append(entries, tableEntry{code, st, e, ret})
		}
		single[cc.List[0]] = len(cc.List) == 1
	}
	if !fc.catalogued(entries) {
		return
	}
	for _, en := range entries {
		if fc.p.checkCode(en.codeExpr, en.code) != 0 {
			var fix ast.Expr
			if single[en.codeExpr] {
				fix = en.statusExpr
			}
			fc.p.checkPair(en.codeExpr, fix, en.status, en.code)
		}
	}
	if fallback == nil {
		fallback = fc.returnAfter(sw)
	}
	fc.checkFallback(fallback, tagType, entries, "the switch has no case for")
}

// catalogued reports whether a table names at least one catalogued code.
func (fc *funcCtx) catalogued(entries []tableEntry) bool {
	return slices.ContainsFunc(entries, func(en tableEntry) bool {
		c, _ := en.code.str()
		_, ok := fc.p.s.cat.Status(c)
		return ok
	})
}

// returnsStatus reports whether the function returns one integer (a
// status).
func (fc *funcCtx) returnsStatus() bool {
	if fc.ftype == nil || fc.ftype.Results == nil || fc.ftype.Results.NumFields() != 1 {
		return false
	}
	t := fc.p.TypesInfo.TypeOf(fc.ftype.Results.List[0].Type)
	return t != nil && isIntKind(t)
}

// constReturn returns the value of a body that is one return of a
// constant (a case clause's).
func (fc *funcCtx) constReturn(body []ast.Stmt) ast.Expr {
	if len(body) != 1 {
		return nil
	}
	ret, ok := body[0].(*ast.ReturnStmt)
	if !ok || len(ret.Results) != 1 {
		return nil
	}
	if _, ok := fc.sc.eval(ret.Results[0]).int(); !ok {
		return nil
	}
	return ret.Results[0]
}

// returnAfter returns the constant returned by the statement that follows
// the switch in its block (the fallback of a switch without a default).
func (fc *funcCtx) returnAfter(sw *ast.SwitchStmt) ast.Expr {
	if len(fc.stack) == 0 {
		return nil
	}
	block, ok := fc.stack[len(fc.stack)-1].(*ast.BlockStmt)
	if !ok {
		return nil
	}
	i := slices.Index(block.List, ast.Stmt(sw))
	if i < 0 || i+1 >= len(block.List) {
		return nil
	}
	return fc.constReturn(block.List[i+1 : i+2])
}

// checkFallback reports, at a fallback that sends a constant status, the
// documented codes of the table's code type that have no entry and are
// documented with another status.
func (fc *funcCtx) checkFallback(fallback ast.Expr, codeType types.Type, entries []tableEntry, lacks string) {
	if fallback == nil {
		return
	}
	st, ok := fc.sc.eval(fallback).int()
	if !ok {
		return
	}
	have := map[string]bool{}
	for _, en := range entries {
		c, _ := en.code.str()
		have[c] = true
	}
	var missing []string
	for _, c := range declaredCodes(codeType, fc.p.Pkg) {
		if doc, ok := fc.p.s.cat.Status(c); ok && !have[c] && doc != st {
			have[c] = true
			missing = append(missing, c+" (documented with "+strconv.Itoa(doc)+")")
		}
	}
	if len(missing) == 0 {
		return
	}
	fc.p.report(fallback, RuleStatusMismatch, "%s %s, which fall back to %d here; add them with their documented statuses", lacks, strings.Join(missing, ", "), st)
}

// declaredCodes returns the string values of the constants of a named
// code type that its package declares (exported ones, or all in pkg), in
// declaration order.
func declaredCodes(t types.Type, pkg *types.Package) []string {
	named, ok := types.Unalias(t).(*types.Named)
	if !ok || named.Obj().Pkg() == nil {
		return nil
	}
	tpkg := named.Obj().Pkg()
	var consts []*types.Const
	for _, name := range tpkg.Scope().Names() {
		c, ok := tpkg.Scope().Lookup(name).(*types.Const)
		if ok && (c.Exported() || tpkg == pkg) && types.Identical(c.Type(), t) {
			consts = append(consts, c)
		}
	}
	slices.SortFunc(consts, func(a, b *types.Const) int { return int(a.Pos() - b.Pos()) })
	var out []string
	for _, c := range consts {
		if s, ok := (value{c: c.Val(), param: -1}).str(); ok {
			out = append(out, s)
		}
	}
	return out
}

// lookupFallback checks a function that returns a status looked up in a
// package-level status table (a map literal) and a constant status for
// the codes it lacks: if s, ok := table[c]; ok { return s }; return 500.
func (fc *funcCtx) lookupFallback(body *ast.BlockStmt) {
	if len(fc.lookups) == 0 || !fc.returnsStatus() {
		return
	}
	var fallback ast.Expr
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ReturnStmt:
			if len(n.Results) != 1 {
				return true
			}
			v := fc.sc.eval(n.Results[0])
			if _, ok := v.int(); !ok {
				return true
			}
			if fallback != nil && !equalConst(fc.sc.eval(fallback), v) {
				fallback, fc.lookups = nil, nil // several: not a single fallback
				return false
			}
			fallback = n.Results[0]
		}
		return true
	})
	if fallback == nil || len(fc.lookups) != 1 {
		return
	}
	lit := fc.lookups[0]
	m := fc.p.TypesInfo.TypeOf(lit).Underlying().(*types.Map)
	fc.checkFallback(fallback, m.Key(), fc.tableEntries(lit), "the status table has no entry for")
}

func equalConst(a, b value) bool {
	x, ok1 := a.int()
	y, ok2 := b.int()
	return ok1 && ok2 && x == y
}

// noteLookup records an index into a package-level status table.
func (fc *funcCtx) noteLookup(ix *ast.IndexExpr) {
	id, ok := ast.Unparen(ix.X).(*ast.Ident)
	if !ok {
		return
	}
	v, ok := fc.p.TypesInfo.Uses[id].(*types.Var)
	if !ok || v.Pkg() != fc.p.Pkg || v.Parent() != v.Pkg().Scope() {
		return
	}
	if lit := fc.p.tableVar(v); lit != nil && !slices.Contains(fc.lookups, lit) {
		fc.lookups = append(fc.lookups, lit)
	}
}

// tableVar returns the map literal that initializes a package-level
// variable, when it is a status table (cached).
func (p *pass) tableVar(v *types.Var) *ast.CompositeLit {
	if p.tableVars == nil {
		p.tableVars = map[*types.Var]*ast.CompositeLit{}
		fc := p.newFuncCtx(nil, nil, nil)
		for _, f := range p.Files {
			for _, d := range f.Decls {
				gd, ok := d.(*ast.GenDecl)
				if !ok || gd.Tok != token.VAR {
					continue
				}
				for _, spec := range gd.Specs {
					vs := spec.(*ast.ValueSpec)
					for i, name := range vs.Names {
						if i >= len(vs.Values) {
							break
						}
						lit, ok := ast.Unparen(vs.Values[i]).(*ast.CompositeLit)
						obj, isVar := p.TypesInfo.Defs[name].(*types.Var)
						if !ok || !isVar {
							continue
						}
						if entries := fc.tableEntries(lit); entries != nil && fc.catalogued(entries) {
							p.tableVars[obj] = lit
						}
					}
				}
			}
		}
	}
	return p.tableVars[v]
}

// tableEntries returns the entries of a map literal that is a status
// table by its form: string keys to int values, every key a constant code
// and every value a constant error status (nil otherwise).
func (fc *funcCtx) tableEntries(lit *ast.CompositeLit) []tableEntry {
	t := fc.p.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil
	}
	m, ok := t.Underlying().(*types.Map)
	if !ok || !isStringKind(m.Key()) || !isIntKind(m.Elem()) || len(lit.Elts) == 0 {
		return nil
	}
	var out []tableEntry
	for _, elt := range lit.Elts {
		kv, ok := elt.(*ast.KeyValueExpr)
		if !ok {
			return nil
		}
		code, st := fc.sc.eval(kv.Key), fc.sc.eval(kv.Value)
		if _, ok := code.str(); !ok || !isErrorStatus(st) {
			return nil
		}
		out = append(out, tableEntry{code, st, kv.Key, kv.Value})
	}
	return out
}
