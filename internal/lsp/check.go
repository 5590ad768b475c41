package lsp

import (
	"fmt"
	"go/token"
	"go/types"
	"os"
	"slices"
	"sort"
	"strings"

	"go.lsp.dev/protocol"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/internal/factstore"
	"github.com/apierrlint/apierrlint/internal/unit"
)

// A checkedPkg is a package of the workspace type-checked from source and
// analyzed, with everything a later run needs from it: its types (which its
// importers are checked against), its facts (which their analysis imports)
// and its diagnostics. Syntax trees and types.Info are dropped after the
// analysis. An entry stays valid while its files' contents, its metadata and
// the entries of its source dependencies are unchanged (deps holds the exact
// entries it was checked against, so replacing a dependency invalidates its
// importers).
type checkedPkg struct {
	id      string
	metaKey string
	hashes  map[string]uint64      // content hash of each Go file, by name
	deps    map[string]*checkedPkg // the source dependencies it was checked against
	types   *types.Package
	tfiles  []*token.File // its files in the session's FileSet (removed when the entry is dropped)
	facts   *factSet      // nil when the analysis did not run (type errors) or failed
	errs    []string      // parse and type errors, and analysis failures
	diags   map[string][]*diagRecord
}

// diagRecord is a diagnostic in LSP terms (UTF-16 positions in the content
// that was analyzed), with its quick fix.
type diagRecord struct {
	file    string
	rng     protocol.Range
	rule    string
	message string
	related []protocol.DiagnosticRelatedInformation
	fix     *fixRecord
}

type fixRecord struct {
	title string
	edits map[string][]protocol.TextEdit // by file name
}

// factSet holds the facts that the analysis of one package exported.
type factSet struct {
	pkg  *types.Package
	objs []analysis.ObjectFact
	pkgs []analysis.Fact
}

