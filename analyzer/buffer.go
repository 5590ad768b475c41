package analyzer

// A JSON body encoded into a buffer and then written: buf := &bytes.Buffer{};
// json.NewEncoder(buf).Encode(v); w.Write(buf.Bytes()) (go-pkgz/rest's
// RenderJSON). The body's shape is v's, when the buffer holds nothing else.

import (
	"go/ast"
	"go/types"
	"slices"

	"golang.org/x/tools/go/types/typeutil"
)

// bufferedBody returns the value encoded into the buffer whose contents e
// is (buf.Bytes(), buf.String()), when the function encodes exactly one
// value into it with json.NewEncoder and uses it for nothing else.
func (fc *funcCtx) bufferedBody(e ast.Expr) ast.Expr {
	call, ok := fc.sc.resolve(e).(*ast.CallExpr)
	if !ok || len(call.Args) != 0 || fc.block == nil {
		return nil
	}
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "Bytes" && sel.Sel.Name != "String") {
		return nil
	}
	buf := fc.bufferVar(sel.X)
	if buf == nil {
		return nil
	}
	info := fc.p.TypesInfo
	var encoded []ast.Expr
	ok = true
	ast.PreorderStack(fc.block, nil, func(n ast.Node, stack []ast.Node) bool {
		switch n := n.(type) {
		case *ast.Ident:
			if info.Uses[n] == buf && !fc.bufferUse(n, stack) {
				ok = false
			}
		case *ast.CallExpr:
			// enc.Encode(v), with enc json.NewEncoder(buf) or &buf.
			fn, isFn := typeutil.Callee(info, n).(*types.Func)
			if !isFn || fn.FullName() != "(*encoding/json.Encoder).Encode" || len(n.Args) != 1 {
				return ok
			}
			s, isSel := ast.Unparen(n.Fun).(*ast.SelectorExpr)
			if !isSel {
				return ok
			}
			if enc, isCall := fc.sc.resolve(s.X).(*ast.CallExpr); isCall && len(enc.Args) == 1 && fc.bufferVar(enc.Args[0]) == buf {
				encoded = append(encoded, n.Args[0])
			}
		}
		return ok
	})
	if !ok || len(encoded) != 1 {
		return nil
	}
	return encoded[0]
}

// bufferVar returns the local bytes.Buffer (or *bytes.Buffer) variable
// that e names, directly or through &.
func (fc *funcCtx) bufferVar(e ast.Expr) *types.Var {
	e = ast.Unparen(e)
	if u, ok := e.(*ast.UnaryExpr); ok {
		e = ast.Unparen(u.X)
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return nil
	}
	v := fc.sc.varOf(id)
	if v == nil || v.Parent() == nil || v.Parent() == v.Pkg().Scope() || !isNamed(v.Type(), "bytes", "Buffer") {
		return nil
	}
	return v
}

// bufferUse reports whether a use of the buffer leaves its contents the
// encoded value: the encoder's argument, or a read (Bytes, String, Len).
func (fc *funcCtx) bufferUse(id *ast.Ident, stack []ast.Node) bool {
	i := len(stack) - 1
	if i >= 0 {
		if u, ok := stack[i].(*ast.UnaryExpr); ok && u.X == id {
			i--
		}
	}
	if i < 0 {
		return false
	}
	switch parent := stack[i].(type) {
	case *ast.SelectorExpr:
		return slices.Contains([]string{"Bytes", "String", "Len"}, parent.Sel.Name)
	case *ast.CallExpr:
		fn, ok := typeutil.Callee(fc.p.TypesInfo, parent).(*types.Func)
		return ok && isPkgFunc(fn, "encoding/json", "NewEncoder")
	case *ast.AssignStmt, *ast.ValueSpec:
		return true // its definition
	}
	return false
}
