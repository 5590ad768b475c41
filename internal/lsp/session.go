package lsp

import (
	"cmp"
	"context"
	"fmt"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/config"
	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/gcexportdata"
	"golang.org/x/tools/go/packages"
)

// A session analyzes the open files of one module (the nearest go.mod above
// them). Its worker goroutine owns the caches; a run is started by a
// (debounced) change and cancelled by the next change.
//
// What a run reuses and what it redoes:
//
//   - metadata (the import graph, from go list) is reloaded only when an
//     open file is not in it, when an open file's package clause, build
//     constraint or imports change so that the graph may differ, when a Go
//     file is created or deleted, or when go.mod, go.sum or go.work change;
//   - dependencies outside the workspace modules (the standard library,
//     third-party modules) come from export data, read once per session;
//   - packages of the workspace modules are type-checked from source and
//     analyzed, and kept (types, facts, diagnostics) while their files and
//     their dependencies are unchanged: an edit re-checks the edited package
//     and the cached packages that depend on it, nothing else.
type session struct {
	srv  *server
	root string
	wake chan struct{}
	quit chan struct{}
	done chan struct{}

	mu        sync.Mutex
	cancel    context.CancelFunc
	timer     *time.Timer
	forceMeta bool

	// Owned by the worker goroutine.
	analyzer   *analysis.Analyzer // the flags with the module's .apierrlint.yml
	cfg        *analyzer.Config
	cfgStamp   string // identifies the configuration file and the catalogs read
	fset       *token.FileSet
	stamp      string
	meta       map[string]*packages.Package // by ID
	byFile     map[string][]string          // Go file -> IDs of the packages that contain it
	headers    map[string]header            // open file -> its header at the last metadata load
	orphans    map[string]header            // open file in no package -> its header then
	exportFile map[string]string            // package path -> export data file ("" if none)
	view       map[string]*types.Package    // packages read from export data, by path
	viewErr    map[string]error
	checked    map[string]*checkedPkg // by ID
	disk       map[string]diskEntry
	published  map[string]publishedFile
}

type diskEntry struct {
	mod  time.Time
	size int64
	hash uint64
}

type publishedFile struct {
	hash    uint64
	version int32
	diags   []*diagRecord
}

func newSession(srv *server, root string) *session {
	s := &session{
		srv:  srv,
		root: root,
		wake: make(chan struct{}, 1),
		quit: make(chan struct{}),
		done: make(chan struct{}),
	}
	s.reset()
	s.published = map[string]publishedFile{}
	go s.loop()
	return s
}

// reset drops every cache (go.mod changed).
func (s *session) reset() {
	s.fset = token.NewFileSet()
	s.meta = nil
	s.byFile = map[string][]string{}
	s.headers = map[string]header{}
	s.orphans = map[string]header{}
	s.exportFile = map[string]string{}
	s.view = map[string]*types.Package{}
	s.viewErr = map[string]error{}
	s.checked = map[string]*checkedPkg{}
	s.disk = map[string]diskEntry{}
}

func (s *session) loop() {
	defer close(s.done)
	for {
		select {
		case <-s.wake:
		case <-s.quit:
			return
		}
		ctx, cancel := context.WithCancel(context.Background())
		s.mu.Lock()
		s.cancel = cancel
		s.mu.Unlock()
		s.run(ctx)
		cancel()
		s.mu.Lock()
		s.cancel = nil
		s.mu.Unlock()
	}
}

// schedule starts a run after delay, unless another change comes first.
func (s *session) schedule(delay time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.timer != nil {
		s.timer.Stop()
	}
	s.timer = time.AfterFunc(delay, func() {
		select {
		case s.wake <- struct{}{}:
		default:
		}
	})
}

// cancelRun cancels the current run: its results would be stale. Packages
// that it finished checking stay cached.
func (s *session) cancelRun() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil {
		s.cancel()
	}
}

func (s *session) requestMeta() {
	s.mu.Lock()
	s.forceMeta = true
	s.mu.Unlock()
}

func (s *session) stop() {
	s.mu.Lock()
	if s.timer != nil {
		s.timer.Stop()
	}
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Unlock()
	close(s.quit)
	<-s.done
}

