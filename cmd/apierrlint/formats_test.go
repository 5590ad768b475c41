package main_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// formatsModule has a package with a test file (so that a test variant is
// loaded and analyzed too), a fixable finding and a non-ASCII line.
var formatsModule = map[string]string{
	"go.mod": "module example.com/fmts\n\ngo 1.26\n",
	"api/api.go": `package api

import (
	"encoding/json"
	"net/http"
)

type apiError struct {
	Code    string ` + "`json:\"code\"`" + `
	Message string ` + "`json:\"message\"`" + `
}

func Get(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	json.NewEncoder(w).Encode(apiError{Code: "NOT_FOUND", Message: "no such pet"})
}

func Grüße(w http.ResponseWriter, r *http.Request) { /* ü */ http.Error(w, "ß", 500) }
`,
	"api/api_test.go": "package api\n\nimport \"testing\"\n\nfunc TestNothing(t *testing.T) {}\n",
}

// jsonFindings is -format=json's output (docs/output-formats.md).
type jsonFindings struct {
	Version int
	Tool    struct{ Name, Version string }
	// Findings' positions.
	Findings []struct {
		Rule, Message, File, Fingerprint string
		Start, End                       struct{ Line, Column, Offset int }
		Fixes                            []struct {
			Message string
			Edits   []struct {
				File       string
				Start, End struct{ Line, Column, Offset int }
				New        string
			}
		}
	}
}

// TestFormatJSON: one entry per finding (the package and its test variant
// give one), paths relative to the working directory, rule, message, start
// and end, the fingerprint and the suggested fixes with their edits; the
// summary on stderr and exit code 3, as in text.
func TestFormatJSON(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, formatsModule)
	text, _, _ := runSplit(t, dir, bin, "./...")
	out, errOut, code := runSplit(t, dir, bin, "-format=json", "./...")
	if code != 3 || !strings.HasPrefix(errOut, "2 findings: ") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var got jsonFindings
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if got.Version != 1 || got.Tool.Name != "apierrlint" || got.Tool.Version == "" {
		t.Errorf("version %d, tool %+v", got.Version, got.Tool)
	}
	var asText []string
	for _, f := range got.Findings {
		asText = append(asText, fmt.Sprintf("%s:%d:%d: %s", f.File, f.Start.Line, f.Start.Column, f.Message))
		if !strings.HasPrefix(f.Message, f.Rule+": ") || f.End.Offset <= f.Start.Offset || len(f.Fingerprint) != 32 {
			t.Errorf("finding %+v", f)
		}
	}
	if want := lines(text); !slices.Equal(asText, want) {
		t.Errorf("json findings:\n%s\nwant those of text:\n%s", strings.Join(asText, "\n"), strings.Join(want, "\n"))
	}
	// status-mismatch's fix: the documented status.
	sm := got.Findings[0]
	if sm.Rule != "status-mismatch" || len(sm.Fixes) != 1 || len(sm.Fixes[0].Edits) != 1 {
		t.Fatalf("first finding %+v, want status-mismatch with one fix of one edit", sm)
	}
	e := sm.Fixes[0].Edits[0]
	src := formatsModule["api/api.go"]
	if e.File != "api/api.go" || src[e.Start.Offset:e.End.Offset] != "http.StatusInternalServerError" || e.New != "http.StatusNotFound" || e.Start.Line != 14 {
		t.Errorf("edit %+v: replaces %q", e, src[e.Start.Offset:e.End.Offset])
	}

	// No findings: an empty list, exit 0.
	writeFile(t, filepath.Join(dir, "api", "api.go"), "package api\n")
	out, _, code = runSplit(t, dir, bin, "-format=json", "./...")
	if code != 0 || !strings.Contains(out, `"findings": []`) {
		t.Errorf("clean: exit %d\n%s", code, out)
	}
}

