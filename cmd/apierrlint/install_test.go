package main_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

const modulePath = "github.com/apierrlint/apierrlint"

// TestInstallFromProxy installs apierrlint as a user meets it, once a
// version is tagged: a clean clone of the commit under test (HEAD: what is
// not committed is not in it) is served as a tagged version by a module
// proxy on the file system (the .info, .mod and .zip files that
// proxy.golang.org would serve, the zip written by golang.org/x/mod/zip), and
// in a fresh module that has a violation the README's install commands run
// as written, vX.Y.Z being that version: go get -tool and go tool
// apierrlint ./..., go install and apierrlint ./... (exit code 3 and the
// finding). Each installed binary says it is that version and has its
// embedded files (the catalog, the rules' pages). This catches a replace
// directive, a file the module zip leaves out, an embed that breaks and a
// package of a nested module that the main module needs.
//
// The version is v0.0.0-installtest.gREV, REV the commit: one commit is one
// content, so the module cache that go shares with the machine (where
// apierrlint's dependencies are already) never holds another content under
// that version.
func TestInstallFromProxy(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the install test builds apierrlint twice from a module proxy")
	}
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	clone := filepath.Join(tmp, "clone")
	if out, err := exec.Command("git", "clone", "-q", root, clone).CombinedOutput(); err != nil {
		t.Fatalf("git clone of the checkout: %v\n%s", err, out)
	}
	info, err := exec.Command("git", "-C", clone, "log", "-1", "--format=%H %cI").Output()
	if err != nil {
		t.Fatal(err)
	}
	rev, when, _ := strings.Cut(strings.TrimSpace(string(info)), " ")
	if status, _ := exec.Command("git", "-C", root, "status", "--porcelain", "--untracked-files=no").Output(); len(status) > 0 {
		t.Logf("testing commit %.12s; the checkout's uncommitted changes are not part of it", rev)
	}
	version := "v0.0.0-installtest.g" + rev[:12]

	proxy := filepath.Join(tmp, "proxy")
	serveModule(t, proxy, clone, version, when)

	user := filepath.Join(tmp, "user")
	setupDoc(t, "proxy", user)
	gobin := filepath.Join(tmp, "bin")
	goproxy, err := exec.Command("go", "env", "GOPROXY").Output()
	if err != nil {
		t.Fatal(err)
	}
	env := docEnv(
		"PATH="+gobin, // go install's apierrlint before the one under test
		"GOBIN="+gobin,
		"GOPROXY=file://"+filepath.ToSlash(proxy)+","+strings.TrimSpace(string(goproxy)),
		"GONOSUMDB="+modulePath, // not in the checksum database
		"GOPRIVATE=", "GONOPROXY=", "GOTOOLCHAIN=local",
	)

	var install [][]docBlock
	for _, s := range docScenarios(t) {
		if s[0].attrs["setup"] == "proxy" {
			install = append(install, s)
		}
	}
	if len(install) == 0 {
		t.Fatal("the README marks no install blocks (<!-- test: install setup=proxy -->)")
	}
	for _, blocks := range install {
		runScenario(t, blocks, user, env, strings.NewReplacer("vX.Y.Z", version))
	}
	if gomod := readFile(t, filepath.Join(user, "go.mod")); !strings.Contains(gomod, "\ntool "+modulePath+"/cmd/apierrlint\n") || !strings.Contains(gomod, modulePath+" "+version) {
		t.Errorf("go.mod after the install:\n%s", gomod)
	}

	// What each of the two builds says and has.
	for _, tool := range [][]string{{"go", "tool", "apierrlint"}, {filepath.Join(gobin, "apierrlint")}} {
		runTool := func(args ...string) (string, int) {
			cmd := exec.Command(tool[0], append(tool[1:], args...)...)
			cmd.Dir, cmd.Env = user, env
			out, err := cmd.CombinedOutput()
			if exit, ok := err.(*exec.ExitError); ok {
				return string(out), exit.ExitCode()
			} else if err != nil {
				t.Fatal(err)
			}
			return string(out), 0
		}
		name := strings.Join(tool, " ")
		if out, code := runTool("-version"); code != 0 || out != "apierrlint "+version+"\n" {
			t.Errorf("%s -version: exit %d, %q; want apierrlint %s", name, code, out, version)
		}
		out, code := runTool("./...")
		if want := "main.go:9:4: raw-http-error: http.Error sends a plain-text body; send a JSON error body with code NOT_FOUND (from the embedded default catalog)"; code != 3 || !strings.Contains(out, want) {
			t.Errorf("%s ./...: exit %d, output:\n%s\nwant exit 3 and %s", name, code, out, want)
		}
		if out, code := runTool("help", "raw-http-error"); code != 0 || !strings.HasPrefix(out, "# raw-http-error") {
			t.Errorf("%s help raw-http-error: exit %d\n%s", name, code, out)
		}
		if out, code := runTool("catalog"); code != 0 || !strings.Contains(out, "| NOT_FOUND | 404 |") {
			t.Errorf("%s catalog: exit %d\n%s", name, code, out)
		}
	}
}

// serveModule writes the module in dir as version into a file-system
// module proxy (GOPROXY=file://proxy): the version list, .info, .mod and
// the zip that the go command would download. The zip is what
// golang.org/x/mod/zip makes of the directory, as proxy.golang.org makes it
// of the tag: nested modules, VCS directories and vendored files left out.
func serveModule(t *testing.T, proxy, dir, version, when string) {
	t.Helper()
	checked, err := zip.CheckDir(dir)
	if err != nil {
		t.Fatalf("the module's files cannot be in a module zip: %v", err)
	}
	t.Logf("module zip: %d files; %d left out (nested modules and the like)", len(checked.Valid), len(checked.Omitted))
	at := filepath.Join(proxy, filepath.FromSlash(modulePath), "@v")
	if err := os.MkdirAll(at, 0o755); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(filepath.Join(at, version+".zip"))
	if err != nil {
		t.Fatal(err)
	}
	if err := zip.CreateFromDir(f, module.Version{Path: modulePath, Version: version}, dir); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(at, version+".mod"), readFile(t, filepath.Join(dir, "go.mod")))
	writeFile(t, filepath.Join(at, version+".info"), fmt.Sprintf("{\"Version\":%q,\"Time\":%q}\n", version, when))
	writeFile(t, filepath.Join(at, "list"), version+"\n")
}
