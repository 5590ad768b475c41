package analyzer

import (
	"go/ast"
	"go/constant"
	"go/token"
	"go/types"
)

// value is what the analysis knows of an expression: a constant computed by
// the type checker, a parameter of the enclosing function (for helper
// inference), or nothing.
type value struct {
	c     constant.Value // non-nil: a constant
	param int            // >= 0: the enclosing function's parameter
}

var unknown = value{param: -1}

// int returns the value as an integer constant.
func (v value) int() (int, bool) {
	if v.c == nil || v.c.Kind() != constant.Int {
		return 0, false
	}
	n, ok := constant.Int64Val(v.c)
	return int(n), ok && n >= 0 && n < 1000
}

// str returns the value as a string constant.
func (v value) str() (string, bool) {
	if v.c == nil || v.c.Kind() != constant.String {
		return "", false
	}
	return constant.StringVal(v.c), true
}

// scope describes one function body for value resolution: its parameters and
// the local variables that are assigned exactly once.
type scope struct {
	info   *types.Info
	params map[*types.Var]int
	defs   map[*types.Var]ast.Expr // single definition; nil: assigned more than once or not followable
	// parts are the fields (v.Code = x) and constant map keys
	// (v["code"] = x) of local variables assigned once each: a body built
	// up in a variable. nil: assigned more than once.
	parts map[*types.Var]map[string]ast.Expr
}

func newScope(info *types.Info, ftype *ast.FuncType, body *ast.BlockStmt) *scope {
	sc := &scope{info: info, params: map[*types.Var]int{}, defs: map[*types.Var]ast.Expr{}, parts: map[*types.Var]map[string]ast.Expr{}}
	if ftype.Params != nil {
		i := 0
		for _, field := range ftype.Params.List {
			if len(field.Names) == 0 {
				i++
				continue
			}
			for _, name := range field.Names {
				if v, ok := info.Defs[name].(*types.Var); ok {
					sc.params[v] = i
				}
				i++
			}
		}
	}
	if body == nil {
		return sc
	}
	count := map[*types.Var]int{}
	for v := range sc.params {
		count[v] = 1 // the argument is the first definition
	}
	assign := func(lhs ast.Expr, rhs ast.Expr) {
		id, ok := ast.Unparen(lhs).(*ast.Ident)
		if !ok {
			return
		}
		v := sc.varOf(id)
		if v == nil {
			return
		}
		count[v]++
		if count[v] == 1 && rhs != nil {
			sc.defs[v] = rhs
		} else {
			sc.defs[v] = nil
		}
		delete(sc.params, v) // a reassigned parameter is no longer the argument
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.AssignStmt:
			for i, lhs := range n.Lhs {
				var rhs ast.Expr
				if len(n.Lhs) == len(n.Rhs) && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
					rhs = n.Rhs[i]
				} else if i == 0 && len(n.Rhs) == 1 && (n.Tok == token.DEFINE || n.Tok == token.ASSIGN) {
					if call, ok := ast.Unparen(n.Rhs[0]).(*ast.CallExpr); ok {
						rhs = call // b, err := json.Marshal(v): b is the call's first result
					}
				}
				assign(lhs, rhs)
				if rhs == nil {
					assign(lhs, nil) // poison: tuple or op-assignment
				}
				if n.Tok == token.ASSIGN {
					sc.part(lhs, rhs)
				}
			}
		case *ast.ValueSpec:
			for i, name := range n.Names {
				var rhs ast.Expr
				if len(n.Values) == len(n.Names) {
					rhs = n.Values[i]
				}
				assign(name, rhs)
				if rhs == nil {
					assign(name, nil)
				}
			}
		case *ast.IncDecStmt:
			assign(n.X, nil)
			assign(n.X, nil)
		case *ast.RangeStmt:
			if n.Key != nil {
				assign(n.Key, nil)
				assign(n.Key, nil)
			}
			if n.Value != nil {
				assign(n.Value, nil)
				assign(n.Value, nil)
			}
		case *ast.UnaryExpr:
			if n.Op == token.AND {
				assign(n.X, nil)
				assign(n.X, nil)
			}
		}
		return true
	})
	return sc
}