// sarifLog is what TestFormatSARIF reads of -format=sarif's output.
type sarifLog struct {
	Schema  string `json:"$schema"`
	Version string
	Runs    []struct {
		Tool struct {
			Driver struct {
				Name, Version, InformationURI string
				Rules                         []struct {
					ID                                string
					ShortDescription, FullDescription struct{ Text string }
					Help                              struct{ Text, Markdown string }
					HelpURI                           string
					DefaultConfiguration              struct{ Level string }
				}
			}
		}
		OriginalURIBaseIDs map[string]struct{ URI string } `json:"originalUriBaseIds"`
		Results            []struct {
			RuleID    string
			RuleIndex int
			Level     string
			Message   struct{ Text string }
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI       string
						URIBaseID string `json:"uriBaseId"`
					}
					Region struct{ StartLine, StartColumn, EndLine, EndColumn int }
				}
			}
			PartialFingerprints map[string]string
			Fixes               []struct {
				Description     struct{ Text string }
				ArtifactChanges []struct {
					ArtifactLocation struct{ URI string }
					Replacements     []struct {
						DeletedRegion   struct{ StartLine, StartColumn, EndLine, EndColumn int }
						InsertedContent struct{ Text string }
					}
				}
			}
		}
	}
}

// TestFormatSARIF: a SARIF 2.1.0 log with the tool's version and home,
// every rule described with its page, results located relative to
// %SRCROOT% (the repository root, or the working directory outside one)
// with end positions in UTF-16 columns, the baseline fingerprint and the
// fixes. (.ci/sarif validates the output with Microsoft's SARIF multitool.)
func TestFormatSARIF(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, formatsModule)
	jsonOut, _, _ := runSplit(t, dir, bin, "-format=json", "./...")
	var js jsonFindings
	json.Unmarshal([]byte(jsonOut), &js)

	out, errOut, code := runSplit(t, dir, bin, "-format=sarif", "./...")
	if code != 3 || !strings.HasPrefix(errOut, "2 findings: ") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	var log sarifLog
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if log.Version != "2.1.0" || !strings.Contains(log.Schema, "sarif-2.1.0") || len(log.Runs) != 1 {
		t.Fatalf("version %q, schema %q, %d runs", log.Version, log.Schema, len(log.Runs))
	}
	r := log.Runs[0]
	d := r.Tool.Driver
	if d.Name != "apierrlint" || d.Version == "" || d.InformationURI != "https://github.com/apierrlint/apierrlint" {
		t.Errorf("driver %q %q %q", d.Name, d.Version, d.InformationURI)
	}
	var ids []string
	for _, rule := range d.Rules {
		ids = append(ids, rule.ID)
		if rule.ShortDescription.Text == "" || rule.FullDescription.Text == "" || !strings.HasPrefix(rule.Help.Markdown, "# "+rule.ID) ||
			rule.HelpURI != "https://github.com/apierrlint/apierrlint/blob/main/docs/rules/"+rule.ID+".md" || rule.DefaultConfiguration.Level != "warning" {
			t.Errorf("rule %+v", rule)
		}
	}
	if strings.Join(ids, " ") != "raw-http-error unknown-code status-mismatch missing-retry-after error-body-shape retry-after-format default-error-response undocumented-status ignore-directive" {
		t.Errorf("rules %v", ids)
	}
	root := r.OriginalURIBaseIDs["%SRCROOT%"].URI
	if u, err := url.Parse(root); err != nil || u.Scheme != "file" || filepath.Clean(u.Path) != dir || !strings.HasSuffix(root, "/") {
		t.Errorf("%%SRCROOT%% = %q, want the file URI of %s/ (no repository here)", root, dir)
	}
	if len(r.Results) != len(js.Findings) {
		t.Fatalf("%d results, %d findings in json", len(r.Results), len(js.Findings))
	}
	for i, res := range r.Results {
		f := js.Findings[i]
		loc := res.Locations[0].PhysicalLocation
		if res.RuleID != f.Rule || d.Rules[res.RuleIndex].ID != f.Rule || res.Message.Text != f.Message || res.Level != "warning" ||
			loc.ArtifactLocation.URI != f.File || loc.ArtifactLocation.URIBaseID != "%SRCROOT%" ||
			loc.Region.StartLine != f.Start.Line || loc.Region.EndLine != f.End.Line ||
			res.PartialFingerprints["apierrlint/v1"] != f.Fingerprint {
			t.Errorf("result %d %+v\nfor finding %+v", i, res, f)
		}
	}
	// UTF-16 columns: ü and ß before the call are two bytes each, one
	// UTF-16 unit; so is the ß inside it.
	g := r.Results[1].Locations[0].PhysicalLocation.Region
	if js.Findings[1].Start.Column != 65 || js.Findings[1].End.Column != 89 || g.StartColumn != 62 || g.EndColumn != 85 {
		t.Errorf("raw-http-error on the non-ASCII line: byte columns %d to %d, SARIF region %+v, want columns 65 to 89 and 62 to 85",
			js.Findings[1].Start.Column, js.Findings[1].End.Column, g)
	}
	fix := r.Results[0].Fixes
	if len(fix) != 1 || fix[0].ArtifactChanges[0].ArtifactLocation.URI != "api/api.go" || fix[0].ArtifactChanges[0].Replacements[0].InsertedContent.Text != "http.StatusNotFound" {
		t.Errorf("fixes %+v", fix)
	}

	// In a repository, paths are relative to its root wherever the
	// linter runs (GitHub resolves them from there).
	repo := t.TempDir()
	writeFiles(t, repo, map[string]string{".git/HEAD": "ref: refs/heads/main\n"})
	svc := filepath.Join(repo, "services", "fmts")
	writeFiles(t, svc, formatsModule)
	out, _, _ = runSplit(t, svc, bin, "-format=sarif", "./...")
	log = sarifLog{}
	json.Unmarshal([]byte(out), &log)
	if uri := log.Runs[0].Results[0].Locations[0].PhysicalLocation.ArtifactLocation.URI; uri != "services/fmts/api/api.go" {
		t.Errorf("in a repository: uri %q, want services/fmts/api/api.go", uri)
	}
}