// metaKey summarizes what of a package's metadata its check depends on.
func metaKey(m *packages.Package) string {
	var b strings.Builder
	b.WriteString(m.PkgPath)
	b.WriteString("|" + m.Name + "|")
	if m.Module != nil {
		b.WriteString(m.Module.GoVersion)
	}
	for _, f := range m.GoFiles {
		b.WriteString("|" + f)
	}
	paths := make([]string, 0, len(m.Imports))
	for p := range m.Imports {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	for _, p := range paths {
		b.WriteString("|" + p + "=" + m.Imports[p].ID)
	}
	return b.String()
}

// checkInput is what checkPackage needs besides the session: the package's
// metadata, file contents and the entries of its dependencies.
type checkInput struct {
	meta     *packages.Package
	contents map[string][]byte                         // Go files and open documents, by name
	deps     map[string]*checkedPkg                    // source dependencies, by ID
	exports  func(path string) (*types.Package, error) // export-data dependencies, by package path
}

// checkPackage parses, type-checks and analyzes one package. It is called
// concurrently for independent packages: it reads the session's immutable
// state (FileSet, analyzer, settings) and its input only.
func (s *session) checkPackage(in checkInput) *checkedPkg {
	m := in.meta
	e := &checkedPkg{
		id:      m.ID,
		metaKey: metaKey(m),
		hashes:  map[string]uint64{},
		deps:    in.deps,
		diags:   map[string][]*diagRecord{},
	}
	for _, name := range m.GoFiles {
		e.hashes[name] = s.hash(in.contents[name])
	}
	ui := &unit.Input{
		Fset:         s.fset,
		Path:         m.PkgPath,
		GoFiles:      m.GoFiles,
		OtherFiles:   m.OtherFiles,
		IgnoredFiles: m.IgnoredFiles,
		EmbedFiles:   m.EmbedFiles,
		Source: func(name string) ([]byte, error) {
			if c, ok := in.contents[name]; ok {
				return c, nil
			}
			return nil, fmt.Errorf("%s: no content", name)
		},
		Import: func(path string) (*types.Package, error) {
			dep := m.Imports[path]
			if dep == nil {
				return nil, fmt.Errorf("no metadata for %s", path)
			}
			if d := in.deps[dep.ID]; d != nil {
				return d.types, nil
			}
			return in.exports(dep.PkgPath)
		},
		Sizes:       s.srv.sizes,
		FakeImportC: true,
	}
	if m.Module != nil {
		if m.Module.GoVersion != "" {
			ui.GoVersion = "go" + m.Module.GoVersion
		}
		ui.Module = &analysis.Module{Path: m.Module.Path, Version: m.Module.Version, GoVersion: m.Module.GoVersion}
	}
	c := unit.Check(ui)
	e.types = c.Pkg
	for _, f := range c.Files {
		if tf := s.fset.File(f.FileStart); tf != nil {
			e.tfiles = append(e.tfiles, tf)
		}
	}
	for _, err := range c.Errors {
		e.errs = append(e.errs, err.Error())
	}
	if c.Hard > 0 {
		// Analyzers that do not RunDespiteErrors are skipped, as in go vet.
		// Soft errors (a variable or an import not used yet, common while
		// typing) leave the types complete: the analysis runs despite them.
		return e
	}
	s.analyze(e, c)
	return e
}

// analyze runs the analyzer on a checked package, with the facts of its
// source dependencies, and records its facts and diagnostics.
func (s *session) analyze(e *checkedPkg, c *unit.Checked) {
	// The facts visible to the pass: those of every source package it
	// depends on, directly or not, in path order, and its own.
	var order []*factSet
	seen := map[*checkedPkg]bool{}
	var visit func(d *checkedPkg)
	visit = func(d *checkedPkg) {
		if seen[d] {
			return
		}
		seen[d] = true
		if d.facts != nil {
			order = append(order, d.facts)
		}
		for _, dd := range d.deps {
			visit(dd)
		}
	}
	for _, d := range e.deps {
		visit(d)
	}
	slices.SortFunc(order, func(a, b *factSet) int { return strings.Compare(a.pkg.Path(), b.pkg.Path()) })
	facts := factstore.New(s.analyzer, e.types)
	for _, fs := range order {
		for _, of := range fs.objs {
			facts.AddObject(of.Object, of.Fact)
		}
		for _, f := range fs.pkgs {
			facts.AddPackage(fs.pkg, f)
		}
	}
	diags, err := unit.Analyze(s.analyzer, c, facts)
	if err != nil {
		e.errs = append(e.errs, err.Error())
		return
	}
	objs, pkgFacts := facts.Own()
	e.facts = &factSet{pkg: e.types, objs: objs, pkgs: pkgFacts}

	mappers := map[string]*mapper{}
	mapperFor := func(name string) *mapper {
		if mp, ok := mappers[name]; ok {
			return mp
		}
		src, err := c.In.Source(name)
		if err != nil {
			src, _ = os.ReadFile(name)
		}
		mp := newMapper(string(src))
		mappers[name] = mp
		return mp
	}
	// loc converts a token range to a file name and an LSP range.
	loc := func(pos, end token.Pos) (string, protocol.Range, bool) {
		tf := s.fset.File(pos)
		if tf == nil {
			return "", protocol.Range{}, false
		}
		if !end.IsValid() || s.fset.File(end) != tf {
			end = pos
		}
		mp := mapperFor(tf.Name())
		return tf.Name(), mp.rng(tf.Offset(pos), tf.Offset(end)), true
	}
	for _, d := range diags {
		file, rng, ok := loc(d.Pos, d.End)
		if !ok {
			continue
		}
		rule := d.Category
		r := &diagRecord{file: file, rng: rng, rule: rule, message: strings.TrimPrefix(d.Message, rule+": ")}
		for _, rel := range d.Related {
			if f, rr, ok := loc(rel.Pos, rel.End); ok {
				r.related = append(r.related, protocol.DiagnosticRelatedInformation{
					Location: protocol.Location{URI: s.srv.uriFor(f), Range: rr},
					Message:  rel.Message,
				})
			}
		}
		if len(d.SuggestedFixes) > 0 {
			sf := d.SuggestedFixes[0]
			fix := &fixRecord{title: sf.Message, edits: map[string][]protocol.TextEdit{}}
			for _, te := range sf.TextEdits {
				f, rr, ok := loc(te.Pos, te.End)
				if !ok {
					fix = nil
					break
				}
				fix.edits[f] = append(fix.edits[f], protocol.TextEdit{Range: rr, NewText: string(te.NewText)})
			}
			if fix != nil && len(fix.edits) > 0 {
				r.fix = fix
			}
		}
		e.diags[file] = append(e.diags[file], r)
	}
}
