package main_test

import (
	"bufio"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Runnable documentation: the commands that README.md, CONTRIBUTING.md and
// the pages under docs/ give are run by the tests, so they cannot go stale.
// A fenced block is run when the line before it (blank lines between
// allowed) is a comment
//
//	<!-- test: NAME [setup=KIND] [file=PATH] [append=PATH] [dir=DIR] [exit=N] [output] [vars] -->
//
// The blocks of one page with the same NAME are a scenario, run in order in
// a fresh directory that the first block's setup prepares:
//
//   - setup=empty (the default): an empty directory;
//   - setup=module: a module, example.com/svc (go.mod only);
//   - setup=violation: that module with a handler that sends a plain-text
//     404, main.go:9: the finding of a first run;
//   - setup=examples: a copy of examples/, the example service;
//   - setup=proxy: the violation module with apierrlint served as a tagged
//     version from a module proxy; run by TestInstallFromProxy, which
//     replaces vX.Y.Z by that version, not by TestDocs.
//
// A block with file=PATH (or append=PATH) is written to (appended to) PATH.
// Any other block is a bash script (set -e) run in the directory (or in DIR
// below it) with apierrlint and go on PATH; exit=N is the exit code it must
// end with (default 0). A block with output holds what the script before it
// printed: each of its lines but "..." must be a line of that output, in
// order (stdout and stderr together).
//
// TestDocs runs every scenario but the proxy's. To cover a new page, mark
// its blocks; an unknown attribute or a marker without a block fails.

// docBlock is one marked fenced block.
type docBlock struct {
	page     string // relative to the repository root
	line     int    // of the marker
	scenario string
	attrs    map[string]string
	text     string
}

var docAttrs = []string{"setup", "file", "append", "dir", "exit", "output"}

var markerRE = regexp.MustCompile(`^<!-- test: (\S+)((?: [a-z]+(?:=\S+)?)*) -->$`)

// docScenarios reads the marked blocks of the documentation pages, in
// scenario order: by page, then by the first block's line.
func docScenarios(t *testing.T) [][]docBlock {
	t.Helper()
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"README.md", "CONTRIBUTING.md"}
	filepath.WalkDir(filepath.Join(root, "docs"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, _ := filepath.Rel(root, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	var scenarios [][]docBlock
	for _, page := range pages {
		data, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			t.Fatal(err)
		}
		index := map[string]int{}
		for _, b := range parseDocBlocks(t, page, string(data)) {
			i, ok := index[b.scenario]
			if !ok {
				i = len(scenarios)
				index[b.scenario] = i
				scenarios = append(scenarios, nil)
			}
			scenarios[i] = append(scenarios[i], b)
		}
	}
	return scenarios
}

// parseDocBlocks finds the marked blocks of one page.
func parseDocBlocks(t *testing.T, page, text string) []docBlock {
	t.Helper()
	lines := strings.Split(text, "\n")
	var blocks []docBlock
	for i := 0; i < len(lines); i++ {
		line := strings.TrimSpace(lines[i])
		if fence := line[:len(line)-len(strings.TrimLeft(line, "`"))]; len(fence) >= 3 {
			// An unmarked block: a marker shown inside it is text.
			for i++; i < len(lines) && strings.TrimSpace(lines[i]) != fence; i++ {
			}
			continue
		}
		if !strings.HasPrefix(line, "<!-- test:") {
			continue
		}
		m := markerRE.FindStringSubmatch(line)
		if m == nil {
			t.Errorf("%s:%d: malformed marker %q", page, i+1, line)
			continue
		}
		b := docBlock{page: page, line: i + 1, scenario: m[1], attrs: map[string]string{}}
		for _, a := range strings.Fields(m[2]) {
			k, v, _ := strings.Cut(a, "=")
			if !slices.Contains(docAttrs, k) {
				t.Errorf("%s:%d: unknown attribute %q (the attributes: %s)", page, i+1, k, strings.Join(docAttrs, ", "))
			}
			b.attrs[k] = v
		}
		j := i + 1
		for j < len(lines) && strings.TrimSpace(lines[j]) == "" {
			j++
		}
		fence := ""
		if j < len(lines) {
			trimmed := strings.TrimLeft(lines[j], " ")
			fence = trimmed[:len(trimmed)-len(strings.TrimLeft(trimmed, "`"))]
		}
		if len(fence) < 3 {
			t.Errorf("%s:%d: the marker is not followed by a fenced block", page, i+1)
			continue
		}
		indent := len(lines[j]) - len(strings.TrimLeft(lines[j], " "))
		var body []string
		for j++; j < len(lines) && strings.TrimSpace(lines[j]) != fence; j++ {
			body = append(body, strings.TrimPrefix(lines[j], strings.Repeat(" ", indent)))
		}
		b.text = strings.Join(body, "\n") + "\n"
		blocks = append(blocks, b)
		i = j
	}
	return blocks
}

// docEnv is the environment of the scripts: apierrlint (the binary under
// test, or extra's first PATH entry) and go on PATH, no workspace, the
// user's default GOFLAGS.
func docEnv(extra ...string) []string {
	env := []string{}
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if k != "PATH" && k != "GOFLAGS" && k != "GOWORK" && k != "GOPACKAGE" && k != "GOFILE" {
			env = append(env, kv)
		}
	}
	path := filepath.Dir(bin) + string(os.PathListSeparator) + os.Getenv("PATH")
	for _, kv := range extra {
		if p, ok := strings.CutPrefix(kv, "PATH="); ok {
			path = p + string(os.PathListSeparator) + path
			continue
		}
		env = append(env, kv)
	}
	return append(env, "PATH="+path, "GOFLAGS=", "GOWORK=off")
}

// runScenario runs the blocks of a scenario in dir, in order; replace
// rewrites each block's text first (vX.Y.Z for the install).
func runScenario(t *testing.T, blocks []docBlock, dir string, env []string, replace *strings.Replacer) {
	t.Helper()
	lastOut, lastAt := "", ""
	for _, b := range blocks {
		at := fmt.Sprintf("%s:%d", b.page, b.line)
		text := b.text
		if replace != nil {
			text = replace.Replace(text)
		}
		switch {
		case b.attrs["file"] != "":
			writeFile(t, filepath.Join(dir, b.attrs["file"]), text)
		case b.attrs["append"] != "":
			f, err := os.OpenFile(filepath.Join(dir, b.attrs["append"]), os.O_APPEND|os.O_WRONLY, 0)
			if err != nil {
				t.Fatalf("%s: %v", at, err)
			}
			f.WriteString(text)
			f.Close()
		case hasAttr(b, "output"):
			if lastAt == "" {
				t.Fatalf("%s: an output block with no script before it", at)
			}
			checkOutput(t, at, lastAt, text, lastOut)
		default:
			want := 0
			if s, ok := b.attrs["exit"]; ok {
				n, err := strconv.Atoi(s)
				if err != nil {
					t.Fatalf("%s: exit=%s", at, s)
				}
				want = n
			}
			cmd := exec.Command("bash", "-e", "-c", text)
			cmd.Dir = filepath.Join(dir, b.attrs["dir"])
			cmd.Env = env
			out, err := cmd.CombinedOutput()
			code := 0
			if exit, ok := err.(*exec.ExitError); ok {
				code = exit.ExitCode()
			} else if err != nil {
				t.Fatalf("%s: %v", at, err)
			}
			if code != want {
				t.Fatalf("%s: the script\n%s\nexited with %d, want %d; it printed:\n%s", at, text, code, want, out)
			}
			lastOut, lastAt = string(out), at
		}
	}
}

func hasAttr(b docBlock, name string) bool {
	_, ok := b.attrs[name]
	return ok
}

// checkOutput checks that each line of want but "..." is a line of got, in
// order.
func checkOutput(t *testing.T, at, scriptAt, want, got string) {
	t.Helper()
	gotLines := strings.Split(got, "\n")
	next := 0
	sc := bufio.NewScanner(strings.NewReader(want))
	for sc.Scan() {
		w := strings.TrimRight(sc.Text(), " ")
		if w == "..." || w == "" {
			continue
		}
		i := slices.IndexFunc(gotLines[next:], func(g string) bool { return strings.TrimRight(g, " ") == w })
		if i < 0 {
			t.Errorf("%s: the script at %s did not print (in this order)\n%s\nIt printed:\n%s", at, scriptAt, w, got)
			return
		}
		next += i + 1
	}
}

// setupDoc prepares a scenario's directory.
func setupDoc(t *testing.T, kind, dir string) {
	t.Helper()
	switch kind {
	case "", "empty":
	case "module":
		writeFile(t, filepath.Join(dir, "go.mod"), "module example.com/svc\n\ngo 1.26\n")
	case "violation", "proxy":
		writeFiles(t, dir, map[string]string{"go.mod": "module example.com/svc\n\ngo 1.26\n", "main.go": violation})
	case "examples":
		if err := os.CopyFS(dir, os.DirFS(examplesDir(t))); err != nil {
			t.Fatal(err)
		}
	default:
		t.Fatalf("unknown setup %q", kind)
	}
}

// violation is a service with one finding: main.go:9:4, raw-http-error.
const violation = `package main

import "net/http"

func main() {
	http.HandleFunc("GET /pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		// A plain-text 404: clients expect the JSON error body.
		if r.PathValue("id") != "1" {
			http.Error(w, "no such pet", http.StatusNotFound)
			return
		}
		w.Write([]byte(` + "`" + `{"id": "1", "name": "Rex"}` + "`" + `))
	})
	http.ListenAndServe(":8080", nil)
}
`

// TestDocs runs the documentation's marked blocks (see above): the first
// run, the catalog, gen's new service and the others, as a user would.
func TestDocs(t *testing.T) {
	scenarios := docScenarios(t)
	ran := 0
	for _, blocks := range scenarios {
		setup := blocks[0].attrs["setup"]
		if setup == "proxy" {
			continue
		}
		ran++
		name := strings.TrimSuffix(filepath.Base(blocks[0].page), ".md") + "/" + blocks[0].scenario
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			setupDoc(t, setup, dir)
			runScenario(t, blocks, dir, docEnv(), nil)
		})
	}
	if ran == 0 {
		t.Fatal("no marked blocks in the documentation")
	}
}