// part records v.Field = rhs and v["key"] = rhs for a local variable v.
func (sc *scope) part(lhs, rhs ast.Expr) {
	var x ast.Expr
	var key string
	switch l := ast.Unparen(lhs).(type) {
	case *ast.SelectorExpr:
		x, key = l.X, l.Sel.Name
	case *ast.IndexExpr:
		tv, ok := sc.info.Types[l.Index]
		if !ok || tv.Value == nil || tv.Value.Kind() != constant.String {
			return
		}
		x, key = l.X, constant.StringVal(tv.Value)
	default:
		return
	}
	id, ok := ast.Unparen(x).(*ast.Ident)
	if !ok {
		return
	}
	v := sc.varOf(id)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() {
		return
	}
	m, seen := sc.parts[v]
	if seen && m == nil {
		return // poisoned
	}
	if m == nil {
		m = map[string]ast.Expr{}
		sc.parts[v] = m
	}
	if _, dup := m[key]; dup || rhs == nil {
		sc.parts[v] = nil
		return
	}
	m[key] = rhs
}

// partsOf returns the parts assigned to the variable that e names (see
// scope.parts), or nil.
func (sc *scope) partsOf(e ast.Expr) map[string]ast.Expr {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	if v := sc.varOf(id); v != nil {
		return sc.parts[v]
	}
	return nil
}

func (sc *scope) varOf(id *ast.Ident) *types.Var {
	obj := sc.info.Defs[id]
	if obj == nil {
		obj = sc.info.Uses[id]
	}
	v, _ := obj.(*types.Var)
	return v
}

// eval resolves e to a constant or a parameter, following conversions and
// local variables assigned once.
func (sc *scope) eval(e ast.Expr) value {
	return sc.evalDepth(e, 0)
}

func (sc *scope) evalDepth(e ast.Expr, depth int) value {
	e = ast.Unparen(e)
	if tv, ok := sc.info.Types[e]; ok && tv.Value != nil {
		return value{c: tv.Value, param: -1}
	}
	switch e := e.(type) {
	case *ast.CallExpr:
		// A conversion such as int(status) or Code(code).
		if tv, ok := sc.info.Types[e.Fun]; ok && tv.IsType() && len(e.Args) == 1 {
			return sc.evalDepth(e.Args[0], depth)
		}
	case *ast.Ident:
		v := sc.varOf(e)
		if v == nil {
			return unknown
		}
		if i, ok := sc.params[v]; ok {
			return value{param: i}
		}
		if def, ok := sc.defs[v]; ok && def != nil && depth < 4 {
			return sc.evalDepth(def, depth+1)
		}
	}
	return unknown
}

// resolve follows local variables assigned once and & to the expression that
// produced a value: used to find the composite literal of a body.
func (sc *scope) resolve(e ast.Expr) ast.Expr {
	for range 4 {
		e = ast.Unparen(e)
		if u, ok := e.(*ast.UnaryExpr); ok && u.Op == token.AND {
			e = u.X
			continue
		}
		id, ok := e.(*ast.Ident)
		if !ok {
			return e
		}
		v := sc.varOf(id)
		if v == nil {
			return e
		}
		def, ok := sc.defs[v]
		if !ok || def == nil {
			return e
		}
		e = def
	}
	return e
}

// paramOf reports the parameter index that e names, or -1.
func (sc *scope) paramOf(e ast.Expr) int {
	if id, ok := ast.Unparen(e).(*ast.Ident); ok {
		if v := sc.varOf(id); v != nil {
			if i, ok := sc.params[v]; ok {
				return i
			}
		}
	}
	return -1
}

// evalArg evaluates args[i], or returns unknown when there is no such argument.
func (sc *scope) evalArg(args []ast.Expr, i int) value {
	if i < len(args) {
		return sc.eval(args[i])
	}
	return unknown
}
