package main_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// actionRun runs the GitHub Action's script (.github/action/run.sh) in the
// workspace as the runner does for action.yml: GITHUB_ACTION_PATH is the
// action's checkout (this repository), RUNNER_TEMP and GITHUB_OUTPUT are
// the runner's, INPUT_* the inputs. It returns stdout, stderr, the exit
// code and what the step wrote to GITHUB_OUTPUT.
func actionRun(t *testing.T, workspace string, inputs map[string]string) (stdout, stderr string, code int, output string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	outFile := filepath.Join(tmp, "github-output")
	cmd := exec.Command(filepath.Join(repo, ".github", "action", "run.sh"))
	cmd.Dir = workspace
	cmd.Env = append(os.Environ(), "GITHUB_ACTION_PATH="+repo, "RUNNER_TEMP="+tmp, "GITHUB_OUTPUT="+outFile, "GITHUB_WORKSPACE="+workspace)
	for k, v := range inputs {
		cmd.Env = append(cmd.Env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+v)
	}
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err = cmd.Run()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(outFile)
	return o.String(), e.String(), code, string(data)
}

var warningRE = regexp.MustCompile(`^::warning file=([^,]+),line=(\d+),col=(\d+),endLine=\d+,endColumn=\d+,title=([a-z-]+)::(.*)$`)

// annotations turns the ::warning commands of out into findings,
// "file:line:col: message".
func annotations(t *testing.T, out string) []string {
	var list []string
	for _, l := range lines(out) {
		if m := warningRE.FindStringSubmatch(l); m != nil {
			if !strings.HasPrefix(m[5], m[4]+": ") {
				t.Errorf("title %q is not the message's rule: %s", m[4], l)
			}
			list = append(list, m[1]+":"+m[2]+":"+m[3]+": "+m[5])
		} else if strings.HasPrefix(l, "::warning") {
			t.Errorf("malformed annotation: %s", l)
		}
	}
	slices.Sort(list)
	return list
}

// expectedUnder returns the expected findings of an example, named from
// the workspace root.
func expectedUnder(t *testing.T, example, dir string) []string {
	data, err := os.ReadFile(filepath.Join(examplesDir(t), example, "expected.txt"))
	if err != nil {
		t.Fatal(err)
	}
	var list []string
	for _, l := range lines(string(data)) {
		list = append(list, dir+"/"+l)
	}
	return list
}

// TestAction runs the action's script on a repository with two modules
// (the gin and chi examples): annotations for both, relative to the
// repository root, and a failing step; SARIF merged into one run, written
// where the sarif-file output says; the baseline and new-from-rev inputs;
// bad inputs.
func TestAction(t *testing.T) {
	ws := t.TempDir()
	for _, ex := range []string{"gin", "chi"} {
		if err := os.CopyFS(filepath.Join(ws, "services", ex), os.DirFS(filepath.Join(examplesDir(t), ex))); err != nil {
			t.Fatal(err)
		}
	}
	git(t, ws, "init", "-q")
	git(t, ws, "add", ".")
	git(t, ws, "commit", "-q", "-m", "start")
	want := append(expectedUnder(t, "gin", "services/gin"), expectedUnder(t, "chi", "services/chi")...)
	slices.Sort(want)

	// format github (the default), two working directories.
	out, errOut, code, _ := actionRun(t, ws, map[string]string{"working-directory": "services/gin\n  services/chi  \n\n"})
	if code != 3 {
		t.Errorf("github: exit %d, want 3 (findings)\n%s", code, errOut)
	}
	diff(t, annotations(t, out), want)

	// format sarif: one run with both modules' results; the step passes.
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	_, errOut, code, output := actionRun(t, ws, map[string]string{
		"working-directory": "services/gin\nservices/chi", "format": "sarif", "sarif-file": sarifPath, "fail-on-findings": "false",
	})
	if code != 0 || strings.TrimSpace(output) != "sarif-file="+sarifPath {
		t.Fatalf("sarif: exit %d, GITHUB_OUTPUT %q\n%s", code, output, errOut)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(readFile(t, sarifPath)), &log); err != nil || len(log.Runs) != 1 {
		t.Fatalf("sarif: %v, %d runs", err, len(log.Runs))
	}
	var got []string
	for _, r := range log.Runs[0].Results {
		loc := r.Locations[0].PhysicalLocation
		got = append(got, loc.ArtifactLocation.URI+":"+strconv.Itoa(loc.Region.StartLine))
	}
	var wantLines []string
	for _, w := range want {
		f := strings.SplitN(w, ":", 3)
		wantLines = append(wantLines, f[0]+":"+f[1])
	}
	slices.Sort(got)
	slices.Sort(wantLines)
	if !slices.Equal(got, wantLines) {
		t.Errorf("sarif results:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(wantLines, "\n"))
	}

	// baseline: nothing new in chi.
	chi := filepath.Join(ws, "services", "chi")
	if _, errOut, code := runSplit(t, chi, bin, "-write-baseline=.apierrlint-baseline.json", "./..."); code != 0 {
		t.Fatalf("-write-baseline: %d\n%s", code, errOut)
	}
	out, errOut, code, _ = actionRun(t, ws, map[string]string{"working-directory": "services/chi", "baseline": ".apierrlint-baseline.json"})
	if code != 0 || len(annotations(t, out)) != 0 || !strings.Contains(errOut, "hid 24 findings") {
		t.Errorf("baseline: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}

	// new-from-rev: only the line changed since HEAD.
	main := filepath.Join(chi, "cmd", "server", "main.go")
	src := readFile(t, main)
	if !strings.Contains(src, "\nfunc main() {") {
		t.Fatalf("examples/chi/cmd/server/main.go has no func main")
	}
	writeFile(t, main, strings.Replace(src, "\nfunc main() {", "\nfunc gone(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n\nfunc main() {", 1))
	out, errOut, code, _ = actionRun(t, ws, map[string]string{"working-directory": "services/chi", "new-from-rev": "HEAD"})
	if got := annotations(t, out); code != 3 || len(got) != 1 || !strings.HasPrefix(got[0], "services/chi/cmd/server/main.go:") || !strings.Contains(got[0], "http.NotFound sends a plain-text 404") {
		t.Errorf("new-from-rev: exit %d, annotations %q\n%s", code, got, errOut)
	}

	// Bad inputs: an error annotation and exit 2.
	for _, in := range []map[string]string{{"format": "xml"}, {"working-directory": "nowhere"}, {"args": "-no-such-flag"}} {
		out, errOut, code, _ := actionRun(t, ws, in)
		if code != 2 || (!strings.Contains(out, "::error title=apierrlint::") && !strings.Contains(errOut, "unknown flag -no-such-flag")) {
			t.Errorf("%v: exit %d, stdout:\n%s\nstderr:\n%s", in, code, out, errOut)
		}
	}
}
