package main_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// actionRun runs the GitHub Action's script (.github/action/run.sh) in the
// workspace as the runner does for action.yml: GITHUB_ACTION_PATH is the
// action's checkout (this repository), RUNNER_TEMP the job's temporary
// directory (shared by the steps of a job), GITHUB_OUTPUT the step's
// output file, INPUT_* the inputs. It returns stdout, stderr, the exit
// code and what the step wrote to GITHUB_OUTPUT.
func actionRun(t *testing.T, workspace, runnerTemp string, inputs map[string]string) (stdout, stderr string, code int, output string) {
	t.Helper()
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	tmp := runnerTemp
	outFile := filepath.Join(t.TempDir(), "github-output")
	env := []string{"GITHUB_ACTION_PATH=" + repo, "RUNNER_TEMP=" + tmp, "GITHUB_OUTPUT=" + outFile, "GITHUB_WORKSPACE=" + workspace}
	for k, v := range inputs {
		env = append(env, "INPUT_"+strings.ToUpper(strings.ReplaceAll(k, "-", "_"))+"="+v)
	}
	stdout, stderr, code = runSplitEnv(t, workspace, env, filepath.Join(repo, ".github", "action", "run.sh"))
	data, _ := os.ReadFile(outFile)
	return stdout, stderr, code, string(data)
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

// findingsUnder runs the command in root/dir and returns its findings,
// named from root.
func findingsUnder(t *testing.T, root, dir string) []string {
	out, _, _ := runSplit(t, filepath.Join(root, dir), bin, "./...")
	var list []string
	for _, l := range lines(out) {
		list = append(list, dir+"/"+l)
	}
	return list
}

// TestAction runs the action's script on a repository with two modules:
// annotations for both, relative to the repository root, and a failing
// step; SARIF merged into one run, written where the sarif-file output
// says; the baseline and new-from-rev inputs; bad inputs.
func TestAction(t *testing.T) {
	ws := t.TempDir()
	writeFiles(t, filepath.Join(ws, "services", "a"), baselineModule)
	writeFiles(t, filepath.Join(ws, "services", "b"), formatsModule)
	git(t, ws, "init", "-q")
	git(t, ws, "add", ".")
	git(t, ws, "commit", "-q", "-m", "start")
	want := append(findingsUnder(t, ws, "services/a"), findingsUnder(t, ws, "services/b")...)
	slices.Sort(want)
	if len(want) != 5 {
		t.Fatalf("the modules' findings: %q, want 5", want)
	}
	job := t.TempDir() // RUNNER_TEMP: the action builds apierrlint once for the job

	// format github (the default), two working directories.
	out, errOut, code, _ := actionRun(t, ws, job, map[string]string{"working-directory": "services/a\n  services/b  \n\n"})
	if !strings.Contains(out, "::group::build apierrlint from ") {
		t.Errorf("the first use did not build apierrlint:\n%s", out)
	}
	if code != 3 {
		t.Errorf("github: exit %d, want 3 (findings)\n%s", code, errOut)
	}
	diff(t, annotations(t, out), want)

	// format sarif: one run with both modules' results; the step passes.
	sarifPath := filepath.Join(t.TempDir(), "out.sarif")
	_, errOut, code, output := actionRun(t, ws, job, map[string]string{
		"working-directory": "services/a\nservices/b", "format": "sarif", "sarif-file": sarifPath, "fail-on-findings": "false",
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

	// baseline: nothing new in a.
	a := filepath.Join(ws, "services", "a")
	if _, errOut, code := runSplit(t, a, bin, "-write-baseline=.apierrlint-baseline.json", "./..."); code != 0 {
		t.Fatalf("-write-baseline: %d\n%s", code, errOut)
	}
	out, errOut, code, _ = actionRun(t, ws, job, map[string]string{"working-directory": "services/a", "baseline": ".apierrlint-baseline.json"})
	if code != 0 || len(annotations(t, out)) != 0 || !strings.Contains(errOut, "hid 3 findings") {
		t.Errorf("baseline: exit %d, stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}

	// new-from-rev: only the line changed since HEAD.
	api := filepath.Join(a, "api", "api.go")
	writeFile(t, api, readFile(t, api)+"\nfunc Gone(w http.ResponseWriter, r *http.Request) { http.NotFound(w, r) }\n")
	out, errOut, code, _ = actionRun(t, ws, job, map[string]string{"working-directory": "services/a", "new-from-rev": "HEAD"})
	if got := annotations(t, out); code != 3 || len(got) != 1 || !strings.HasPrefix(got[0], "services/a/api/api.go:20:") || !strings.Contains(got[0], "http.NotFound sends a plain-text 404") {
		t.Errorf("new-from-rev: exit %d, annotations %q\n%s", code, got, errOut)
	}

	// Bad inputs: an error annotation and exit 2.
	for _, in := range []map[string]string{{"format": "xml"}, {"working-directory": "nowhere"}, {"args": "-no-such-flag"}} {
		out, errOut, code, _ := actionRun(t, ws, job, in)
		if code != 2 || (!strings.Contains(out, "::error title=apierrlint::") && !strings.Contains(errOut, "unknown flag -no-such-flag")) {
			t.Errorf("%v: exit %d, stdout:\n%s\nstderr:\n%s", in, code, out, errOut)
		}
	}
}

// actionMetadata is GitHub's metadata syntax for a composite action, every
// key it knows (decoding rejects others).
type actionMetadata struct {
	Name        string `yaml:"name"`
	Description string `yaml:"description"`
	Author      string `yaml:"author"`
	Branding    struct {
		Icon  string `yaml:"icon"`
		Color string `yaml:"color"`
	} `yaml:"branding"`
	Inputs map[string]struct {
		Description        string `yaml:"description"`
		Required           bool   `yaml:"required"`
		Default            string `yaml:"default"`
		DeprecationMessage string `yaml:"deprecationMessage"`
	} `yaml:"inputs"`
	Outputs map[string]struct {
		Description string `yaml:"description"`
		Value       string `yaml:"value"`
	} `yaml:"outputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			ID               string            `yaml:"id"`
			Name             string            `yaml:"name"`
			If               string            `yaml:"if"`
			Run              string            `yaml:"run"`
			Shell            string            `yaml:"shell"`
			Uses             string            `yaml:"uses"`
			With             map[string]string `yaml:"with"`
			Env              map[string]string `yaml:"env"`
			WorkingDirectory string            `yaml:"working-directory"`
			ContinueOnError  string            `yaml:"continue-on-error"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

// TestActionMetadata checks action.yml against GitHub's metadata syntax for
// composite actions (the keys it knows; required name, description, runs;
// a shell for each run step) and against its script: each input reaches
// run.sh as INPUT_NAME, which reads it, and docs/ci.md documents it; the
// output names a step's output that run.sh writes. (.ci/actionlint lints
// it through a workflow that uses it.)
func TestActionMetadata(t *testing.T) {
	data := readFile(t, "../../action.yml")
	dec := yaml.NewDecoder(strings.NewReader(data))
	dec.KnownFields(true)
	var md actionMetadata
	if err := dec.Decode(&md); err != nil {
		t.Fatalf("action.yml: %v", err)
	}
	if md.Name == "" || md.Description == "" || md.Runs.Using != "composite" || len(md.Runs.Steps) != 1 {
		t.Fatalf("action.yml: name %q, description %q, runs.using %q, %d steps", md.Name, md.Description, md.Runs.Using, len(md.Runs.Steps))
	}
	step := md.Runs.Steps[0]
	if step.Shell != "bash" || step.ID == "" || !strings.Contains(step.Run, "$GITHUB_ACTION_PATH/.github/action/run.sh") {
		t.Errorf("the step: %+v", step)
	}
	script := readFile(t, "../../.github/action/run.sh")
	ci := readFile(t, "../../docs/ci.md")
	for name, in := range md.Inputs {
		env := "INPUT_" + strings.ToUpper(strings.ReplaceAll(name, "-", "_"))
		if step.Env[env] != "${{ inputs."+name+" }}" {
			t.Errorf("input %s: the step's env %s = %q", name, env, step.Env[env])
		}
		if !strings.Contains(script, "${"+env) {
			t.Errorf("input %s: run.sh does not read %s", name, env)
		}
		if in.Description == "" || !strings.Contains(ci, "`"+name+"`") {
			t.Errorf("input %s: no description, or docs/ci.md does not document it", name)
		}
	}
	for env := range step.Env {
		if name := strings.ToLower(strings.ReplaceAll(strings.TrimPrefix(env, "INPUT_"), "_", "-")); md.Inputs[name].Description == "" {
			t.Errorf("the step's env %s is no input", env)
		}
	}
	for _, m := range regexp.MustCompile(`inputs\.([a-z-]+)`).FindAllStringSubmatch(data, -1) {
		if _, ok := md.Inputs[m[1]]; !ok {
			t.Errorf("action.yml uses inputs.%s, which it does not declare", m[1])
		}
	}
	for name, out := range md.Outputs {
		if out.Value != "${{ steps."+step.ID+".outputs."+name+" }}" || !strings.Contains(script, name+"=") || !strings.Contains(ci, "`"+name+"`") {
			t.Errorf("output %s: value %q (run.sh must write %s=, docs/ci.md name it)", name, out.Value, name)
		}
	}
}
