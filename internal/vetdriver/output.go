package vetdriver

// The go vet driver's output: plain text, JSON, and fixes (-fix, -diff, and
// go fix's archive), in the formats of x/tools' unitchecker.

import (
	"archive/zip"
	"cmp"
	"encoding/json"
	"fmt"
	"go/token"
	"io"
	"log"
	"os"

	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/fixdriver"
)

// The JSON schema of go vet -json (x/tools' driverutil.JSONTree): package ID
// -> analyzer name -> diagnostics, or {"error": ...}.
type (
	jsonTextEdit struct {
		Filename string `json:"filename"`
		Start    int    `json:"start"`
		End      int    `json:"end"`
		New      string `json:"new"`
	}
	jsonSuggestedFix struct {
		Message string         `json:"message"`
		Edits   []jsonTextEdit `json:"edits"`
	}
	jsonRelated struct {
		Posn    string `json:"posn"`
		End     string `json:"end"`
		Message string `json:"message"`
	}
	jsonDiagnostic struct {
		Category       string             `json:"category,omitempty"`
		Posn           string             `json:"posn"`
		End            string             `json:"end"`
		Message        string             `json:"message"`
		SuggestedFixes []jsonSuggestedFix `json:"suggested_fixes,omitempty"`
		Related        []jsonRelated      `json:"related,omitempty"`
	}
	jsonError struct {
		Err string `json:"error"`
	}
)

func printJSON(out io.Writer, id, name string, res *result) {
	tree := map[string]map[string]any{}
	var fset *token.FileSet
	if res.checked != nil {
		fset = res.checked.In.Fset
	}
	var v any
	if res.err != nil {
		v = jsonError{res.err.Error()}
	} else if len(res.diags) > 0 {
		list := make([]jsonDiagnostic, 0, len(res.diags))
		for _, d := range res.diags {
			jd := jsonDiagnostic{
				Category: d.Category,
				Posn:     fset.Position(d.Pos).String(),
				End:      fset.Position(cmp.Or(d.End, d.Pos)).String(),
				Message:  d.Message,
			}
			for _, fix := range d.SuggestedFixes {
				jf := jsonSuggestedFix{Message: fix.Message}
				for _, e := range fix.TextEdits {
					jf.Edits = append(jf.Edits, jsonTextEdit{
						Filename: fset.Position(e.Pos).Filename,
						Start:    fset.Position(e.Pos).Offset,
						End:      fset.Position(e.End).Offset,
						New:      string(e.NewText),
					})
				}
				jd.SuggestedFixes = append(jd.SuggestedFixes, jf)
			}
			for _, r := range d.Related {
				jd.Related = append(jd.Related, jsonRelated{
					Posn:    fset.Position(r.Pos).String(),
					End:     fset.Position(cmp.Or(r.End, r.Pos)).String(),
					Message: r.Message,
				})
			}
			list = append(list, jd)
		}
		v = list
	}
	if v != nil {
		tree[id] = map[string]any{name: v}
	}
	data, err := json.MarshalIndent(tree, "", "\t")
	if err != nil {
		log.Panicf("internal error: JSON marshaling failed: %v", err)
	}
	fmt.Fprintf(out, "%s\n", data)
}

// applyFixes applies the first fix of every diagnostic, like unitchecker
// with -fix: it writes the files, or their diffs with -diff, or go fix's
// archive. A fix that overlaps one already taken is skipped; then the
// command asks for a re-run and exits 1.
func applyFixes(cfg *vetConfig, fl flags, res *result) int {
	if res.err != nil {
		log.Print(res.err)
		return 1
	}
	if res.checked == nil || len(res.diags) == 0 {
		return 0
	}
	opt := fixdriver.Options{Diff: fl.diff, Stdout: os.Stdout}
	if cfg.FixArchive != "" {
		f, err := os.Create(cfg.FixArchive)
		if err != nil {
			log.Printf("can't create -fix archive: %v", err)
			return 1
		}
		defer f.Close()
		zw := zip.NewWriter(f)
		zw.SetComment(cfg.ID)
		defer zw.Close()
		opt.Diff = false
		opt.Write = func(name string, content []byte) error {
			w, err := zw.Create(name)
			if err == nil {
				_, err = w.Write(content)
			}
			return err
		}
	}
	c := res.checked
	r, err := fixdriver.Apply([]fixdriver.Package{{Fset: c.In.Fset, Files: c.Files, Types: c.Pkg, Diags: res.diags}}, opt)
	if err != nil {
		log.Print(err)
		return 1
	}
	if r.Conflicts > 0 {
		if opt.Diff {
			log.Printf("%d of %s skipped (they overlap others)", r.Conflicts, driver.Plural(r.Fixes, "fix", "fixes"))
		} else {
			log.Printf("applied %d of %s; %s updated. (Re-run the command to apply more.)",
				r.Applied, driver.Plural(r.Fixes, "fix", "fixes"), driver.Plural(r.Files, "file", "files"))
		}
		return 1
	}
	return 0
}
