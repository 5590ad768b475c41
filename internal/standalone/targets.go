package standalone

// What the command line names: packages and patterns (./..., import
// paths), and Go files (apierrlint a.go b.go: a pre-commit hook passes the
// names of the files that changed). Each is resolved to the module that
// holds it: go/packages loads the packages of each module from that
// module's root, so that files and directories of several modules work in
// one run. A module that the working directory's go.work lists is loaded
// with the working directory's, where the workspace resolves it.

import (
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"golang.org/x/mod/modfile"

	"github.com/apierrlint/apierrlint/internal/driver"
)

// group is what one go/packages load covers.
type group struct {
	dir      string   // where go/packages runs; "" for the working directory
	patterns []string // what it loads
	// files are the Go files named on the command line (absolute): only
	// their findings are reported. nil for patterns.
	files map[string]bool
}

// targets resolves the command-line arguments to groups, in the order of
// the arguments.
type targets struct {
	wd     string
	wdMod  string // the module root of the working directory ("" outside one)
	work   map[string]bool
	workOK bool // work was read (the go.work of the working directory)
	groups []*group
	index  map[string]*group // by directory and kind
}

func resolveTargets(wd string, args []string) ([]*group, error) {
	t := &targets{wd: wd, wdMod: driver.ModuleRoot(wd), index: map[string]*group{}}
	for _, arg := range args {
		if err := t.add(arg); err != nil {
			return nil, err
		}
	}
	t.expandWorkspace()
	return t.groups, nil
}

// expandWorkspace adds ./M/... for each module M of the go.work below a
// ./... pattern of the working directory's group: the go command matches
// ./... in the module that holds the directory only, not in the other
// modules of the workspace below it.
func (t *targets) expandWorkspace() {
	g := t.index[fmt.Sprintf("%s\x00%v", "", false)]
	if g == nil {
		return
	}
	var added []string
	for _, p := range g.patterns {
		dir, rest, ok := pathPattern(p)
		if !ok || rest != "..." {
			continue
		}
		base, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		own := driver.ModuleRoot(base)
		for mod := range t.workspace() {
			r, err := filepath.Rel(base, mod)
			if err != nil || mod == own || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
				continue
			}
			added = append(added, "./"+filepath.ToSlash(filepath.Join(dir, r))+"/...")
		}
	}
	slices.Sort(added)
	for _, p := range slices.Compact(added) {
		if !slices.Contains(g.patterns, p) {
			g.patterns = append(g.patterns, p)
		}
	}
}

func (t *targets) add(arg string) error {
	if strings.HasSuffix(arg, ".go") {
		if fi, err := os.Stat(arg); err == nil && !fi.IsDir() {
			abs, err := filepath.Abs(arg)
			if err != nil {
				return err
			}
			mod := driver.ModuleRoot(filepath.Dir(abs))
			if mod == "" {
				return fmt.Errorf("%s is not in a Go module: no go.mod in its directory or any parent; run apierrlint on the files of one module", arg)
			}
			if ignoredDir(mod, filepath.Dir(abs)) {
				return nil // as ./... leaves it out
			}
			g := t.group(t.loadDir(mod), true)
			g.patterns = append(g.patterns, "file="+abs)
			g.files[abs] = true
			return nil
		}
	}
	if dir, rest, ok := pathPattern(arg); ok {
		abs, err := filepath.Abs(dir)
		if err != nil {
			return err
		}
		if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
			if mod := driver.ModuleRoot(abs); mod != "" {
				if d := t.loadDir(mod); d != "" {
					// Relative to the module root, where it is loaded.
					r, _ := filepath.Rel(d, abs)
					g := t.group(d, false)
					g.patterns = append(g.patterns, "./"+filepath.ToSlash(filepath.Join(r, rest)))
					return nil
				}
			}
		}
	}
	g := t.group("", false)
	g.patterns = append(g.patterns, arg)
	return nil
}