func (s *session) hash(b []byte) uint64 { return s.srv.hashBytes(b) }

// run brings the diagnostics of the open files up to date.
func (s *session) run(ctx context.Context) {
	start := time.Now()
	s.configure()
	docs := s.srv.snapshot(s)
	s.mu.Lock()
	force := s.forceMeta
	s.forceMeta = false
	s.mu.Unlock()

	stamp := s.modStamp()
	if s.meta != nil && stamp != s.stamp {
		s.srv.logf("%s: go.mod, go.sum or go.work changed: reloading everything", s.root)
		s.reset()
	}
	tMeta := time.Now()
	reloaded := false
	if s.meta == nil || force || s.needMeta(docs) {
		s.loadMeta(docs)
		s.stamp = stamp
		reloaded = true
	}
	roots := s.roots(docs)
	srcOrder, exports := s.closure(roots)
	tExport := time.Now()
	s.loadExports(exports)
	if ctx.Err() != nil {
		return
	}
	tCheck := time.Now()
	s.validate(srcOrder, docs)
	n := s.checkAll(ctx, srcOrder, docs)
	if ctx.Err() != nil {
		s.srv.debugf("%s: run cancelled after %v (%d packages checked)", s.root, time.Since(start).Round(time.Millisecond), n)
		return
	}
	s.publish(roots, docs)
	s.srv.debugf("%s: run %v: metadata %v (reloaded=%v), export data %v, %d of %d source packages checked in %v",
		s.root, time.Since(start).Round(time.Millisecond), tExport.Sub(tMeta).Round(time.Millisecond), reloaded,
		tCheck.Sub(tExport).Round(time.Millisecond), n, len(srcOrder), time.Since(tCheck).Round(time.Millisecond))
}

// configure builds the session's analyzer from the server's flags and the
// .apierrlint.yml that applies at the module root, when that file or a
// catalog or baseline it or the flags name has changed since the last run; then every
// cached result is dropped. A broken file is logged, and the last good
// configuration kept.
func (s *session) configure() {
	path, err := config.Find(s.root)
	stamp := path + "\x00"
	if err == nil && path != "" {
		stamp += config.Stamp(path)
	}
	for _, c := range append(s.srv.cfg.AllCatalogPaths(), s.srv.cfg.BaselinePath) {
		if c == "" {
			continue
		}
		if file, err := catalog.Find(c, ""); err == nil {
			data, _ := os.ReadFile(file)
			stamp += "\x00" + file + "\x00" + strconv.FormatUint(s.hash(data), 16)
		}
	}
	if stamp == s.cfgStamp && s.analyzer != nil {
		return
	}
	first := s.analyzer == nil
	s.cfgStamp = stamp
	cfg := *s.srv.cfg
	if !first {
		// The flags' catalog or baseline may have changed: load them
		// again.
		if len(cfg.AllCatalogPaths()) > 0 {
			cfg.Catalog = nil
		}
		if cfg.BaselinePath != "" {
			cfg.Baseline = nil
		}
		if err := cfg.LoadCatalog(""); err != nil {
			s.srv.logf("%s: %v; keeping the last configuration", s.root, err)
			return
		}
		if err := cfg.LoadBaseline(""); err != nil {
			s.srv.logf("%s: %v; keeping the last configuration", s.root, err)
			return
		}
	}
	if err == nil && path != "" {
		f, lerr := config.Load(path)
		if lerr != nil {
			s.srv.logf("%v; keeping the last configuration", lerr)
			if first {
				s.analyzer, s.cfg = s.srv.analyzer, s.srv.cfg
			}
			return
		}
		f.Apply(&cfg, func(name string) bool { return s.srv.flagsSet[name] })
	}
	a, aerr := analyzer.New(cfg)
	if aerr != nil {
		s.srv.logf("%s: %v; keeping the last configuration", s.root, aerr)
		if first {
			s.analyzer, s.cfg = s.srv.analyzer, s.srv.cfg
		}
		return
	}
	if !first {
		s.srv.logf("%s: the configuration (%s) or its catalog changed: analyzing again", s.root, cmp.Or(path, "flags"))
		s.reset()
	}
	s.analyzer, s.cfg = a, &cfg
}

