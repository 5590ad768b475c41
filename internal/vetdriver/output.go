package main

// The go vet driver's output: plain text, JSON, and fixes (-fix, -diff, and
// go fix's archive), in the formats of x/tools' unitchecker.

import (
	"archive/zip"
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"go/types"
	"io"
	"log"
	"maps"
	"os"
	"slices"
	"strconv"
	"strings"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/ast/astutil"
)

// printPlain prints a diagnostic as file:line:col: message, with
// contextLines lines around it when contextLines >= 0 (flag -c).
func printPlain(out io.Writer, fset *token.FileSet, contextLines int, d analysis.Diagnostic) {
	print := func(pos, end token.Pos, message string) {
		posn := fset.Position(pos)
		fmt.Fprintf(out, "%s: %s\n", posn, message)
		if contextLines < 0 {
			return
		}
		endPosn := fset.Position(end)
		if !endPosn.IsValid() {
			endPosn = posn
		}
		data, _ := os.ReadFile(posn.Filename)
		lines := strings.Split(string(data), "\n")
		for i := posn.Line - contextLines; i <= endPosn.Line+contextLines; i++ {
			if 1 <= i && i <= len(lines) {
				fmt.Fprintf(out, "%d\t%s\n", i, lines[i-1])
			}
		}
	}
	print(d.Pos, d.End, d.Message)
	for _, rel := range d.Related {
		print(rel.Pos, rel.End, "\t"+rel.Message)
	}
}

// The JSON schema of go vet -json (x/tools' driverutil.JSONTree): package ID
// -> analyzer name -> diagnostics, or {"error": ...}.
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

func printVetJSON(out io.Writer, id, name string, res *vetResult) {
	tree := map[string]map[string]any{}
	fset := res.fset
	var v any
	if res.err != nil {
		v = jsonError{res.err.Error()}
	} else if len(res.diags) > 0 {
		list := make([]jsonDiagnostic, 0, len(res.diags))
		for _, d := range res.diags {
			jd := jsonDiagnostic{
				Category: d.Category,
				Posn:     fset.Position(d.Pos).String(),
				End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
				Message:  d.Message,
			}
			for _, fix := range d.SuggestedFixes {
				jf := jsonSuggestedFix{Message: fix.Message}
				for _, e := range fix.TextEdits {
					jf.Edits = append(jf.Edits, jsonTextEdit{
						Filename: fset.Position(e.Pos).Filename,
						Start:    fset.Position(e.Pos).Offset,
						End:      fset.Position(e.End).Offset,
						New:      string(e.NewText),
					})
				}
				jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
			}
			for _, r := range d.Related {
				jd.Related = append(jd.Related, jsonRelated{
					Posn:    fset.Position(r.Pos).String(),
					End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
					Message: r.Message,
				})
			}
			list = append(list, jd)
		}
		v = list
	}
	if v != nil {
		tree[id] = map[string]any{name: v}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		log.Panicf("internal error: JSON marshaling failed: %v", err)
	}
	fmt.Fprintf(out, "%s\n", data)
}

// -- fixes --

// edit is a text edit as byte offsets in one file.
type edit struct {
	start, end int
	text       string
}

// applyVetFixes applies the first fix of every diagnostic, like unitchecker
// with -fix: it writes the files, or their diffs with -diff, or go fix's
// archive. A fix that overlaps one already taken is skipped (identical edits
// are taken once); then the command asks for a re-run and exits 1.
func applyVetFixes(cfg *vetConfig, fl vetFlags, res *vetResult) int {
	if res.err != nil {
		log.Print(res.err)
		return 1
	}
	fset := res.fset
	generated := map[string]bool{}
	for _, f := range res.files {
		generated[fset.File(f.FileStart).Name()] = ast.IsGenerated(f)
	}
	accepted := map[string][]edit{}
	fixes, good, skipped := 0, 0, 0
fixes:
	for _, d := range res.diags {
		if len(d.SuggestedFixes) == 0 {
			continue
		}
		fixes++
		byFile := map[string][]edit{}
		for _, e := range d.SuggestedFixes[0].TextEdits {
			tf := fset.File(e.Pos)
			if generated[tf.Name()] {
				skipped++
				continue fixes
			}
			end := e.End
			if !end.IsValid() {
				end = e.Pos
			}
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
						continue fixes // overlapping
					}
				}
				if !dup {
					list = append(list, e)
				}
			}
			merged[name] = list
		}
		for name, list := range merged {
			accepted[name] = list
		}
		good++
	}

	write := func(name string, content []byte) error { return os.WriteFile(name, content, 0o644) }
	var zw *zip.Writer
	if cfg.FixArchive != "" {
		f, err := os.Create(cfg.FixArchive)
		if err != nil {
			log.Printf("can't create -fix archive: %v", err)
			return 1
		}
		defer f.Close()
		zw = zip.NewWriter(f)
		zw.SetComment(cfg.ID)
		defer zw.Close()
		write = func(name string, content []byte) error {
			w, err := zw.Create(name)
			if err == nil {
				_, err = w.Write(content)
			}
			return err
		}
	}

	updated, total := 0, 0
	for _, name := range slices.Sorted(maps.Keys(accepted)) {
		edits := accepted[name]
		before, err := os.ReadFile(name)
		if err != nil {
			log.Print(err)
			return 1
		}
		if tf := fileByName(fset, name); tf != nil && tf.Size() != len(before) {
			log.Printf("concurrent file modification detected in file %s (size changed from %d -> %d bytes); aborting fix", name, tf.Size(), len(before))
			return 1
		}
		// By position; an insertion goes before a replacement that starts
		// where it is.
		slices.SortStableFunc(edits, func(a, b edit) int {
			return cmp.Or(cmp.Compare(a.start, b.start), cmp.Compare(a.end, b.end))
		})
		var after []byte
		last := 0
		for _, e := range edits {
			after = append(after, before[last:e.start]...)
			after = append(after, e.text...)
			last = e.end
		}
		after = append(after, before[last:]...)
		if formatted, err := formatFixed(res.pkg, after); err == nil {
			after = formatted
		}
		if fl.diff && zw == nil {
			io.WriteString(os.Stdout, unifiedDiff(name+" (old)", name+" (new)", string(before), string(after)))
			continue
		}
		total++
		if err := write(name, after); err != nil {
			log.Print(err)
			continue
		}
		updated++
	}
	if bad := fixes - good - skipped; bad > 0 || updated < total {
		if fl.diff && zw == nil {
			log.Printf("%d of %s skipped (e.g. due to conflicts)", bad, plural(fixes, "fix", "fixes"))
		} else {
			log.Printf("applied %d of %s; %s updated. (Re-run the command to apply more.)",
				good, plural(fixes, "fix", "fixes"), plural(updated, "file", "files"))
		}
		return 1
	}
	return 0
}