var linkRE = regexp.MustCompile(`\]\(([^)\s]+)\)`)

// TestDocLinks: every relative link of the documentation leads to a file
// of the repository, and to a heading (or an <a id>) of it when it names
// one, as GitHub renders them; so moving a section cannot leave a link
// behind.
func TestDocLinks(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	pages := []string{"README.md", "CONTRIBUTING.md", "CHANGELOG.md", "BENCHMARKS.md"}
	filepath.WalkDir(filepath.Join(root, "docs"), func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(path, ".md") {
			rel, _ := filepath.Rel(root, path)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return nil
	})
	anchors := map[string][]string{} // page -> its anchors
	anchorsOf := func(page string) []string {
		if a, ok := anchors[page]; ok {
			return a
		}
		data, _ := os.ReadFile(filepath.Join(root, page))
		anchors[page] = markdownAnchors(string(data))
		return anchors[page]
	}
	for _, page := range pages {
		data, err := os.ReadFile(filepath.Join(root, page))
		if err != nil {
			t.Fatal(err)
		}
		for n, line := range proseLines(string(data)) {
			for _, m := range linkRE.FindAllStringSubmatch(line, -1) {
				target := m[1]
				if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
					continue
				}
				file, anchor, _ := strings.Cut(target, "#")
				dest := page
				if file != "" {
					dest = filepath.ToSlash(filepath.Join(filepath.Dir(page), file))
					if _, err := os.Stat(filepath.Join(root, dest)); err != nil {
						t.Errorf("%s:%d: %s: no such file %s", page, n+1, target, dest)
						continue
					}
				}
				if anchor != "" && strings.HasSuffix(dest, ".md") && !slices.Contains(anchorsOf(dest), anchor) {
					t.Errorf("%s:%d: %s: %s has no heading #%s", page, n+1, target, dest, anchor)
				}
			}
		}
	}
}

