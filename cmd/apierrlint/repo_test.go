package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSizeCheck: .ci/check-size fails, naming the file, when a tracked file
// is over the limit, and passes otherwise.
func TestSizeCheck(t *testing.T) {
	script, err := filepath.Abs("../../.ci/check-size")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	git := func(args ...string) {
		t.Helper()
		if out, code := run(t, dir, "git", append([]string{"-c", "user.email=t@example.com", "-c", "user.name=t"}, args...)...); code != 0 {
			t.Fatalf("git %v: %s", args, out)
		}
	}
	git("init", "-q")
	os.WriteFile(filepath.Join(dir, "small.go"), []byte("package small\n"), 0o644)
	git("add", ".")
	if out, code := run(t, dir, script); code != 0 {
		t.Fatalf("small files: exit %d\n%s", code, out)
	}
	os.WriteFile(filepath.Join(dir, "apierrlint"), make([]byte, 2<<20), 0o755)
	git("add", ".")
	out, code := run(t, dir, script)
	if code == 0 || !strings.Contains(out, "2097152 apierrlint") {
		t.Errorf("a 2 MiB file: exit %d, output:\n%s", code, out)
	}
	// Ignored, it is not tracked and passes.
	git("rm", "-q", "--cached", "apierrlint")
	if out, code := run(t, dir, script); code != 0 {
		t.Errorf("after git rm --cached: exit %d\n%s", code, out)
	}
}