// formatFixed formats a fixed file like gofmt and removes the imports that
// the fixes left unused (a rewritten http.Error may have been the file's
// last use of net/http), as x/tools' drivers do. A package name can only be
// used as the qualifier of a selector, so an import whose name qualifies no
// selector outside the import declarations is unused.
func formatFixed(pkg *types.Package, src []byte) ([]byte, error) {
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

func fileByName(fset *token.FileSet, name string) *token.File {
	var found *token.File
	fset.Iterate(func(f *token.File) bool {
		if f.Name() == name {
			found = f
			return false
		}
		return true
	})
	return found
}

func plural(n int, singular, plural string) string {
	if n == 1 {
		return "1 " + singular
	}
	return fmt.Sprintf("%d %s", n, plural)
}

// unifiedDiff returns the unified diff (3 lines of context) that turns
// before into after, or "" when they are equal.
func unifiedDiff(oldName, newName, before, after string) string {
	a, b := splitLines(before), splitLines(after)
	ops := diffLines(a, b)
	if !slices.ContainsFunc(ops, func(o diffOp) bool { return o.kind != ' ' }) {
		return ""
	}
	var sb strings.Builder
	fmt.Fprintf(&sb, "--- %s\n+++ %s\n", oldName, newName)
	const context = 3
	for i := 0; i < len(ops); {
		if ops[i].kind == ' ' {
			i++
			continue
		}
		// A hunk: from context lines before the change to context lines
		// after the last change that is at most 2*context lines further.
		start := max(0, i-context)
		end := i
		for j := i; j < len(ops); j++ {
			if ops[j].kind != ' ' {
				end = j + 1
			} else if j-end >= 2*context {
				break
			}
		}
		end = min(len(ops), end+context)
		aLine, bLine, aCount, bCount := ops[start].a+1, ops[start].b+1, 0, 0
		for _, o := range ops[start:end] {
			if o.kind != '+' {
				aCount++
			}
			if o.kind != '-' {
				bCount++
			}
		}
		fmt.Fprintf(&sb, "@@ -%s +%s @@\n", hunkRange(aLine, aCount), hunkRange(bLine, bCount))
		for _, o := range ops[start:end] {
			line := o.text
			sb.WriteByte(o.kind)
			sb.WriteString(line)
			if !strings.HasSuffix(line, "\n") {
				sb.WriteString("\n\\ No newline at end of file\n")
			}
		}
		i = end
	}
	return sb.String()
}

func hunkRange(line, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", line-1)
	case 1:
		return fmt.Sprint(line)
	}
	return fmt.Sprintf("%d,%d", line, count)
}

func splitLines(s string) []string {
	lines := strings.SplitAfter(s, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// diffOp is one line of an edit script: ' ' kept, '-' deleted, '+' inserted;
// a and b are its (or the next) line indexes in the old and new text.
type diffOp struct {
	kind byte
	a, b int
	text string
}

// diffLines computes a shortest edit script with Myers' algorithm.
func diffLines(a, b []string) []diffOp {
	n, m := len(a), len(b)
	offset := n + m + 1
	v := make([]int, 2*offset+1)
	var trace [][]int
	var d int
search:
	for d = 0; d <= n+m; d++ {
		trace = append(trace, slices.Clone(v))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
				x = v[offset+k+1]
			} else {
				x = v[offset+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[offset+k] = x
			if x >= n && y >= m {
				break search
			}
		}
	}
	// Walk back through the trace.
	var ops []diffOp
	x, y := n, m
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var prevK int
		if k == -d || (k != d && v[offset+k-1] < v[offset+k+1]) {
			prevK = k + 1
		} else {
			prevK = k - 1
		}
		prevX := v[offset+prevK]
		prevY := prevX - prevK
		for x > prevX && y > prevY {
			x, y = x-1, y-1
			ops = append(ops, diffOp{' ', x, y, a[x]})
		}
		if x == prevX {
			y--
			ops = append(ops, diffOp{'+', x, y, b[y]})
		} else {
			x--
			ops = append(ops, diffOp{'-', x, y, a[x]})
		}
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		ops = append(ops, diffOp{' ', x, y, a[x]})
	}
	slices.Reverse(ops)
	return ops
}
