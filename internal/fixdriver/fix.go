// Package fixdriver applies the suggested fixes of apierrlint's findings:
// for the standalone driver (apierrlint -fix, -fix -diff) and for the go
// vet driver (go vet -fix, go fix's archive). Both write the same bytes.
//
// The first fix of every diagnostic is taken (apierrlint offers at most
// one); identical edits, such as those of a package and its test variant,
// are taken once; a fix that overlaps one already taken is skipped, to be
// applied by a second run. What the fixes touched is formatted like gofmt
// (the declarations they edit, and the imports, whose unused ones are
// removed); the rest of a file is left as it was, so that -fix changes, and
// -diff shows, only the fixes' hunks.
package fixdriver

import (
	"bytes"
	"cmp"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io"
	"maps"
	"os"
	"slices"
	"strconv"

	"github.com/aymanbagabas/go-udiff"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// Package is what the fixer needs of the analysis of one package.
type Package struct {
	Fset  *token.FileSet
	Files []*ast.File    // the package's syntax (generated files are not fixed)
	Types *types.Package // the package's types: the names of the packages it imports
	Diags []analysis.Diagnostic
}

// Options says what to do with the fixed files.
type Options struct {
	// Diff prints a unified diff of each fixed file on Stdout instead of
	// writing it.
	Diff   bool
	Stdout io.Writer
	// Write writes a fixed file; nil means os.WriteFile (go fix's archive
	// has its own).
	Write func(name string, content []byte) error
}

// Result counts what Apply did. Fixed[i][j] reports whether the fix of
// pkgs[i].Diags[j] was applied (or shown, with Diff).
type Result struct {
	Fixes     int // diagnostics with a fix
	Applied   int // fixes applied (or shown)
	Conflicts int // fixes skipped because they overlap one applied
	Generated int // fixes skipped because they edit a generated file
	Files     int // files written (or shown)
	Fixed     [][]bool
}

// edit is a text edit as byte offsets in one file.
type edit struct {
	start, end int
	text       string
}

// fileInfo is what Apply knows of a file it edits.
type fileInfo struct {
	size int            // as parsed: a different size on disk means it changed since
	pkg  *types.Package // for the names of its imports
}

// Apply applies the fixes. An error (an unreadable or concurrently modified
// file, a failed write) stops it.
func Apply(pkgs []Package, opt Options) (Result, error) {
	res := Result{Fixed: make([][]bool, len(pkgs))}
	accepted := map[string][]edit{}
	files := map[string]fileInfo{}
	for i, p := range pkgs {
		res.Fixed[i] = make([]bool, len(p.Diags))
		generated := map[string]bool{}
		for _, f := range p.Files {
			tf := p.Fset.File(f.FileStart)
			generated[tf.Name()] = ast.IsGenerated(f)
			files[tf.Name()] = fileInfo{tf.Size(), p.Types}
		}
	fixes:
		for j, d := range p.Diags {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			res.Fixes++
			byFile := map[string][]edit{}
			for _, e := range d.SuggestedFixes[0].TextEdits {
				tf := p.Fset.File(e.Pos)
				if tf == nil || generated[tf.Name()] {
					res.Generated++
					continue fixes
				}
				end := cmp.Or(e.End, e.Pos)
				byFile[tf.Name()] = append(byFile[tf.Name()], edit{tf.Offset(e.Pos), tf.Offset(end), string(e.NewText)})
			}
			merged := map[string][]edit{}
			for name, edits := range byFile {
				list := slices.Clone(accepted[name])
				for _, e := range edits {
					dup := false
					for _, a := range list {
						if a == e {
							dup = true
							break
						}
						if e.start < a.end && a.start < e.end {
							res.Conflicts++
							continue fixes
						}
					}
					if !dup {
						list = append(list, e)
					}
				}
				merged[name] = list
			}
			maps.Copy(accepted, merged)
			res.Applied++
			res.Fixed[i][j] = true
		}
	}
	// A diagnostic reported by a package and by its test variant is one
	// fix: count it once.
	res.Fixes, res.Applied = distinct(pkgs, res.Fixed, res.Fixes, res.Applied)

	write := opt.Write
	if write == nil {
		write = func(name string, content []byte) error { return os.WriteFile(name, content, 0o644) }
	}
	for _, name := range slices.Sorted(maps.Keys(accepted)) {
		before, err := os.ReadFile(name)
		if err != nil {
			return res, err
		}
		if info := files[name]; info.size != len(before) {
			return res, fmt.Errorf("%s changed while it was analyzed (size %d, now %d bytes); no fix applied to it", name, info.size, len(before))
		}
		after := formatFixed(files[name].pkg, before, accepted[name])
		if opt.Diff {
			io.WriteString(opt.Stdout, UnifiedDiff(name+" (old)", name+" (new)", string(before), string(after)))
			res.Files++
			continue
		}
		if err := write(name, after); err != nil {
			return res, err
		}
		res.Files++
	}
	return res, nil
}

// distinct recounts fixes and applied fixes with duplicate diagnostics (same
// position, message and fix) counted once.
func distinct(pkgs []Package, fixed [][]bool, fixes, applied int) (int, int) {
	type key struct {
		posn    token.Position
		message string
	}
	seen := map[key]bool{}
	fixes, applied = 0, 0
	for i, p := range pkgs {
		for j, d := range p.Diags {
			if len(d.SuggestedFixes) == 0 {
				continue
			}
			k := key{p.Fset.Position(d.Pos), d.Message}
			if seen[k] {
				continue
			}
			seen[k] = true
			fixes++
			if fixed[i][j] {
				applied++
			}
		}
	}
	return fixes, applied
}

// applyEdits applies non-overlapping edits, by position; an insertion goes
// before a replacement that starts where it is. spans are the offsets of
// each edit's new text in the result.
func applyEdits(src []byte, edits []edit) (out []byte, spans [][2]int) {
	edits = slices.Clone(edits)
	slices.SortStableFunc(edits, func(a, b edit) int {
		return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
	})
	last := 0
	for _, e := range edits {
		out = append(out, src[last:e.start]...)
		spans = append(spans, [2]int{len(out), len(out) + len(e.text)})
		out = append(out, e.text...)
		last = e.end
	}
	return append(out, src[last:]...), spans
}

// formatFixed applies the edits to before and formats what they touched,
// as gofmt would and nothing more: each top-level declaration that an edit
// falls in (gofmt aligns a declaration's fields and comments as a whole, so
// a fix may move the lines beside it), and the imports when the fixes
// changed the set of imports (one left unused, one added). Other gofmt
// changes, in code the fixes did not touch, are not made: -fix does not
// reformat a file that was not gofmt'ed, and -diff shows the fixes' hunks
// only. pkg is the unfixed package (see [Format]).
func formatFixed(pkg *types.Package, before []byte, edits []edit) []byte {
	after, spans := applyEdits(before, edits)
	formatted, err := Format(pkg, after)
	if err != nil {
		return after // not Go any more: written as the fixes left it
	}
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", after, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return formatted
	}
	tf := fset.File(file.FileStart)
	var regions [][2]int // byte ranges of after, whole lines
	add := func(start, end int) {
		start = bytes.LastIndexByte(after[:start], '\n') + 1
		if i := bytes.IndexByte(after[end:], '\n'); i >= 0 {
			end += i + 1
		} else {
			end = len(after)
		}
		regions = append(regions, [2]int{start, end})
	}
	for _, sp := range spans {
		start, end := sp[0], sp[1]
		for _, d := range file.Decls {
			ds, de := tf.Offset(declStart(d)), tf.Offset(d.End())
			if ds <= end && start <= de {
				start, end = min(start, ds), max(end, de)
			}
		}
		add(start, end)
	}
	if !slices.Equal(importList(after), importList(formatted)) {
		for _, d := range file.Decls {
			if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
				add(tf.Offset(declStart(gd)), tf.Offset(gd.End()))
			}
		}
	}
	var keep []udiff.Edit
	for _, e := range udiff.Lines(string(after), string(formatted)) {
		if slices.ContainsFunc(regions, func(r [2]int) bool {
			return e.Start < r[1] && r[0] < e.End || e.Start == e.End && r[0] <= e.Start && e.Start <= r[1]
		}) {
			keep = append(keep, e)
		}
	}
	out, err := udiff.Apply(string(after), keep)
	if err != nil {
		return formatted
	}
	return []byte(out)
}