// modStamp identifies the state of go.mod, go.sum and any go.work above.
func (s *session) modStamp() string {
	var b strings.Builder
	for _, name := range []string{filepath.Join(s.root, "go.mod"), filepath.Join(s.root, "go.sum")} {
		if fi, err := os.Stat(name); err == nil {
			fmt.Fprintf(&b, "%s:%d:%d;", name, fi.ModTime().UnixNano(), fi.Size())
		}
	}
	for dir := s.root; ; {
		name := filepath.Join(dir, "go.work")
		if fi, err := os.Stat(name); err == nil {
			fmt.Fprintf(&b, "%s:%d:%d;", name, fi.ModTime().UnixNano(), fi.Size())
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			break
		}
		dir = parent
	}
	return b.String()
}

// header is what of a file decides the package graph: package name, build
// constraint, imports.
type header struct {
	name, build string
	imports     string // sorted, comma-separated
	ok          bool   // parsed without error
}

func parseHeader(name, text string) header {
	f, err := parser.ParseFile(token.NewFileSet(), name, text, parser.ImportsOnly|parser.ParseComments)
	if f == nil {
		return header{}
	}
	h := header{name: f.Name.Name, ok: err == nil}
	for _, cg := range f.Comments {
		if cg.Pos() > f.Package {
			break
		}
		for _, c := range cg.List {
			if strings.HasPrefix(c.Text, "//go:build") || strings.HasPrefix(c.Text, "// +build") {
				h.build += c.Text + "\n"
			}
		}
	}
	var imps []string
	for _, spec := range f.Imports {
		if p, err := strconv.Unquote(spec.Path.Value); err == nil {
			imps = append(imps, p)
		}
	}
	slices.Sort(imps)
	h.imports = strings.Join(imps, ",")
	return h
}

// analyzable reports whether an open file can belong to a package that the
// session analyzes.
func (s *session) analyzable(path string) bool {
	return strings.HasSuffix(path, ".go") && (s.cfg.IncludeTests || !strings.HasSuffix(path, "_test.go"))
}

// needMeta reports whether the metadata must be reloaded for the open files.
func (s *session) needMeta(docs map[string]*docSnap) bool {
	for path, d := range docs {
		if !s.analyzable(path) {
			continue
		}
		h := parseHeader(path, d.text)
		ids := s.byFile[path]
		if len(ids) == 0 {
			if o, ok := s.orphans[path]; ok && (o == h || !h.ok) {
				continue
			}
			s.srv.debugf("%s is in no known package: reloading metadata", path)
			return true
		}
		old, known := s.headers[path]
		if old == h || !h.ok {
			continue // unchanged, or being typed: wait until it parses
		}
		if known && h.build != old.build {
			s.srv.debugf("%s: build constraint changed: reloading metadata", path)
			return true
		}
		if !slices.ContainsFunc(ids, func(id string) bool { return s.meta[id] != nil && s.meta[id].Name == h.name }) {
			s.srv.debugf("%s: package clause changed: reloading metadata", path)
			return true
		}
		for _, imp := range strings.Split(h.imports, ",") {
			if imp == "" || imp == "C" || imp == "unsafe" {
				continue
			}
			for _, id := range ids {
				if m := s.meta[id]; m != nil && m.Imports[imp] == nil {
					s.srv.debugf("%s: new import %q: reloading metadata", path, imp)
					return true
				}
			}
		}
		s.headers[path] = h // imports removed only: the graph still covers it
	}
	return false
}

