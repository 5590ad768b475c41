package analyzer

import (
	"fmt"
	"go/ast"
	"go/token"
	"slices"
	"strings"

	"golang.org/x/tools/go/analysis"
)

// RuleIgnoreDirective is the category of findings about //apierrlint:ignore
// directives themselves: without a reason, naming an unknown rule, or
// suppressing nothing. It can be disabled like a rule, but a directive
// cannot suppress it.
const RuleIgnoreDirective = "ignore-directive"

const ignorePrefix = "//apierrlint:ignore"

// ignore is one //apierrlint:ignore directive. It applies to its own line and
// the line below, or, in a function's doc comment, to the whole function.
type ignore struct {
	comment    *ast.Comment
	file       *token.File
	line       int
	rules      []string
	start, end token.Pos // the function, for a doc-comment directive
	used       bool
}

// ignores collects the directives of the checked files, reporting malformed
// ones.
func (p *pass) ignores(files []*ast.File) []*ignore {
	var list []*ignore
	for _, f := range files {
		docs := map[*ast.CommentGroup]*ast.FuncDecl{}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Doc != nil {
				docs[fd.Doc] = fd
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				rest, ok := strings.CutPrefix(c.Text, ignorePrefix)
				if !ok || (rest != "" && rest[0] != ' ' && rest[0] != '\t') {
					continue
				}
				fields := strings.Fields(rest)
				if len(fields) == 0 {
					p.reportIgnore(c, "%s needs rule ids and a reason: %s RULE[,RULE...] REASON", ignorePrefix, ignorePrefix)
					continue
				}
				var rules []string
				bad := false
				for _, r := range strings.Split(fields[0], ",") {
					if err := checkRule(r); err != nil {
						p.reportIgnore(c, "%s: %v", ignorePrefix, err)
						bad = true
						break
					}
					rules = append(rules, r)
				}
				if bad {
					continue
				}
				if len(fields) < 2 {
					p.reportIgnore(c, "%s %s needs a reason after the rule ids", ignorePrefix, fields[0])
					continue
				}
				ig := &ignore{comment: c, file: p.Fset.File(c.Pos()), rules: rules}
				ig.line = ig.file.Line(c.Pos())
				if fd := docs[cg]; fd != nil {
					ig.start, ig.end = fd.Pos(), fd.End()
				}
				list = append(list, ig)
			}
		}
	}
	return list
}

func (p *pass) reportIgnore(c *ast.Comment, format string, args ...any) {
	if p.s.disabled[RuleIgnoreDirective] {
		return
	}
	p.emit(analysis.Diagnostic{
		Pos:      c.Pos(),
		End:      c.End(),
		Category: RuleIgnoreDirective,
		Message:  RuleIgnoreDirective + ": " + fmt.Sprintf(format, args...),
	})
}

// ignored reports whether a directive suppresses d, and marks it used.
func ignored(ignores []*ignore, fset *token.FileSet, d *analysis.Diagnostic) bool {
	file := fset.File(d.Pos)
	line := 0
	hit := false
	for _, ig := range ignores {
		if ig.file != file || !slices.Contains(ig.rules, d.Category) {
			continue
		}
		if ig.start.IsValid() {
			if ig.start <= d.Pos && d.Pos < ig.end {
				ig.used, hit = true, true
			}
			continue
		}
		if line == 0 {
			line = file.Line(d.Pos)
		}
		if ig.line == line || ig.line+1 == line {
			ig.used, hit = true, true
		}
	}
	return hit
}

// reportUnused reports directives that suppressed nothing (unless one of
// their rules is disabled, which makes them moot rather than wrong).
func (p *pass) reportUnused(ignores []*ignore) {
	for _, ig := range ignores {
		if ig.used || slices.ContainsFunc(ig.rules, func(r string) bool { return p.s.disabled[r] }) {
			continue
		}
		p.reportIgnore(ig.comment, "%s %s suppresses nothing; remove it", ignorePrefix, strings.Join(ig.rules, ","))
	}
}
