package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
)

// goplsService is a service with findings under the configuration that
// make test-gopls builds into bin/gopls-test (gopls/testdata/apierrlint.yml:
// the catalog gopls/testdata/catalog.md, and a Retry-After value of 120).
// PET_GONE is documented there and not in the embedded default catalog.
const goplsService = `package svc

import (
	"net/http"

	"example.com/svc/respond"
)

func GetPet(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("id") {
	case "":
		respond.Error(w, http.StatusInternalServerError, "NOT_FOUND", "no id")
	case "adopted":
		respond.Error(w, http.StatusGone, "PET_GONE", "adopted")
	case "busy":
		respond.Error(w, http.StatusTooManyRequests, "RATE_LIMIT_EXCEEDED", "slow down")
	}
}
`

// goplsRespond is the service's error helper, in a package of its own: the
// findings in svc.go come through its fact.
const goplsRespond = `package respond

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code    string ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

// Error writes the documented error body with status.
func Error(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(apiError{Code: code, Message: message})
}
`

// TestGopls drives the gopls built with apierrlint inside (make gopls) over
// stdio as an editor does: it opens a file with findings and gets them as
// gopls diagnostics with rule ids, applies a quick fix, edits the file and
// sees the findings go. The findings come through an error helper in
// another package (facts across packages). APIERRLINT_GOPLS names the binary (make test-gopls
// builds bin/gopls-test and sets it); without it the test is skipped, unless
// APIERRLINT_REQUIRE_GOPLS is set (CI).
func TestGopls(t *testing.T) {
	gopls := goplsTest(t)
	if out, err := exec.Command(gopls, "version").CombinedOutput(); err != nil || !strings.Contains(string(out), "-apierrlint-") {
		t.Fatalf("%s version: %v\n%s (want a version stamped -apierrlint-HASH)", gopls, err, out)
	}

	// The service, with the configuration built into gopls beside it for
	// the apierrlint command, whose findings gopls must report alike.
	dir := t.TempDir()
	files := map[string]string{
		"go.mod":             "module example.com/svc\n\ngo 1.26\n",
		"svc.go":             goplsService,
		"respond/respond.go": goplsRespond,
	}
	for _, name := range []string{"apierrlint.yml", "catalog.md"} {
		data, err := os.ReadFile(filepath.Join("..", "..", "gopls", "testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		files[strings.Replace(name, "apierrlint.yml", ".apierrlint.yml", 1)] = string(data)
	}
	writeFiles(t, dir, files)
	out, code := run(t, dir, bin, "./...")
	var want []string // line:col: message
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(line, "svc.go:"); ok {
			want = append(want, rest)
		}
	}
	if code != 3 || len(want) != 2 {
		t.Fatalf("apierrlint ./...: exit code %d, output:\n%s\nwant two findings", code, out)
	}

	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	// A cache of gopls's own, so that the test never reads results that an
	// earlier gopls stored (gopls keys its cache on its executable anyway).
	cmd.Env = append(os.Environ(), "GOPLSCACHE="+t.TempDir())
	// gopls's default diagnosticsDelay (1 s) only slows the test down.
	c := startServer(t, cmd, map[string]any{"diagnosticsDelay": "0s"})
	var res struct {
		ServerInfo struct{ Name, Version string } `json:"serverInfo"`
	}
	c.mustCall("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          fileURI(dir),
		"workspaceFolders": []map[string]any{{"uri": fileURI(dir), "name": "svc"}},
		"capabilities": map[string]any{
			"textDocument": map[string]any{
				"publishDiagnostics": map[string]any{"versionSupport": true, "codeDescriptionSupport": true},
				"codeAction": map[string]any{
					"codeActionLiteralSupport": map[string]any{"codeActionKind": map[string]any{"valueSet": []string{"quickfix"}}},
				},
			},
			"workspace": map[string]any{"configuration": true},
		},
	}, &res)
	if !strings.Contains(res.ServerInfo.Version, "-apierrlint-") {
		t.Errorf("serverInfo.version %.100q: want the stamped version", res.ServerInfo.Version)
	}
	c.notify("initialized", map[string]any{})

	path := filepath.Join(dir, "svc.go")
	d := c.open(path, goplsService)
	findings := func(p publishedDiags) []lspDiagnostic {
		var ours []lspDiagnostic
		for _, diag := range p.Diagnostics {
			if diag.Source == "apierrlint" {
				ours = append(ours, diag)
			}
		}
		return ours
	}
	got := findings(c.waitDiagsFunc(d.uri, func(p publishedDiags) bool { return len(findings(p)) > 0 }))
	var retry lspDiagnostic
	var reported []string
	for _, diag := range got {
		reported = append(reported, fmt.Sprintf("%d:%d: %s", diag.Range.Start.Line+1, diag.Range.Start.Character+1, diag.Message))
		if !strings.HasPrefix(diag.Message, diag.Code+": ") || !strings.HasSuffix(diag.CodeDescription.Href, "#"+diag.Code) || diag.Severity != 2 {
			t.Errorf("%s: code %q, codeDescription %q, severity %d; want the rule id, a link to its documentation and a warning (2)", diag.Message, diag.Code, diag.CodeDescription.Href, diag.Severity)
		}
		if diag.Code == "missing-retry-after" {
			retry = diag
		}
	}
	sort.Strings(reported)
	if strings.Join(reported, "\n") != strings.Join(want, "\n") {
		t.Fatalf("gopls reports\n%s\napierrlint ./... reports\n%s", strings.Join(reported, "\n"), strings.Join(want, "\n"))
	}
	if !strings.Contains(strings.Join(want, "\n"), "status-mismatch: NOT_FOUND is documented with 404, sent with 500") || retry.Code == "" {
		t.Fatalf("want a status-mismatch and a missing-retry-after, and nothing on PET_GONE (documented only in the configured catalog); got\n%s", strings.Join(want, "\n"))
	}

	// The quick fix of missing-retry-after sets the configured value.
	var fix *codeAction
	actions := d.codeActions(retry.Range, []lspDiagnostic{retry})
	for i, a := range actions {
		if a.Kind == "quickfix" && strings.Contains(a.Title, "Retry-After") {
			fix = &actions[i]
		}
	}
	if fix == nil {
		t.Fatalf("no Retry-After quick fix among %+v", actions)
	}
	edits := fix.Edit.Changes[d.uri]
	for _, dc := range fix.Edit.DocumentChanges {
		if dc.TextDocument.URI == d.uri {
			edits = append(edits, dc.Edits...)
		}
	}
	if len(edits) == 0 {
		t.Fatalf("the quick fix %q edits nothing in %s: %+v", fix.Title, d.uri, fix.Edit)
	}
	d.edit(edits...)
	if !strings.Contains(d.text, `w.Header().Set("Retry-After", "120")`) {
		t.Fatalf("after the quick fix:\n%s\nwant the Retry-After header set to the configured 120", d.text)
	}
	p := c.waitDiags(d.uri, d.version)
	if got := findings(p); len(got) != 1 || got[0].Code != "status-mismatch" {
		t.Fatalf("after the quick fix: %+v, want only the status-mismatch", got)
	}

	// Fixing the status by hand removes the last finding.
	d.replace("respond.Error(w, http.StatusInternalServerError", "respond.Error(w, http.StatusNotFound")
	if got := findings(c.waitDiags(d.uri, d.version)); len(got) != 0 {
		t.Fatalf("after the edit: %+v, want no finding", got)
	}
	c.shutdown()
}

