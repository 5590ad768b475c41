package standalone

// The formats of -format: text, json, github (here) and sarif (sarif.go).
// Each writes the findings to stdout; the summary goes to stderr whatever
// the format (see run).

import (
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/version"
)

// formats lists the values of -format.
var formats = []string{"text", "json", "sarif", "github"}

// output is what a format writes: the findings and where paths are
// relative to.
type output struct {
	findings []driver.Finding
	wd       string // the working directory (json)
	root     string // the repository root (sarif, github; see srcRoot)
	context  int    // -c
}

func (o *output) write(w io.Writer, format string) error {
	switch format {
	case "json":
		return o.json(w)
	case "sarif":
		return o.sarif(w)
	case "github":
		o.github(w)
		return nil
	}
	driver.Print(w, o.findings, o.context, true)
	return nil
}

// rel returns path relative to dir, slash-separated; path itself when it
// is not below dir.
func rel(dir, path string) string {
	if r, err := filepath.Rel(dir, path); err == nil && r != ".." && !strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return filepath.ToSlash(r)
	}
	return filepath.ToSlash(path)
}

// srcRoot returns the root that SARIF and GitHub annotations name files
// relative to: the top of the git work tree that holds dir (GitHub resolves
// paths from the repository's root, wherever in it the linter ran), else
// dir itself.
func srcRoot(dir string) string {
	for d := dir; ; {
		if _, err := os.Stat(filepath.Join(d, ".git")); err == nil {
			return d
		}
		parent := filepath.Dir(d)
		if parent == d {
			return dir
		}
		d = parent
	}
}

// -- json --

// JSONVersion is the "version" of -format=json's output
// (docs/output-formats.md).
const JSONVersion = 1

type (
	jsonOutput struct {
		Version  int           `json:"version"`
		Tool     jsonTool      `json:"tool"`
		Findings []jsonFinding `json:"findings"`
	}
	jsonTool struct {
		Name    string `json:"name"`
		Version string `json:"version"`
	}
	jsonPos struct {
		Line   int `json:"line"`
		Column int `json:"column"`
		Offset int `json:"offset"`
	}
	jsonFinding struct {
		Rule        string        `json:"rule"`
		Message     string        `json:"message"`
		File        string        `json:"file"`
		Start       jsonPos       `json:"start"`
		End         jsonPos       `json:"end"`
		Fingerprint string        `json:"fingerprint"`
		Related     []jsonRelated `json:"related,omitempty"`
		Fixes       []jsonFix     `json:"fixes,omitempty"`
	}
	jsonRelated struct {
		Message string  `json:"message"`
		File    string  `json:"file"`
		Start   jsonPos `json:"start"`
		End     jsonPos `json:"end"`
	}
	jsonFix struct {
		Message string     `json:"message"`
		Edits   []jsonEdit `json:"edits"`
	}
	jsonEdit struct {
		File  string  `json:"file"`
		Start jsonPos `json:"start"`
		End   jsonPos `json:"end"`
		New   string  `json:"new"`
	}
)

func jpos(p token.Position) jsonPos { return jsonPos{p.Line, p.Column, p.Offset} }

func (o *output) json(w io.Writer) error {
	out := jsonOutput{
		Version:  JSONVersion,
		Tool:     jsonTool{analyzer.Name, version.Read().Version},
		Findings: []jsonFinding{},
	}
	for _, f := range o.findings {
		jf := jsonFinding{
			Rule:        f.Category,
			Message:     f.Message,
			File:        rel(o.wd, f.Posn.Filename),
			Start:       jpos(f.Posn),
			End:         jpos(f.End),
			Fingerprint: f.ID.Fingerprint(),
		}
		for _, r := range f.Related {
			jf.Related = append(jf.Related, jsonRelated{r.Message, rel(o.wd, r.Posn.Filename), jpos(r.Posn), jpos(r.End)})
		}
		for _, fix := range f.Fixes {
			jx := jsonFix{Message: fix.Message, Edits: []jsonEdit{}}
			for _, e := range fix.Edits {
				jx.Edits = append(jx.Edits, jsonEdit{rel(o.wd, e.Posn.Filename), jpos(e.Posn), jpos(e.End), e.New})
			}
			jf.Fixes = append(jf.Fixes, jx)
		}
		out.Findings = append(out.Findings, jf)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

// -- github --

// github writes a GitHub Actions workflow command per finding: the runner
// turns it into an annotation on the file and line, shown on the pull
// request.
func (o *output) github(w io.Writer) {
	for _, f := range o.findings {
		fmt.Fprintf(w, "::warning file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			ghProperty(rel(o.root, f.Posn.Filename)), f.Posn.Line, f.Posn.Column, f.End.Line, f.End.Column,
			ghProperty(f.Category), ghData(f.Message))
	}
}

// ghData escapes a workflow command's message: a newline would end the
// command, and % starts an escape.
func ghData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// ghProperty escapes a workflow command's property value, where : and ,
// separate too.
func ghProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
