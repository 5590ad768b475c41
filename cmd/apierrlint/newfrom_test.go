package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// git runs git in dir with a fixed identity, failing the test on error.
func git(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestNewFromRev: in a real git repository, -new-from-rev reports only the
// findings on lines changed since the revision (uncommitted changes and
// untracked files included, as golangci-lint does), and -new-from-patch
// those on the lines a patch adds; the summary says how many it left out.
func TestNewFromRev(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, baselineModule)
	git(t, dir, "init", "-q")
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "start")

	// A change: a new http.Error in Get (lines below it move), and an
	// untracked file with a finding.
	api := filepath.Join(dir, "api", "api.go")
	src := readFile(t, api)
	changed := strings.Replace(src, "\thttp.Error(w, \"missing b\", http.StatusBadRequest)\n",
		"\tif r.URL.Query().Get(\"c\") == \"\" {\n\t\thttp.Error(w, \"missing c\", http.StatusBadRequest)\n\t\treturn\n\t}\n\thttp.Error(w, \"missing b\", http.StatusBadRequest)\n", 1)
	writeFile(t, api, changed)
	writeFile(t, filepath.Join(dir, "api", "new.go"), "package api\n\nimport \"net/http\"\n\nfunc New(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n")

	all, _, _ := runSplit(t, dir, bin, "./...")
	if n := len(lines(all)); n != 5 {
		t.Fatalf("%d findings in all, want 5:\n%s", n, all)
	}
	want := "api/api.go:13:3: raw-http-error: http.Error sends a plain-text body; send a JSON error body with code BAD_REQUEST (from the embedded default catalog)\n" +
		"api/new.go:5:52: raw-http-error: http.NotFound sends a plain-text 404; send a JSON error body with code NOT_FOUND (from the embedded default catalog)\n"
	out, errOut, code := runSplit(t, dir, bin, "-new-from-rev=HEAD", "./...")
	if code != 3 || out != want || !strings.HasSuffix(errOut, "; 3 findings on lines the diff did not change not shown\n") {
		t.Errorf("-new-from-rev=HEAD: exit %d\nstdout:\n%swant:\n%sstderr: %s", code, out, want, errOut)
	}

	// Committed: the change is new since HEAD~1, nothing since HEAD.
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "change")
	if out, _, code := runSplit(t, dir, bin, "-new-from-rev=HEAD~1", "./..."); code != 3 || out != want {
		t.Errorf("-new-from-rev=HEAD~1: exit %d\n%s", code, out)
	}
	if out, errOut, code := runSplit(t, dir, bin, "-new-from-rev=HEAD", "./..."); code != 0 || out != "" || errOut != "no findings; 5 findings on lines the diff did not change not shown\n" {
		t.Errorf("-new-from-rev=HEAD after the commit: exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// The same change as a patch file, from a package's directory.
	patch := filepath.Join(t.TempDir(), "change.diff")
	os.WriteFile(patch, []byte(git(t, filepath.Join(dir, "api"), "diff", "--relative", "HEAD~1")), 0o644)
	out, _, code = runSplit(t, filepath.Join(dir, "api"), bin, "-new-from-patch="+patch, ".")
	if wantAPI := strings.ReplaceAll(want, "api/", ""); code != 3 || out != wantAPI {
		t.Errorf("-new-from-patch: exit %d\n%swant\n%s", code, out, wantAPI)
	}

	// Errors: a revision git does not know, a patch that is not one.
	_, errOut, code = runSplit(t, dir, bin, "-new-from-rev=nosuchrev", "./...")
	if code != 2 || !strings.HasPrefix(errOut, "apierrlint: -new-from-rev=nosuchrev: ") {
		t.Errorf("-new-from-rev=nosuchrev: exit %d, stderr %q", code, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.diff")
	os.WriteFile(bad, []byte("--- a/x.go\n+++ b/x.go\n@@ -1 +x @@\n"), 0o644)
	_, errOut, code = runSplit(t, dir, bin, "-new-from-patch="+bad, "./...")
	if code != 2 || !strings.HasPrefix(errOut, "apierrlint: -new-from-patch="+bad+": not a unified diff") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("-new-from-patch=bad: exit %d, stderr %q", code, errOut)
	}
}