// goplsTest returns the gopls built with apierrlint that APIERRLINT_GOPLS
// names (make test-gopls builds bin/gopls-test and sets it); without it the
// test is skipped, unless APIERRLINT_REQUIRE_GOPLS is set (CI).
func goplsTest(t *testing.T) string {
	t.Helper()
	gopls := os.Getenv("APIERRLINT_GOPLS")
	if gopls == "" {
		if os.Getenv("APIERRLINT_REQUIRE_GOPLS") != "" {
			t.Fatal("APIERRLINT_REQUIRE_GOPLS is set but APIERRLINT_GOPLS names no gopls: run make test-gopls")
		}
		t.Skip("APIERRLINT_GOPLS is not set: make test-gopls builds gopls with apierrlint and runs this test")
	}
	return gopls
}

// TestGoplsRenderers: gopls built with apierrlint reports the findings that
// come through a renderer's facts (testdata/renderers, see
// TestRendererFacts), as the command does. Run by make test-gopls, as
// TestGopls.
func TestGoplsRenderers(t *testing.T) {
	gopls := goplsTest(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS("testdata/renderers")); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOPLSCACHE="+t.TempDir())
	c := startServer(t, cmd, map[string]any{"diagnosticsDelay": "0s"})
	c.mustCall("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          fileURI(dir),
		"workspaceFolders": []map[string]any{{"uri": fileURI(dir), "name": "rend"}},
		"capabilities":     map[string]any{"workspace": map[string]any{"configuration": true}},
	}, nil)
	c.notify("initialized", map[string]any{})
	rel := "svc/svc.go"
	d := c.open(filepath.Join(dir, rel), readFile(t, filepath.Join(dir, rel)))
	ours := func(p publishedDiags) publishedDiags {
		p.Diagnostics = slices.DeleteFunc(p.Diagnostics, func(d lspDiagnostic) bool { return d.Source != "apierrlint" })
		return p
	}
	p := ours(c.waitDiagsFunc(d.uri, func(p publishedDiags) bool { return len(ours(p).Diagnostics) >= len(rendererFindings) }))
	// gopls's message is the analyzer's, the rule id included (its code
	// repeats it): the findings are file:line:col: message, as the command's.
	var got []string
	for _, d := range p.Diagnostics {
		got = append(got, fmt.Sprintf("%s:%d:%d: %s", rel, d.Range.Start.Line+1, d.Range.Start.Character+1, d.Message))
	}
	diff(t, got, rendererFindings)
	c.shutdown()
}