// TestFormatGitHub: one ::warning workflow command per finding, with the
// file relative to the repository root, the range and the rule as title;
// the exit code says there are findings, as in text.
func TestFormatGitHub(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, formatsModule)
	out, errOut, code := runSplit(t, dir, bin, "-format=github", "./...")
	if code != 3 || !strings.HasPrefix(errOut, "2 findings: ") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
	want := []string{
		"::warning file=api/api.go,line=14,col=16,endLine=14,endColumn=46,title=status-mismatch::status-mismatch: NOT_FOUND is documented with 404, sent with 500",
		`::warning file=api/api.go,line=18,col=65,endLine=18,endColumn=89,title=raw-http-error::raw-http-error: http.Error sends a plain-text body; send a JSON error body {"code", "message", ...}`,
	}
	if got := lines(out); !slices.Equal(got, want) {
		t.Errorf("got\n%s\nwant\n%s", out, strings.Join(want, "\n"))
	}
	if !regexp.MustCompile(`^::warning file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z-]+::`).MatchString(want[0]) {
		t.Error("the wanted lines do not match the workflow command syntax")
	}
}

// TestFormatErrors: a format that does not exist, and -format with -json
// or -fix, are flag errors.
func TestFormatErrors(t *testing.T) {
	dir := examplesDir(t)
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-format=xml", "./..."}, "apierrlint: -format=xml: want one of text, json, sarif, github"},
		{[]string{"-format=json", "-json", "./..."}, "apierrlint: -json is go vet's JSON; -format=json is another output: give one of them"},
		{[]string{"-format=sarif", "-fix", "./..."}, "apierrlint: -fix and -diff print text: they take no -json or -format"},
	} {
		out, errOut, code := runSplit(t, dir, bin, c.args...)
		if code != 2 || out != "" || lines(errOut)[0] != c.want {
			t.Errorf("%q: exit %d, stderr %q, want exit 2 and %q", c.args, code, errOut, c.want)
		}
	}
}
