package main_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestNeovim runs the Neovim setups of docs/editors.md (editors/neovim/nvim-*.lua)
// that the installed Neovim supports, headless, on a file of the example
// service: the diagnostics of that file arrive with their rule ids. CI
// installs Debian's Neovim (0.7) and sets APIERRLINT_REQUIRE_NVIM; elsewhere,
// without nvim on PATH, the test is skipped.
func TestNeovim(t *testing.T) {
	nvim, err := exec.LookPath("nvim")
	if err != nil {
		if os.Getenv("APIERRLINT_REQUIRE_NVIM") != "" {
			t.Fatal("nvim is not installed, and APIERRLINT_REQUIRE_NVIM is set (CI)")
		}
		t.Skip("nvim is not installed")
	}
	out, err := exec.Command(nvim, "--version").Output()
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`NVIM v0\.(\d+)`).FindSubmatch(out)
	if m == nil {
		t.Fatalf("nvim --version: %s", out)
	}
	minor, _ := strconv.Atoi(string(m[1]))

	var want []string
	for _, e := range expected(t) {
		if rest, ok := strings.CutPrefix(e, "internal/handlers/pets.go:"); ok {
			parts := strings.SplitN(rest, ": ", 3) // line:col, rule, message
			want = append(want, parts[0]+" "+parts[1])
		}
	}
	editors, _ := filepath.Abs("../../editors/neovim")
	ran := 0
	for _, setup := range []struct {
		file  string
		since int
	}{{"nvim-0.7.lua", 7}, {"nvim-0.8.lua", 8}, {"nvim-0.11.lua", 11}} {
		if minor < setup.since {
			continue
		}
		ran++
		t.Run(setup.file, func(t *testing.T) {
			dir := examplesDir(t)
			cmd := exec.Command(nvim, "--headless", "-n", "-i", "NONE", "-u", filepath.Join(editors, setup.file),
				"internal/handlers/pets.go", "-c", "luafile "+filepath.Join(editors, "check.lua"))
			cmd.Dir = dir
			cmd.Env = append(os.Environ(), "PATH="+filepath.Dir(bin)+string(os.PathListSeparator)+os.Getenv("PATH"), "XDG_STATE_HOME="+t.TempDir())
			out, _ := cmd.CombinedOutput()
			var got []string
			for _, l := range strings.Split(string(out), "\n") {
				if f := strings.Fields(l); len(f) >= 2 && strings.Contains(f[0], ":") {
					got = append(got, f[0]+" "+f[1])
				}
			}
			if !strings.Contains(string(out), "done") {
				t.Fatalf("no diagnostics:\n%s", out)
			}
			diff(t, got, want)
		})
	}
	if ran == 0 {
		t.Fatalf("Neovim 0.%d is older than every setup", minor)
	}
}