// TestGoplsLatency measures a gopls's first diagnostics and its
// edit-to-diagnostics latency on a real module, for BENCHMARKS.md: run it
// once with a stock gopls and once with make gopls's. It runs only when
// asked:
//
//	APIERRLINT_GOPLS=bin/gopls APIERRLINT_GOPLS_BENCH=/path/to/gitea \
//	go test -count=1 -run TestGoplsLatency -v ./cmd/apierrlint
//
// The file and the edit are the language server benchmark's
// (APIERRLINT_LSP_BENCH_FILE, APIERRLINT_LSP_BENCH_EDIT, _N; see
// TestLSPLatency). APIERRLINT_GOPLS_DELAY sets gopls's diagnosticsDelay
// (default: gopls's own, 1s). First diagnostics: from didOpen to the first
// publication for the file that holds apierrlint's findings (with a stock
// gopls: the first publication); an edit: from didChange to the
// publication for that version.
func TestGoplsLatency(t *testing.T) {
	gopls, dir := os.Getenv("APIERRLINT_GOPLS"), os.Getenv("APIERRLINT_GOPLS_BENCH")
	if gopls == "" || dir == "" {
		t.Skip("set APIERRLINT_GOPLS to a gopls and APIERRLINT_GOPLS_BENCH to a module directory to measure it")
	}
	rel, a, b, n := benchEdit(t, 20)
	patched := false
	if out, err := exec.Command(gopls, "version").CombinedOutput(); err != nil {
		t.Fatalf("%s version: %v\n%s", gopls, err, out)
	} else {
		patched = strings.Contains(string(out), "-apierrlint-")
		t.Logf("%s", strings.TrimSpace(string(out)))
	}
	settings := map[string]any{}
	if delay := os.Getenv("APIERRLINT_GOPLS_DELAY"); delay != "" {
		settings["diagnosticsDelay"] = delay
	}
	cmd := exec.Command(gopls, "serve")
	cmd.Dir = dir
	c := startServer(t, cmd, settings)
	c.slow = true // a cold gopls cache takes more than a minute on gitea
	c.mustCall("initialize", map[string]any{
		"processId":        nil,
		"rootUri":          fileURI(dir),
		"workspaceFolders": []map[string]any{{"uri": fileURI(dir), "name": filepath.Base(dir)}},
		"capabilities": map[string]any{
			"textDocument": map[string]any{"publishDiagnostics": map[string]any{"versionSupport": true}},
			"workspace":    map[string]any{"configuration": true},
		},
	}, nil)
	c.notify("initialized", map[string]any{})
	ours := func(p publishedDiags) bool {
		for _, d := range p.Diagnostics {
			if d.Source == "apierrlint" {
				return true
			}
		}
		return !patched
	}

	path := filepath.Join(dir, rel)
	start := time.Now()
	d := c.open(path, readFile(t, path))
	p := c.waitDiagsFunc(d.uri, ours)
	t.Logf("%s: first diagnostics after %v: %d", rel, p.at.Sub(start).Round(time.Millisecond), len(p.Diagnostics))

	lat := editLatencies(d, a, b, n, func(p publishedDiags) bool { return ours(p) })
	t.Logf("%s: edit-to-diagnostics over %d edits: %s", rel, len(lat), summary(lat))
	if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid)); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM") {
				t.Logf("gopls %s", strings.Join(strings.Fields(line), " "))
			}
		}
	}
	c.shutdown()
}