// loadMeta loads the import graph of the packages of the open files, with
// their unsaved contents as overlays. It is not cancelled by edits: its
// result does not depend on what is typed inside function bodies.
func (s *session) loadMeta(docs map[string]*docSnap) {
	t := time.Now()
	dirs := map[string]bool{}
	overlay := map[string][]byte{}
	for path, d := range docs {
		overlay[path] = []byte(d.text)
		if s.analyzable(path) {
			dirs[filepath.Dir(path)] = true
		}
	}
	var patterns []string
	for dir := range dirs {
		rel, err := filepath.Rel(s.root, dir)
		if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			continue
		}
		patterns = append(patterns, "./"+filepath.ToSlash(rel))
	}
	slices.Sort(patterns)
	meta := map[string]*packages.Package{}
	byFile := map[string][]string{}
	if len(patterns) > 0 {
		pkgs, err := packages.Load(&packages.Config{
			Mode:    packages.NeedName | packages.NeedFiles | packages.NeedImports | packages.NeedDeps | packages.NeedModule,
			Dir:     s.root,
			Tests:   s.cfg.IncludeTests,
			Overlay: overlay,
		}, patterns...)
		if err != nil {
			s.srv.logf("%s: loading %v: %v", s.root, patterns, err)
		}
		packages.Visit(pkgs, nil, func(p *packages.Package) {
			meta[p.ID] = p
			if strings.HasSuffix(p.ID, ".test") {
				return // the generated test main
			}
			for _, f := range p.GoFiles {
				byFile[f] = append(byFile[f], p.ID)
			}
		})
		for _, p := range pkgs {
			for _, e := range p.Errors {
				s.srv.debugf("%s: %s", p.ID, e)
			}
		}
	}
	s.meta, s.byFile = meta, byFile
	s.headers = map[string]header{}
	s.orphans = map[string]header{}
	for path, d := range docs {
		h := parseHeader(path, d.text)
		if len(byFile[path]) > 0 {
			s.headers[path] = h
		} else {
			s.orphans[path] = h
		}
	}
	// Forget the packages that left the graph.
	for id := range s.checked {
		if meta[id] == nil {
			s.drop(id)
		}
	}
	s.srv.debugf("%s: metadata for %v: %d packages in %v", s.root, patterns, len(meta), time.Since(t).Round(time.Millisecond))
}

// roots returns the packages to report on: those that contain an open file.
// With -tests, a file's test variant replaces its package (it has the same
// files and the tests).
func (s *session) roots(docs map[string]*docSnap) map[string]bool {
	roots := map[string]bool{}
	for path := range docs {
		if !s.analyzable(path) {
			continue
		}
		ids := s.byFile[path]
		variant := slices.ContainsFunc(ids, func(id string) bool { return strings.Contains(id, " [") })
		for _, id := range ids {
			if variant && !strings.Contains(id, " [") {
				continue
			}
			roots[id] = true
		}
	}
	return roots
}

// closure returns the packages that the roots need, dependencies first:
// those checked from source (the roots, the packages of the workspace
// modules and of -helper-modules, where error helpers can live) and the
// paths of those read from export data (everything else).
func (s *session) closure(roots map[string]bool) (source []string, exports []string) {
	const (
		visiting = iota + 1
		fromSource
		fromExport
	)
	state := map[string]int{}
	var visit func(id string) bool
	visit = func(id string) bool {
		switch state[id] {
		case visiting, fromExport:
			return false
		case fromSource:
			return true
		}
		state[id] = visiting
		m := s.meta[id]
		if m == nil {
			state[id] = fromExport
			return false
		}
		src := roots[id] || (m.Module != nil && (m.Module.Main || slices.Contains(s.cfg.HelperModules, m.Module.Path)))
		deps := make([]string, 0, len(m.Imports))
		for _, dep := range m.Imports {
			deps = append(deps, dep.ID)
		}
		slices.Sort(deps)
		for _, dep := range deps {
			if visit(dep) {
				src = true // it imports a package checked from source: so must it be
			}
		}
		if src {
			state[id] = fromSource
			source = append(source, id)
		} else {
			state[id] = fromExport
			if id != "unsafe" && id != "C" {
				exports = append(exports, m.PkgPath)
			}
		}
		return src
	}
	ids := make([]string, 0, len(roots))
	for id := range roots {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		visit(id)
	}
	return source, exports
}