// proseLines are a page's lines with those of fenced blocks blanked.
func proseLines(text string) []string {
	lines := strings.Split(text, "\n")
	fence := ""
	for i, l := range lines {
		t := strings.TrimSpace(l)
		f := t[:len(t)-len(strings.TrimLeft(t, "`"))]
		switch {
		case fence == "" && len(f) >= 3:
			fence = f
			lines[i] = ""
		case fence != "":
			if t == fence {
				fence = ""
			}
			lines[i] = ""
		}
	}
	return lines
}

var anchorIDRE = regexp.MustCompile(`<a id="([^"]+)">`)

// markdownAnchors are the anchors GitHub gives a page: each heading's slug
// (lower case, punctuation dropped, spaces to hyphens, -1, -2 for
// repeats) and each <a id>.
func markdownAnchors(text string) []string {
	var list []string
	seen := map[string]int{}
	for _, l := range proseLines(text) {
		for _, m := range anchorIDRE.FindAllStringSubmatch(l, -1) {
			list = append(list, m[1])
		}
		h := strings.TrimLeft(l, "#")
		if len(h) == len(l) || !strings.HasPrefix(h, " ") {
			continue
		}
		var b strings.Builder
		for _, r := range strings.ToLower(strings.TrimSpace(h)) {
			switch {
			case r == ' ':
				b.WriteByte('-')
			case r == '-' || r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r):
				b.WriteRune(r)
			}
		}
		slug := b.String()
		if n := seen[slug]; n > 0 {
			list = append(list, fmt.Sprintf("%s-%d", slug, n))
		} else {
			list = append(list, slug)
		}
		seen[slug]++
	}
	return list
}