// declStart is where a declaration begins, its doc comment included.
func declStart(d ast.Decl) token.Pos {
	switch d := d.(type) {
	case *ast.FuncDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	case *ast.GenDecl:
		if d.Doc != nil {
			return d.Doc.Pos()
		}
	}
	return d.Pos()
}

// importList is the sorted list of a file's imports, "name path".
func importList(src []byte) []string {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err != nil {
		return nil
	}
	var list []string
	for _, spec := range f.Imports {
		name := ""
		if spec.Name != nil {
			name = spec.Name.Name
		}
		list = append(list, name+" "+spec.Path.Value)
	}
	slices.Sort(list)
	return list
}

// UnifiedDiff returns the unified diff (3 lines of context) that turns
// before into after, or "" when they are equal.
func UnifiedDiff(oldName, newName, before, after string) string {
	if before == after {
		return ""
	}
	return udiff.Unified(oldName, newName, before, after)
}

// Format formats a fixed file like gofmt and removes the imports that the
// fixes left unused (a rewritten http.Error may have been the file's last
// use of net/http), as x/tools' drivers do. A package name can only be
// used as the qualifier of a selector, so an import whose name qualifies no
// selector outside the import declarations is unused. pkg is the unfixed
// package, for the names of the packages it imports.
func Format(pkg *types.Package, src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "fixed.go", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	ast.SortImports(fset, file)

	// The default name of every package the unfixed package could see.
	names := map[string]string{}
	var visit func(p *types.Package)
	visit = func(p *types.Package) {
		if names[p.Path()] == "" {
			names[p.Path()] = p.Name()
			for _, imp := range p.Imports() {
				visit(imp)
			}
		}
	}
	if pkg != nil {
		for _, imp := range pkg.Imports() {
			visit(imp)
		}
	}
	qualifiers := map[string]bool{}
	for _, decl := range file.Decls {
		if gd, ok := decl.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			continue
		}
		ast.Inspect(decl, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok {
					qualifiers[id.Name] = true
				}
			}
			return true
		})
	}
	type named struct{ name, path string }
	var unused []named // deleted after the loop, which DeleteNamedImport would disturb
	for _, spec := range file.Imports {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			continue
		}
		explicit := ""
		if spec.Name != nil {
			explicit = spec.Name.Name
		}
		switch name := cmp.Or(explicit, names[path]); name {
		case "", ".", "_":
			// Unknown (a new import), dot or blank import: kept.
		default:
			if !qualifiers[name] {
				unused = append(unused, named{explicit, path})
			}
		}
	}
	for _, u := range unused {
		astutil.DeleteNamedImport(fset, file, u.name, u.path)
	}

	// go/format's printer settings, number literals normalized as gofmt does.
	const printerNormalizeNumbers = 1 << 30
	cfg := &printer.Config{Mode: printer.UseSpaces | printer.TabIndent | printerNormalizeNumbers, Tabwidth: 8}
	var buf bytes.Buffer
	if err := cfg.Fprint(&buf, fset, file); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