// loadExports reads the export data of the given packages (dependencies
// first) into the session's view, asking go list for the export files it does
// not know yet.
func (s *session) loadExports(paths []string) {
	var missing []string
	for _, p := range paths {
		if _, ok := s.exportFile[p]; !ok {
			if tp := s.view[p]; tp == nil || !tp.Complete() {
				missing = append(missing, p)
			}
		}
	}
	if len(missing) > 0 {
		t := time.Now()
		pkgs, err := packages.Load(&packages.Config{
			Mode: packages.NeedName | packages.NeedExportFile,
			Dir:  s.root,
		}, missing...)
		if err != nil {
			s.srv.logf("%s: export data: %v", s.root, err)
		}
		for _, p := range pkgs {
			s.exportFile[p.PkgPath] = p.ExportFile
		}
		for _, p := range missing {
			if _, ok := s.exportFile[p]; !ok {
				s.exportFile[p] = ""
			}
		}
		s.srv.debugf("%s: export files of %d packages in %v", s.root, len(missing), time.Since(t).Round(time.Millisecond))
	}
	t := time.Now()
	read := 0
	for _, p := range paths {
		if tp := s.view[p]; tp != nil && tp.Complete() {
			continue
		}
		if s.viewErr[p] != nil {
			continue
		}
		if err := s.readExport(p); err != nil {
			s.viewErr[p] = err
			s.srv.logf("%v", err)
		}
		read++
	}
	if read > 0 {
		s.srv.debugf("%s: read export data of %d packages in %v", s.root, read, time.Since(t).Round(time.Millisecond))
	}
}

func (s *session) readExport(path string) error {
	file := s.exportFile[path]
	if file == "" {
		return fmt.Errorf("no export data for %s", path)
	}
	f, err := os.Open(file)
	if err != nil {
		return err
	}
	defer f.Close()
	r, err := gcexportdata.NewReader(f)
	if err != nil {
		return fmt.Errorf("reading export data of %s: %v", path, err)
	}
	if _, err := gcexportdata.Read(r, s.fset, s.view, path); err != nil {
		return fmt.Errorf("reading export data of %s: %v", path, err)
	}
	return nil
}

func (s *session) exportedPackage(path string) (*types.Package, error) {
	if tp := s.view[path]; tp != nil && tp.Complete() {
		return tp, nil
	}
	if err := s.viewErr[path]; err != nil {
		return nil, err
	}
	return nil, fmt.Errorf("no export data for %s", path)
}

// currentHash returns the hash of a file's content as this run sees it: the
// open document's text, or the file on disk (hashed again only when its
// modification time or size changed).
func (s *session) currentHash(name string, docs map[string]*docSnap) uint64 {
	if d := docs[name]; d != nil {
		return d.hash
	}
	fi, err := os.Stat(name)
	if err != nil {
		return 0
	}
	if e, ok := s.disk[name]; ok && e.mod.Equal(fi.ModTime()) && e.size == fi.Size() {
		return e.hash
	}
	data, err := os.ReadFile(name)
	if err != nil {
		return 0
	}
	h := s.hash(data)
	s.disk[name] = diskEntry{mod: fi.ModTime(), size: fi.Size(), hash: h}
	return h
}

// validate drops the cached packages that are out of date: a file changed,
// the metadata changed, or a dependency was dropped or replaced.
func (s *session) validate(order []string, docs map[string]*docSnap) {
	source := map[string]bool{}
	for _, id := range order {
		source[id] = true
	}
	for _, id := range order { // dependencies first
		e := s.checked[id]
		if e == nil {
			continue
		}
		m := s.meta[id]
		ok := e.metaKey == metaKey(m)
		for name, h := range e.hashes {
			if !ok {
				break
			}
			ok = s.currentHash(name, docs) == h
		}
		n := 0
		for _, dep := range m.Imports {
			if !ok {
				break
			}
			if source[dep.ID] {
				n++
				ok = e.deps[dep.ID] != nil && s.checked[dep.ID] == e.deps[dep.ID]
			}
		}
		if !ok || n != len(e.deps) {
			s.drop(id)
		}
	}
}

func (s *session) drop(id string) {
	e := s.checked[id]
	if e == nil {
		return
	}
	for _, tf := range e.tfiles {
		s.fset.RemoveFile(tf) // keeps the FileSet from growing with every edit
	}
	delete(s.checked, id)
}

