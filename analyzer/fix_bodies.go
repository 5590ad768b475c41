package analyzer

// The error-body-shape fix: an error body of the wrong shape, written with
// a constant error status by a framework's JSON writer, when it is a
// literal (gin.H{"error": msg}, fiber.Map{"status": "error", "message":
// m}, an anonymous struct; or a string, the message, or null), becomes the
// error writer's call: the message
// from a message-like key, the status-like keys dropped (the status says
// them), every other key under details, never lost. A named type is not
// rewritten (its finding says how to move to the writer). Entry point:
// shapeFix.

import (
	"go/ast"
	"go/token"
	"go/types"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// messageKeys are the keys that carry an error body's message, by
// priority: the first present is the message.
var messageKeys = []string{"message", "error", "msg", "detail", "description"}

// statusKeys are the keys that repeat the status (success: false), dropped
// by the fix; "code" is one when it is a number.
var statusKeys = []string{"status", "success"}

// bodyEntry is a key of a literal body and its value.
type bodyEntry struct {
	key   string
	value ast.Expr
}

// shapeFix is the fix of a literal error body of the wrong shape, written
// by write (a framework's JSON writer) with the constant status st that
// the status event set: the writer's call replaces the write (a fiber
// chain whole). note says why there is none when the status has several
// codes.
func (fc *funcCtx) shapeFix(status, write *event, st int) (*analysis.SuggestedFix, string) {
	p := fc.p
	call, ok := write.node.(*ast.CallExpr)
	if !ok {
		return nil, ""
	}
	if set, ok := status.node.(*ast.CallExpr); !ok || set != call && !chainedOn(call, set) && !p.adjacent(set, call) {
		return nil, ""
	}
	fn, ok := calleeFunc(p.TypesInfo, call)
	if !ok {
		return nil, ""
	}
	pr, fw, ok := p.primitiveOf(call, fn)
	if !ok || pr.role != roleJSON || (fw != ginFW && fw != echoFW && fw != fiberFW) {
		return nil, ""
	}
	body := ast.Unparen(write.bodyExpr)
	if u, ok := body.(*ast.UnaryExpr); ok && u.Op == token.AND {
		body = ast.Unparen(u.X) // &fiber.Map{...}
	}
	var entries []bodyEntry
	switch b := body.(type) {
	case *ast.CompositeLit:
		if entries, ok = p.bodyEntries(b); !ok {
			return nil, ""
		}
	default:
		// A string body is the message (c.Status(400).JSON(err.Error()));
		// null says nothing: the status text is the message.
		if t := p.TypesInfo.TypeOf(body); t == nil || !isStringKind(t) && !p.TypesInfo.Types[body].IsNil() {
			return nil, ""
		}
	}
	wc, note, ok := fc.newWriterCall(call, call, st)
	if !ok {
		return nil, note
	}
	if t := p.TypesInfo.TypeOf(body); t != nil && isStringKind(t) {
		wc.msg = p.srcText(body, "")
		return p.writerCallFix(wc), ""
	}
	// The message: the first message-like key present.
	msgKey := ""
	for _, k := range messageKeys {
		if i := slices.IndexFunc(entries, func(e bodyEntry) bool { return e.key == k }); i >= 0 {
			msgKey = k
			wc.msg = p.messageOf(entries[i].value)
			if wc.msg == "" {
				return nil, "" // a message that is no text: nothing to say it with
			}
			break
		}
	}
	if msgKey == "" {
		wc.msg = statusText(st)
	}
	var details []string
	for _, e := range entries {
		switch {
		case e.key == msgKey, slices.Contains(statusKeys, e.key):
		case e.key == "code" && isIntKind(p.TypesInfo.TypeOf(e.value)):
		case e.key == "code" && p.documentedCode(fc, e.value, st):
		default:
			details = append(details, strconv.Quote(e.key)+": "+p.srcText(e.value, ""))
		}
	}
	if len(details) > 0 {
		wc.details = "map[string]any{" + strings.Join(details, ", ") + "}"
	}
	return p.writerCallFix(wc), ""
}

// chainedOn reports whether call is a method called on the result of set:
// c.Status(404).JSON(b).
func chainedOn(call, set *ast.CallExpr) bool {
	sel, ok := ast.Unparen(call.Fun).(*ast.SelectorExpr)
	return ok && ast.Unparen(sel.X) == set
}

// documentedCode reports whether e is a constant code that the catalog
// documents with st: the body's code, which the writer's call sends.
func (p *pass) documentedCode(fc *funcCtx, e ast.Expr, st int) bool {
	c, ok := fc.sc.eval(e).str()
	if !ok {
		return false
	}
	code, _ := p.fixCode(st)
	return c == code
}

// bodyEntries lists the keys of a map literal with constant string keys,
// or of an anonymous struct literal with keyed fields (by their JSON
// names), in order; ok is false for anything else.
func (p *pass) bodyEntries(lit *ast.CompositeLit) ([]bodyEntry, bool) {
	t := p.TypesInfo.TypeOf(lit)
	if t == nil {
		return nil, false
	}
	var entries []bodyEntry
	switch u := t.Underlying().(type) {
	case *types.Map:
		if !isStringKind(u.Key()) {
			return nil, false
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			tv, ok := p.TypesInfo.Types[kv.Key]
			if !ok || tv.Value == nil {
				return nil, false
			}
			k, err := strconv.Unquote(tv.Value.ExactString())
			if err != nil {
				return nil, false
			}
			entries = append(entries, bodyEntry{k, kv.Value})
		}
	case *types.Struct:
		if _, named := types.Unalias(t).(*types.Named); named {
			return nil, false // a named type is not rewritten
		}
		for _, elt := range lit.Elts {
			kv, ok := elt.(*ast.KeyValueExpr)
			if !ok {
				return nil, false
			}
			id, ok := kv.Key.(*ast.Ident)
			if !ok {
				return nil, false
			}
			i := slices.IndexFunc(fieldsOf(u), func(f *types.Var) bool { return f.Name() == id.Name })
			if i < 0 {
				return nil, false
			}
			tag, _ := reflect.StructTag(u.Tag(i)).Lookup("json")
			name, _, _ := strings.Cut(tag, ",")
			switch {
			case name == "-":
				continue // not encoded: not sent, not kept
			case name == "":
				name = id.Name
			}
			entries = append(entries, bodyEntry{name, kv.Value})
		}
	default:
		return nil, false
	}
	return entries, true
}

// fieldsOf lists a struct's fields.
func fieldsOf(st *types.Struct) []*types.Var {
	fs := make([]*types.Var, st.NumFields())
	for i := range fs {
		fs[i] = st.Field(i)
	}
	return fs
}

// messageOf spells a message value as a string: its text, or e.Error()
// for an error.
func (p *pass) messageOf(e ast.Expr) string {
	t := p.TypesInfo.TypeOf(e)
	switch {
	case t == nil:
		return ""
	case isStringKind(t):
		return p.srcText(e, "")
	case types.Identical(t, errorType) || implementsError(t) && !isUntypedNil(t):
		src := p.srcText(e, "")
		switch ast.Unparen(e).(type) {
		case *ast.Ident, *ast.SelectorExpr, *ast.CallExpr:
		default:
			src = "(" + src + ")"
		}
		return src + ".Error()"
	}
	return ""
}

// isUntypedNil reports whether t is the type of nil.
func isUntypedNil(t types.Type) bool {
	b, ok := t.(*types.Basic)
	return ok && b.Kind() == types.UntypedNil
}
