package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// lspFindings renders diagnostics like the command's output (file:line:col:
// rule: message, 1-based, the column in UTF-16 units) for comparison with
// examples/expected.txt.
func lspFindings(dir string, p publishedDiags) []string {
	var list []string
	path := strings.TrimPrefix(p.URI, fileURI(dir)+"/")
	for _, d := range p.Diagnostics {
		list = append(list, fmt.Sprintf("%s:%d:%d: %s: %s", path, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Code, d.Message))
	}
	slices.Sort(list)
	return list
}

// expectedFor returns the expected findings of one file of the examples.
func expectedFor(t *testing.T, rel string) []string {
	var want []string
	for _, e := range expected(t) {
		if strings.HasPrefix(e, rel+":") {
			want = append(want, e)
		}
	}
	return want
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestLSP drives the server as an editor does: open a file, get its
// diagnostics; edit it, get updated ones; ask for the quick fix of one and
// apply it, the diagnostic goes away; a malformed request gets an error and
// the server keeps running; shutdown and exit.
func TestLSP(t *testing.T) {
	dir := copyExamples(t)
	c := startLSP(t, dir, "-v")
	rel := "internal/handlers/pets.go"
	path := filepath.Join(dir, rel)
	d := c.open(path, readFile(t, path))

	// Open: the file's findings, as the command reports them.
	p := c.waitDiags(d.uri, 1)
	diff(t, lspFindings(dir, p), expectedFor(t, rel))
	for _, diag := range p.Diagnostics {
		if diag.Severity != 2 || diag.Source != "apierrlint" ||
			diag.CodeDescription.Href != "https://github.com/apierrlint/apierrlint/blob/main/docs/rules/"+diag.Code+".md" {
			t.Errorf("diagnostic fields: %+v", diag)
		}
		if diag.Range.End == diag.Range.Start {
			t.Errorf("empty range: %+v", diag)
		}
	}

	// Edit (unsaved): a new violation appears, one disappears.
	d.replace("\t\thttp.NotFound(w, r)\n", "\t\thttp.Error(w, \"gone\", http.StatusGone)\n")
	p = c.waitDiags(d.uri, 2)
	got := lspFindings(dir, p)
	if hasFinding(got, rel+":57:3: raw-http-error: http.NotFound") || !hasFinding(got, rel+":57:3: raw-http-error: http.Error sends a plain-text body") {
		t.Errorf("after the edit:\n%s", strings.Join(got, "\n"))
	}
	if len(got) != len(expectedFor(t, rel)) {
		t.Errorf("after the edit: %d findings, want %d", len(got), len(expectedFor(t, rel)))
	}

	// Quick fix: the unknown code NOT_FOUDN in users.go (another file of the
	// package, opened now) becomes NOT_FOUND.
	urel := "internal/handlers/users.go"
	upath := filepath.Join(dir, urel)
	u := c.open(upath, readFile(t, upath))
	p = c.waitDiags(u.uri, 1)
	diff(t, lspFindings(dir, p), expectedFor(t, urel))
	var target lspDiagnostic
	for _, diag := range p.Diagnostics {
		if diag.Code == "unknown-code" && strings.Contains(diag.Message, "NOT_FOUDN") {
			target = diag
		}
	}
	if target.Code == "" {
		t.Fatalf("no unknown-code diagnostic for NOT_FOUDN in %+v", p.Diagnostics)
	}
	actions := u.codeActions(target.Range, []lspDiagnostic{target})
	if len(actions) != 1 {
		t.Fatalf("code actions: %+v", actions)
	}
	a := actions[0]
	if a.Kind != "quickfix" || !a.IsPreferred || len(a.Diagnostics) != 1 || a.Diagnostics[0].Code != "unknown-code" ||
		len(a.Edit.Changes[u.uri]) == 0 || len(a.Edit.Changes) != 1 {
		t.Fatalf("code action: %+v", a)
	}
	u.edit(a.Edit.Changes[u.uri]...)
	if !strings.Contains(u.text, `"NOT_FOUND"`) {
		t.Errorf("the fix did not write NOT_FOUND:\n%s", u.text)
	}
	p = c.waitDiags(u.uri, 2)
	got = lspFindings(dir, p)
	var want []string
	for _, e := range expectedFor(t, urel) {
		if !strings.Contains(e, "NOT_FOUDN") {
			want = append(want, e)
		}
	}
	diff(t, got, want) // the others are still reported: the fixed code type-checks

	// A code action asked for a range without diagnostics: nothing.
	if actions := u.codeActions(lspRange{}, nil); len(actions) != 0 {
		t.Errorf("code actions at 0:0: %+v", actions)
	}

	// Malformed messages get errors; the server keeps running.
	resp := c.call("textDocument/codeAction", map[string]any{"textDocument": 42})
	if resp.Error == nil || resp.Error.Code != -32602 {
		t.Errorf("codeAction with bad params: %+v", resp)
	}
	if resp := c.call("textDocument/noSuchMethod", map[string]any{}); resp.Error == nil || resp.Error.Code != -32601 {
		t.Errorf("unknown method: %+v", resp)
	}
	c.sendRaw([]byte(`{"jsonrpc": "2.0", "id": 1000, "method": `))
	if resp := c.nullReply(); resp.Error == nil || resp.Error.Code != -32700 {
		t.Errorf("invalid JSON: %+v", resp)
	}
	c.notify("textDocument/didChange", map[string]any{"textDocument": "not an object"})
	c.notify("textDocument/didChange", map[string]any{
		"textDocument":   map[string]any{"uri": d.uri, "version": 3},
		"contentChanges": []any{map[string]any{"range": lspRange{Start: lspPosition{Line: 10000}, End: lspPosition{Line: 10000}}, "text": "x"}},
	})
	d.replace("http.Error(w, \"gone\", http.StatusGone)", "http.NotFound(w, r)")
	p = c.waitDiags(d.uri, d.version)
	diff(t, lspFindings(dir, p), expectedFor(t, rel))

	// The files of a package with an open file are all reported (from disk
	// when they are not open); closing the package's last file clears them.
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": d.uri}})
	p = c.waitDiagsFunc(d.uri, func(p publishedDiags) bool { return p.Version == nil })
	diff(t, lspFindings(dir, p), expectedFor(t, rel))
	c.notify("textDocument/didClose", map[string]any{"textDocument": map[string]any{"uri": u.uri}})
	for _, uri := range []string{d.uri, u.uri} {
		c.waitDiagsFunc(uri, func(p publishedDiags) bool { return p.Version == nil && len(p.Diagnostics) == 0 })
	}

	// The server asked the client to watch Go files and go.mod (the client
	// announced dynamic registration).
	c.mu.Lock()
	if !slices.Contains(c.requests, "client/registerCapability") {
		t.Errorf("requests from the server: %v, want client/registerCapability", c.requests)
	}
	c.mu.Unlock()

	c.shutdown()
	if code := c.cmd.ProcessState.ExitCode(); code != 0 {
		t.Errorf("exit code %d", code)
	}
}

// TestLSPUTF16: LSP positions count UTF-16 code units. A line with "é" (two
// bytes, one unit) and an emoji (four bytes, two units) before a flagged
// call: the ranges, an incremental edit after them and the quick fix's
// edits all use UTF-16 characters.
func TestLSPUTF16(t *testing.T) {
	dir := copyExamples(t)
	path := filepath.Join(dir, "internal/handlers/unicode.go")
	text := "package handlers\n\nimport (\n\t\"net/http\"\n\n\t\"example.com/petstore/internal/apierr\"\n)\n\n" +
		"var _ = apierr.Write\n\nfunc Unicode(w http.ResponseWriter, r *http.Request) {\n" +
		"\t/* é 😀 */ http.NotFound(w, r)\n" +
		"}\n"
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	c := startLSP(t, dir, "-v")
	d := c.open(path, text)
	p := c.waitDiags(d.uri, 1)
	call := "http.NotFound(w, r)"
	start := strings.Index(d.text, call)
	want := lspRange{Start: positionOf(d.text, start), End: positionOf(d.text, start+len(call))}
	if want.Start != (lspPosition{Line: 11, Character: 12}) || want.End.Character != 31 {
		t.Fatalf("test bug: %+v", want) // 15 and 34 in bytes
	}
	if len(p.Diagnostics) != 1 || p.Diagnostics[0].Range != want {
		t.Fatalf("diagnostics %+v, want one at %+v", p.Diagnostics, want)
	}

	// An incremental edit after the emoji: a second call on the same line.
	d.edit(textEdit{Range: lspRange{Start: want.End, End: want.End}, NewText: "; /* ü */ " + call})
	p = c.waitDiags(d.uri, 2)
	second := strings.LastIndex(d.text, call)
	want2 := lspRange{Start: positionOf(d.text, second), End: positionOf(d.text, second+len(call))}
	if len(p.Diagnostics) != 2 || p.Diagnostics[0].Range != want || p.Diagnostics[1].Range != want2 {
		t.Fatalf("after the edit: %+v, want %+v and %+v", p.Diagnostics, want, want2)
	}

	// The quick fixes, applied in UTF-16 positions, remove both.
	for i := 0; i < 2; i++ {
		target := p.Diagnostics[len(p.Diagnostics)-1]
		actions := d.codeActions(target.Range, []lspDiagnostic{target})
		if len(actions) != 1 {
			t.Fatalf("code actions: %+v", actions)
		}
		d.edit(actions[0].Edit.Changes[d.uri]...)
		p = c.waitDiags(d.uri, d.version)
	}
	if len(p.Diagnostics) != 0 {
		t.Errorf("after the fixes: %+v\n%s", p.Diagnostics, d.text)
	}
	if !strings.Contains(d.text, "\t/* é 😀 */ apierr.") || !strings.Contains(d.text, "; /* ü */ apierr.") {
		t.Errorf("fixes applied at the wrong place:\n%s", d.text)
	}
	if err := os.WriteFile(path, []byte(d.text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Errorf("the fixed code does not build:\n%s\n%s", out, d.text)
	}
	c.shutdown()
}

// TestLSPWorkspace: files of several packages of two modules open at once;
// a burst of edits is debounced (not every version is analyzed) and ends
// with the right diagnostics; an edit to a helper in another package updates
// the diagnostics of the open files that call it (facts flow from the edited
// package, unsaved, to its importers); a file that does not type-check
// keeps the other files' diagnostics.
func TestLSPWorkspace(t *testing.T) {
	root := t.TempDir()
	examples := filepath.Join(root, "examples")
	if err := os.CopyFS(examples, os.DirFS(examplesDir(t))); err != nil {
		t.Fatal(err)
	}
	files := map[string]string{
		"svc/go.mod":           "module example.com/svc\n\ngo 1.26\n",
		"svc/apierr/apierr.go": helperModuleTree["apierr/apierr.go"], // the same error helper
		"svc/handler/handler.go": `package handler

import (
	"net/http"

	"example.com/svc/apierr"
)

func Handler(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, 500, "NOT_FOUND", "x")
}
`,
	}
	writeFiles(t, root, files)
	c := startLSP(t, root, "-v", "-debounce=300ms")

	// Two packages of the examples module, two of the svc module.
	var docs []*doc
	for _, rel := range []string{"internal/middleware/ratelimit.go", "internal/handlers/orders.go"} {
		path := filepath.Join(examples, rel)
		docs = append(docs, c.open(path, readFile(t, path)))
	}
	helper := c.open(filepath.Join(root, "svc/apierr/apierr.go"), files["svc/apierr/apierr.go"])
	handler := c.open(filepath.Join(root, "svc/handler/handler.go"), files["svc/handler/handler.go"])
	for i, rel := range []string{"internal/middleware/ratelimit.go", "internal/handlers/orders.go"} {
		diff(t, lspFindings(examples, c.waitDiags(docs[i].uri, 1)), expectedFor(t, rel))
	}
	if p := c.waitDiags(helper.uri, 1); len(p.Diagnostics) != 0 {
		t.Errorf("apierr.go: %+v", p.Diagnostics)
	}
	mismatch := "handler.go:10:2: status-mismatch: NOT_FOUND is documented with 404, sent with %d"
	if got := lspFindings(filepath.Join(root, "svc/handler"), c.waitDiags(handler.uri, 1)); !slices.Equal(got, []string{fmt.Sprintf(mismatch, 500)}) {
		t.Errorf("handler.go: %q", got)
	}

	// A burst of edits: only the last state matters.
	c.mu.Lock()
	before := len(c.diagLog)
	c.mu.Unlock()
	for _, status := range []string{"501", "502", "503", "504"} {
		handler.replace(handler.text[strings.Index(handler.text, "(w, ")+4:strings.Index(handler.text, `, "NOT_FOUND"`)], status)
	}
	p := c.waitDiags(handler.uri, handler.version)
	if got := lspFindings(filepath.Join(root, "svc/handler"), p); !slices.Equal(got, []string{fmt.Sprintf(mismatch, 504)}) {
		t.Errorf("handler.go after the burst: %q", got)
	}
	c.mu.Lock()
	var versions []int
	for _, p := range c.diagLog[before:] {
		if p.URI == handler.uri && p.Version != nil {
			versions = append(versions, *p.Version)
		}
	}
	c.mu.Unlock()
	if len(versions) >= 4 {
		t.Errorf("every version of the burst was published (%v): no debouncing", versions)
	}

	// The helper, edited (unsaved), now always sends 404: the call site's
	// mismatch goes away, in the other package.
	helper.replace("w.WriteHeader(status)", "w.WriteHeader(http.StatusNotFound)")
	c.waitDiags(helper.uri, helper.version)
	p = c.waitDiagsFunc(handler.uri, func(p publishedDiags) bool { return len(p.Diagnostics) == 0 })
	if *p.Version != handler.version {
		t.Errorf("handler.go published with version %d, want %d", *p.Version, handler.version)
	}
	helper.replace("w.WriteHeader(http.StatusNotFound)", "w.WriteHeader(status)")
	c.waitDiagsFunc(handler.uri, func(p publishedDiags) bool { return len(p.Diagnostics) == 1 })

	// A syntax error in orders.go (typing in progress): the package cannot be
	// analyzed; the diagnostics of its other open files stay, those of
	// orders.go are withdrawn until it parses again.
	orders := docs[1]
	users := c.open(filepath.Join(examples, "internal/handlers/users.go"), readFile(t, filepath.Join(examples, "internal/handlers/users.go")))
	usersWant := expectedFor(t, "internal/handlers/users.go")
	diff(t, lspFindings(examples, c.waitDiags(users.uri, 1)), usersWant)
	orders.replace("func ", "func (")
	if p := c.waitDiags(orders.uri, orders.version); len(p.Diagnostics) != 0 {
		t.Errorf("orders.go does not parse, still reported: %+v", p.Diagnostics)
	}
	diff(t, lspFindings(examples, c.waitDiags(users.uri, -1)), usersWant)
	orders.replace("func (", "func ")
	diff(t, lspFindings(examples, c.waitDiags(orders.uri, orders.version)), expectedFor(t, "internal/handlers/orders.go"))
	// An unused variable (a soft error: the types are complete) does not
	// stop the analysis.
	users.edit(textEdit{Range: lspRange{Start: positionOf(users.text, len(users.text)), End: positionOf(users.text, len(users.text))},
		NewText: "\nfunc unusedVar() { x := 1 }\n"})
	diff(t, lspFindings(examples, c.waitDiags(users.uri, users.version)), usersWant)

	// A new file, not saved yet, in an existing package; then a new import
	// (the package graph is reloaded with the unsaved text).
	fresh := c.open(filepath.Join(examples, "internal/middleware/fresh.go"),
		"package middleware\n\nimport \"net/http\"\n\nfunc Fresh(w http.ResponseWriter, r *http.Request) {\n\thttp.NotFound(w, r)\n}\n")
	if got := lspFindings(examples, c.waitDiags(fresh.uri, 1)); len(got) != 1 || !strings.Contains(got[0], "fresh.go:6:2: raw-http-error") {
		t.Errorf("fresh.go: %q", got)
	}
	fresh.replace("import \"net/http\"\n", "import (\n\t\"net/http\"\n\t\"net/url\"\n)\n\nvar _ url.URL\n")
	if got := lspFindings(examples, c.waitDiags(fresh.uri, 2)); len(got) != 1 || !strings.Contains(got[0], "fresh.go:11:2: raw-http-error") {
		t.Errorf("fresh.go after a new import: %q", got)
	}

	// A file created on disk (by a git checkout, say), reported by the
	// client's file watcher: it joins its package, which has open files.
	disk := filepath.Join(examples, "internal/middleware/disk.go")
	if err := os.WriteFile(disk, []byte("package middleware\n\nimport \"net/http\"\n\nfunc Disk(w http.ResponseWriter) {\n\thttp.Error(w, \"x\", 500)\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(disk), "type": 1}}})
	p = c.waitDiags(fileURI(disk), -1)
	if got := lspFindings(examples, p); len(got) != 1 || !strings.Contains(got[0], "disk.go:6:2: raw-http-error") || p.Version != nil {
		t.Errorf("disk.go: %q (version %v)", got, p.Version)
	}

	c.shutdown()
}

// TestLSPTests: with -tests, test files are analyzed too (the package's test
// variant stands for it), and the package's own files keep their findings.
func TestLSPTests(t *testing.T) {
	dir := copyExamples(t)
	rel := "internal/handlers/handlers_test.go"
	test := filepath.Join(dir, rel)
	text := readFile(t, test) + "\nfunc TestX(t *testing.T) { http.NotFound(nil, nil) }\n"
	if err := os.WriteFile(test, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := run(t, dir, bin, "-tests", "./internal/handlers")
	var want []string
	for _, f := range findings(dir, out) {
		if strings.HasPrefix(f, rel+":") {
			want = append(want, f)
		}
	}
	if !hasFinding(want, fmt.Sprintf("%s:%d:28: raw-http-error", rel, strings.Count(text, "\n"))) {
		t.Fatalf("test bug: the command does not report the new test's finding:\n%s", out)
	}

	c := startLSP(t, dir, "-tests")
	d := c.open(test, text)
	diff(t, lspFindings(dir, c.waitDiags(d.uri, 1)), want)
	pets := filepath.Join(dir, "internal/handlers/pets.go")
	diff(t, lspFindings(dir, c.waitDiagsFunc(fileURI(pets), func(publishedDiags) bool { return true })), expectedFor(t, "internal/handlers/pets.go"))
	c.shutdown()
}

// TestLSPHelperModules: -helper-modules makes the server check another
// module's packages from source for their facts, as the command does.
func TestLSPHelperModules(t *testing.T) {
	root := t.TempDir()
	writeFiles(t, root, helperModuleTree)
	dir := filepath.Join(root, "svc")
	for _, c := range []struct {
		args  []string
		found bool
	}{{nil, false}, {[]string{"-helper-modules=example.com/apierr"}, true}} {
		s := startLSP(t, dir, c.args...)
		d := s.open(filepath.Join(dir, "svc.go"), helperModuleTree["svc/svc.go"])
		got := lspFindings(dir, s.waitDiags(d.uri, 1))
		want := "svc.go:10:2: status-mismatch: NOT_FOUND is documented with 404, sent with 500"
		if slices.Contains(got, want) != c.found || len(got) > 1 {
			t.Errorf("%v: %q, want found=%v", c.args, got, c.found)
		}
		s.shutdown()
	}
}

// TestLSPNewRulesAndFrameworks: the language server reports error-body-shape
// and retry-after-format (examples/internal/handlers/export.go), and
// findings in a framework's handlers (examples/gin), as the command does.
func TestLSPNewRulesAndFrameworks(t *testing.T) {
	dir := copyExamples(t)
	c := startLSP(t, dir)
	rel := "internal/handlers/export.go"
	d := c.open(filepath.Join(dir, rel), readFile(t, filepath.Join(dir, rel)))
	want := expectedFor(t, rel)
	if len(want) != 2 {
		t.Fatalf("examples/expected.txt has %d findings in %s, want the two of the new rules", len(want), rel)
	}
	diff(t, lspFindings(dir, c.waitDiags(d.uri, 1)), want)
	c.shutdown()

	gin := filepath.Join(dir, "gin")
	g := startLSP(t, gin)
	rel = "internal/handlers/reports.go"
	d = g.open(filepath.Join(gin, rel), readFile(t, filepath.Join(gin, rel)))
	data, err := os.ReadFile(filepath.Join(gin, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var wantGin []string
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if strings.HasPrefix(l, rel+":") {
			wantGin = append(wantGin, l)
		}
	}
	if len(wantGin) == 0 {
		t.Fatalf("examples/gin/expected.txt has no finding in %s", rel)
	}
	diff(t, lspFindings(gin, g.waitDiags(d.uri, 1)), wantGin)
	g.shutdown()
}

// TestLSPRenderers: the language server reports the findings that come
// through a renderer's facts (testdata/renderers, see TestRendererFacts).
func TestLSPRenderers(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/renderers")); err != nil {
		t.Fatal(err)
	}
	c := startLSP(t, dir)
	rel := "svc/svc.go"
	d := c.open(filepath.Join(dir, rel), readFile(t, filepath.Join(dir, rel)))
	diff(t, lspFindings(dir, c.waitDiags(d.uri, 1)), rendererFindings)
	c.shutdown()
}

// TestLSPConfigReload: the language server reads the module's
// .apierrlint.yml and, when it or its catalog changes on disk, analyzes
// again with the new configuration, without a restart.
func TestLSPConfigReload(t *testing.T) {
	dir := withConfig(t, "catalog: docs/errors.md\n", same)
	c := startLSP(t, dir)
	rel := "internal/handlers/pets.go"
	path := filepath.Join(dir, rel)
	d := c.open(path, readFile(t, path))
	before := lspFindings(dir, c.waitDiags(d.uri, 1))
	if !hasText(before, "NOT_FOUND is documented with 404") {
		t.Fatalf("before the edit:\n%s", strings.Join(before, "\n"))
	}
	cat := filepath.Join(dir, "docs", "errors.md")
	data, _ := os.ReadFile(cat)
	os.WriteFile(cat, []byte(notFoundIs410(string(data))), 0o644)
	c.notify("workspace/didChangeWatchedFiles", map[string]any{"changes": []any{map[string]any{"uri": fileURI(cat), "type": 2}}})
	after := lspFindings(dir, c.waitDiagsFunc(d.uri, func(p publishedDiags) bool {
		return hasText(lspFindings(dir, p), "NOT_FOUND is documented with 410")
	}))
	out, _ := run(t, dir, bin, "./internal/handlers")
	var want []string
	for _, f := range findings(dir, out) {
		if strings.HasPrefix(f, rel+":") {
			want = append(want, f)
		}
	}
	diff(t, after, want)
	c.shutdown()
}