// checkAll checks and analyzes the source packages that are not cached,
// dependencies first, independent packages in parallel. It returns how many
// it checked. A cancelled run stops starting packages; those finished are
// kept.
func (s *session) checkAll(ctx context.Context, order []string, docs map[string]*docSnap) int {
	type slot struct {
		done chan struct{}
		res  *checkedPkg
	}
	slots := map[string]*slot{}
	var todo []string
	for _, id := range order {
		sl := &slot{done: make(chan struct{})}
		slots[id] = sl
		if e := s.checked[id]; e != nil {
			sl.res = e
			close(sl.done)
		} else {
			todo = append(todo, id)
		}
	}
	if len(todo) == 0 {
		return 0
	}
	sem := make(chan struct{}, max(1, s.srv.parallel))
	var wg sync.WaitGroup
	for _, id := range todo {
		sl := slots[id]
		m := s.meta[id]
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer close(sl.done)
			deps := map[string]*checkedPkg{}
			for _, dep := range m.Imports {
				if d := slots[dep.ID]; d != nil {
					<-d.done
					if d.res == nil {
						return // cancelled
					}
					deps[dep.ID] = d.res
				}
			}
			select {
			case sem <- struct{}{}:
			case <-ctx.Done():
				return
			}
			defer func() { <-sem }()
			if ctx.Err() != nil {
				return
			}
			contents := map[string][]byte{}
			for _, name := range m.GoFiles {
				if d := docs[name]; d != nil {
					contents[name] = []byte(d.text)
				} else {
					data, _ := os.ReadFile(name)
					contents[name] = data
				}
			}
			sl.res = s.checkPackage(checkInput{meta: m, contents: contents, deps: deps, exports: s.exportedPackage})
		}()
	}
	wg.Wait()
	n := 0
	for _, id := range todo {
		if r := slots[id].res; r != nil {
			s.drop(id)
			s.checked[id] = r
			n++
			if r.facts == nil && len(r.errs) > 0 {
				s.srv.debugf("%s: not analyzed: %s", id, strings.Join(r.errs[:min(3, len(r.errs))], "; "))
			}
		}
	}
	return n
}

// publish sends the diagnostics of every file of the root packages (and
// empty lists for open files outside them and for files that left them).
func (s *session) publish(roots map[string]bool, docs map[string]*docSnap) {
	perFile := map[string][]*diagRecord{}
	for id := range roots {
		e, m := s.checked[id], s.meta[id]
		if e == nil || m == nil {
			continue
		}
		for _, f := range m.GoFiles {
			if _, ok := perFile[f]; !ok {
				perFile[f] = nil
			}
			if e.facts == nil {
				// The package does not type-check (an edit in progress): keep
				// what was reported for the files that did not change.
				if p, ok := s.published[f]; ok && p.hash == s.currentHash(f, docs) {
					perFile[f] = append(perFile[f], p.diags...)
				}
				continue
			}
			perFile[f] = append(perFile[f], e.diags[f]...)
		}
	}
	for path := range docs {
		if _, ok := perFile[path]; !ok {
			perFile[path] = nil
		}
	}
	for f, ds := range perFile {
		ds = dedupe(ds)
		version := int32(-1)
		if d := docs[f]; d != nil {
			version = d.version
		}
		prev, had := s.published[f]
		s.published[f] = publishedFile{hash: s.currentHash(f, docs), version: version, diags: ds}
		s.srv.setResults(f, version, ds)
		if had && prev.version == version && sameDiags(prev.diags, ds) {
			continue
		}
		s.srv.publish(f, version, ds)
	}
	for f := range s.published {
		if _, ok := perFile[f]; !ok {
			delete(s.published, f)
			s.srv.setResults(f, -2, nil)
			s.srv.publish(f, -1, nil)
		}
	}
}

func dedupe(ds []*diagRecord) []*diagRecord {
	var out []*diagRecord
	for _, d := range ds {
		if !slices.ContainsFunc(out, func(o *diagRecord) bool {
			return o.rng == d.rng && o.rule == d.rule && o.message == d.message
		}) {
			out = append(out, d)
		}
	}
	slices.SortFunc(out, func(a, b *diagRecord) int {
		if a.rng.Start != b.rng.Start {
			if before(a.rng.Start, b.rng.Start) {
				return -1
			}
			return 1
		}
		return strings.Compare(a.rule+a.message, b.rule+b.message)
	})
	return out
}

func sameDiags(a, b []*diagRecord) bool {
	return slices.EqualFunc(a, b, func(x, y *diagRecord) bool {
		return x.rng == y.rng && x.rule == y.rule && x.message == y.message && (x.fix == nil) == (y.fix == nil)
	})
}
