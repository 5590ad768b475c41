package analyzer

// The raw-http-error fixes: http.Error and http.NotFound, and a framework's
// raw write with a constant error status (c.String(404, msg),
// c.AbortWithStatus(403), c.Status(404).SendString(msg), ...; the rows
// whose msg column says where the message is), become the error writer's
// call (fix_writer.go) with the status's code and the message the write
// carried. Entry points: writerFix (net/http), rawFix, plainFix (a text
// write after the status set for it).

import (
	"go/ast"
	"go/token"
	"go/types"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// statusText is the message of a write that carried none: the status's
// text ("Not Found"), quoted.
func statusText(st int) string {
	return strconv.Quote(http.StatusText(st))
}

// writerFix rewrites http.Error(w, msg, status) and http.NotFound(w, r)
// into the writer's call, with the code of the status.
func (fc *funcCtx) writerFix(call *ast.CallExpr, status value, statusSrc, msg string) *analysis.SuggestedFix {
	st, ok := status.int()
	if !ok || len(call.Args) < 2 {
		return nil
	}
	code, _ := fc.p.fixCode(st)
	return fc.p.writerCallFix(writerCall{old: call, handle: call.Args[0], req: fc.request(call), status: statusSrc, code: code, msg: msg})
}

// rawFix is the fix of a framework's raw error write with a constant error
// status st: the writer's call replaces old (the write, or the chain that
// sets its status: c.Status(404).SendString(m)), with the message the
// write carried, as its table row says where. note, for the finding's
// message, says why there is no fix when the status has several codes.
func (fc *funcCtx) rawFix(call *ast.CallExpr, old ast.Expr, st int) (*analysis.SuggestedFix, string) {
	p := fc.p
	fn, ok := calleeFunc(p.TypesInfo, call)
	if !ok {
		return nil, ""
	}
	pr, _, ok := p.primitiveOf(call, fn)
	if !ok || pr.msg == msgNone {
		return nil, ""
	}
	wc, note, ok := fc.newWriterCall(call, old, st)
	if !ok {
		return nil, note
	}
	body := func() ast.Expr {
		if pr.body >= 0 && pr.body < len(call.Args) {
			return call.Args[pr.body]
		}
		return nil
	}()
	switch pr.msg {
	case msgStatusText:
		wc.msg = statusText(st)
	case msgBody, msgFormat:
		if body == nil {
			return nil, ""
		}
		if pr.ctype >= 0 {
			// gin's Data: a message only with a text content type.
			if ct, ok := fc.sc.eval(call.Args[pr.ctype]).str(); !ok || !strings.HasPrefix(ct, "text/") {
				return nil, ""
			}
		}
		wc.msg = p.messageText(body)
		if pr.msg == msgFormat && len(call.Args) > pr.body+1 {
			args := p.srcRange(body.Pos(), call.Rparen)
			wc.msg, wc.imports = "fmt.Sprintf("+strings.TrimRight(strings.TrimSpace(args), ",")+")", []string{"fmt"}
		}
	}
	if wc.msg == "" {
		return nil, ""
	}
	return p.writerCallFix(wc), ""
}

// messageText is a message argument as a string: its text, or string(b)
// for bytes; "" for anything else.
func (p *pass) messageText(e ast.Expr) string {
	t := p.TypesInfo.TypeOf(e)
	if t == nil {
		return ""
	}
	src := p.srcText(e, "")
	if isStringKind(t) {
		return src
	}
	if s, ok := t.Underlying().(*types.Slice); ok && src != "" {
		if b, ok := s.Elem().Underlying().(*types.Basic); ok && b.Kind() == types.Byte {
			if inner := stripConversion(p.TypesInfo, e); inner != ast.Unparen(e) && isStringKind(p.TypesInfo.TypeOf(inner)) {
				return p.srcText(inner, "") // []byte("text")
			}
			return "string(" + src + ")"
		}
	}
	return ""
}

// srcRange is the source text between two positions of one file.
func (p *pass) srcRange(pos, end token.Pos) string {
	tf := p.Fset.File(pos)
	if tf == nil || p.Fset.File(end) != tf {
		return ""
	}
	src, err := p.ReadFile(tf.Name())
	if err != nil {
		return ""
	}
	start, stop := tf.Offset(pos), tf.Offset(end)
	if start < 0 || stop > len(src) || start > stop {
		return ""
	}
	return string(src[start:stop])
}

// plainFix is the fix of a text write after a status set for it (fiber's
// c.Status(404).SendString(m)): the writer's call replaces the chain, or
// the write when the status is set by the statement just before it (where
// no other path can set another status).
func (fc *funcCtx) plainFix(status, write *event, st int) (*analysis.SuggestedFix, string) {
	call, ok := write.node.(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	set, ok := status.node.(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	if sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr); !ok || ast.Unparen(sel.X) != set {
		if !fc.p.adjacent(set, call) {
			return nil, ""
		}
	}
	return fc.rawFix(call, call, st)
}

// adjacent reports whether the statement of b follows that of a directly,
// a being a statement of its own (c.Status(404)).
func (p *pass) adjacent(a, b ast.Node) bool {
	file := p.fileOf(a.Pos())
	if file == nil {
		return false
	}
	pa, _ := astutil.PathEnclosingInterval(file, a.Pos(), a.End())
	pb, _ := astutil.PathEnclosingInterval(file, b.Pos(), b.End())
	if len(pa) < 3 || len(pb) < 2 {
		return false
	}
	stmtA, ok := pa[1].(*ast.ExprStmt)
	if !ok || stmtA.X != pa[0] {
		return false
	}
	block, ok := pa[2].(*ast.BlockStmt)
	if !ok {
		return false
	}
	i := slices.Index(block.List, ast.Stmt(stmtA))
	if i < 0 || i+1 >= len(block.List) {
		return false
	}
	next := block.List[i+1]
	return next.Pos() <= b.Pos() && b.End() <= next.End() && slices.Contains(pb, ast.Node(next))
}