// ignoredDir reports whether the go command's ./... leaves dir, below the
// module root mod, out: a testdata or vendor directory, or one whose name
// starts with . or _, on the way. A pre-commit hook passes the names of
// such files too (analyzer fixtures that violate on purpose).
func ignoredDir(mod, dir string) bool {
	r, err := filepath.Rel(mod, dir)
	if err != nil || r == "." {
		return false
	}
	return slices.ContainsFunc(strings.Split(filepath.ToSlash(r), "/"), skippedDir)
}

// skippedDir reports whether ./... skips a directory of this name, as the
// go command does.
func skippedDir(name string) bool {
	return name == "testdata" || name == "vendor" || strings.HasPrefix(name, ".") || strings.HasPrefix(name, "_")
}

// group returns the group of dir for files or patterns.
func (t *targets) group(dir string, files bool) *group {
	key := fmt.Sprintf("%s\x00%v", dir, files)
	g := t.index[key]
	if g == nil {
		g = &group{dir: dir}
		if files {
			g.files = map[string]bool{}
		}
		t.index[key] = g
		t.groups = append(t.groups, g)
	}
	return g
}

// loadDir returns where to load the packages of the module rooted at mod:
// "" (the working directory) for the working directory's module or one of
// its go.work, else mod.
func (t *targets) loadDir(mod string) string {
	if mod == t.wdMod || t.workspace()[mod] {
		return ""
	}
	return mod
}

// workspace returns the module roots that the working directory's go.work
// lists (none without one).
func (t *targets) workspace() map[string]bool {
	if !t.workOK {
		t.workOK = true
		t.work = workspaceModules(t.wd)
	}
	return t.work
}

// pathPattern splits a pattern that names a directory ("./...", "../x",
// "/abs/dir/...", ".") into the directory and what follows it ("..." or
// "").
func pathPattern(arg string) (dir, rest string, ok bool) {
	if !(arg == "." || arg == ".." || strings.HasPrefix(arg, "./") || strings.HasPrefix(arg, "../") || filepath.IsAbs(arg)) {
		return "", "", false
	}
	dir = arg
	if d, ok := strings.CutSuffix(arg, "/..."); ok {
		dir, rest = d, "..."
	} else if arg == "..." {
		return "", "", false
	}
	if strings.Contains(dir, "...") {
		return "", "", false // a wildcard inside: left to go list
	}
	return dir, rest, true
}

// goWork returns the go.work file that applies in dir ("" for none), as
// the go command finds it (GOWORK, or the nearest go.work above).
func goWork(dir string) string {
	cmd := exec.Command("go", "env", "GOWORK")
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return ""
	}
	w := strings.TrimSpace(string(out))
	if w == "off" {
		return ""
	}
	return w
}

// workspaceModules returns the module roots that the go.work of dir
// lists.
func workspaceModules(dir string) map[string]bool {
	mods := map[string]bool{}
	file := goWork(dir)
	if file == "" {
		return mods
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return mods
	}
	wf, err := modfile.ParseWork(file, data, nil)
	if err != nil {
		return mods // go list reports it
	}
	for _, u := range wf.Use {
		p := filepath.FromSlash(u.Path)
		if !filepath.IsAbs(p) {
			p = filepath.Join(filepath.Dir(file), p)
		}
		mods[filepath.Clean(p)] = true
	}
	return mods
}

// nestedModules returns the roots of the modules below dir (relative to
// wd) that ./... in dir does not cover: directories with a go.mod of their
// own, as the go command skips them (and vendor, testdata, and directories
// whose names start with . or _). Those in the go.work or named by another
// group are left out.
func nestedModules(wd string, dirs []string, covered func(mod string) bool) []string {
	var found []string
	for _, dir := range dirs {
		root, err := filepath.Abs(dir)
		if err != nil {
			continue
		}
		filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
			if err != nil || !d.IsDir() || path == root {
				return nil
			}
			if skippedDir(d.Name()) {
				return filepath.SkipDir
			}
			if fi, err := os.Stat(filepath.Join(path, "go.mod")); err == nil && !fi.IsDir() {
				if !covered(path) {
					found = append(found, path)
				}
				return filepath.SkipDir // ./... inside it is its own business
			}
			return nil
		})
	}
	slices.Sort(found)
	return slices.Compact(found)
}
