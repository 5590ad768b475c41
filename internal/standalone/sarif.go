package standalone

// -format=sarif: a SARIF 2.1.0 log that GitHub code scanning accepts
// (.ci/sarif validates it with Microsoft's SARIF multitool, GitHub's rules
// included).
//
// The structs below are the part of SARIF that apierrlint writes, nothing
// more; a SARIF library (github.com/owenrumney/go-sarif) would link a JSON
// schema validator and its unmaintained dependencies into the command for
// the same hundred lines of output. staticcheck and golangci-lint write
// their SARIF the same way.

import (
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/docs"
	"github.com/apierrlint/apierrlint/internal/version"
)

const (
	sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"
	// srcRootID names the root that artifact locations are relative to.
	srcRootID = "%SRCROOT%"
	// fingerprintKey names apierrlint's fingerprint among a result's
	// partialFingerprints (versioned, as SARIF advises).
	fingerprintKey = "apierrlint/v1"
	// informationURI is the project's home.
	informationURI = "https://github.com/apierrlint/apierrlint"
)

type (
	sarifLog struct {
		Schema  string     `json:"$schema"`
		Version string     `json:"version"`
		Runs    []sarifRun `json:"runs"`
	}
	sarifRun struct {
		Tool               sarifTool                   `json:"tool"`
		OriginalURIBaseIDs map[string]sarifArtifactLoc `json:"originalUriBaseIds"`
		ColumnKind         string                      `json:"columnKind"`
		Results            []sarifResult               `json:"results"`
	}
	sarifTool struct {
		Driver sarifDriver `json:"driver"`
	}
	sarifDriver struct {
		Name            string      `json:"name"`
		Version         string      `json:"version"`
		SemanticVersion string      `json:"semanticVersion,omitempty"`
		InformationURI  string      `json:"informationUri"`
		Rules           []sarifRule `json:"rules"`
	}
	sarifRule struct {
		ID                   string              `json:"id"`
		Name                 string              `json:"name"`
		ShortDescription     sarifText           `json:"shortDescription"`
		FullDescription      sarifText           `json:"fullDescription"`
		Help                 sarifHelp           `json:"help"`
		HelpURI              string              `json:"helpUri"`
		DefaultConfiguration sarifConfiguration  `json:"defaultConfiguration"`
		Properties           sarifRuleProperties `json:"properties"`
	}
	sarifText struct {
		Text string `json:"text"`
	}
	sarifHelp struct {
		Text     string `json:"text"`
		Markdown string `json:"markdown"`
	}
	sarifConfiguration struct {
		Level string `json:"level"`
	}
	sarifRuleProperties struct {
		Tags      []string `json:"tags"`
		Precision string   `json:"precision"`
	}
	sarifResult struct {
		RuleID              string            `json:"ruleId"`
		RuleIndex           int               `json:"ruleIndex"`
		Level               string            `json:"level"`
		Message             sarifText         `json:"message"`
		Locations           []sarifLocation   `json:"locations"`
		PartialFingerprints map[string]string `json:"partialFingerprints"`
		RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
		Fixes               []sarifFix        `json:"fixes,omitempty"`
	}
	sarifLocation struct {
		ID               *int          `json:"id,omitempty"`
		PhysicalLocation sarifPhysical `json:"physicalLocation"`
		Message          *sarifText    `json:"message,omitempty"`
	}
	sarifPhysical struct {
		ArtifactLocation sarifArtifactLoc `json:"artifactLocation"`
		Region           sarifRegion      `json:"region"`
	}
	sarifArtifactLoc struct {
		URI       string `json:"uri"`
		URIBaseID string `json:"uriBaseId,omitempty"`
	}
	sarifRegion struct {
		StartLine   int `json:"startLine"`
		StartColumn int `json:"startColumn"`
		EndLine     int `json:"endLine"`
		EndColumn   int `json:"endColumn"`
	}
	sarifFix struct {
		Description     sarifText             `json:"description"`
		ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
	}
	sarifArtifactChange struct {
		ArtifactLocation sarifArtifactLoc   `json:"artifactLocation"`
		Replacements     []sarifReplacement `json:"replacements"`
	}
	sarifReplacement struct {
		DeletedRegion   sarifRegion `json:"deletedRegion"`
		InsertedContent sarifText   `json:"insertedContent"`
	}
)

// sarifRules lists every rule the log may name: the analyzer's rules and
// ignore-directive, in documentation order (a result's ruleIndex).
func sarifRules() []sarifRule {
	v := version.Read().Version
	ref := "main"
	if version.Tagged(v) {
		ref = v // the pages of the release that runs
	}
	var rules []sarifRule
	for _, id := range append(append([]string(nil), analyzer.Rules...), analyzer.RuleIgnoreDirective) {
		short, full := docs.Describe(id)
		page, _ := docs.Rule(id)
		rules = append(rules, sarifRule{
			ID:                   id,
			Name:                 pascal(id),
			ShortDescription:     sarifText{short},
			FullDescription:      sarifText{full},
			Help:                 sarifHelp{Text: page, Markdown: page},
			HelpURI:              informationURI + "/blob/" + ref + "/docs/rules/" + id + ".md",
			DefaultConfiguration: sarifConfiguration{"warning"},
			Properties:           sarifRuleProperties{Tags: []string{"api", "http", "errors"}, Precision: "high"},
		})
	}
	return rules
}

// pascal returns raw-http-error as RawHttpError (SARIF's rule names).
func pascal(id string) string {
	var b strings.Builder
	for _, w := range strings.Split(id, "-") {
		if w != "" {
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	return b.String()
}

func (o *output) sarif(w io.Writer) error {
	rules := sarifRules()
	index := map[string]int{}
	for i, r := range rules {
		index[r.ID] = i
	}
	d := sarifDriver{
		Name:           analyzer.Name,
		Version:        version.Read().Version,
		InformationURI: informationURI,
		Rules:          rules,
	}
	if version.Tagged(d.Version) {
		d.SemanticVersion = strings.TrimPrefix(d.Version, "v")
	}
	run := sarifRun{
		Tool: sarifTool{d},
		OriginalURIBaseIDs: map[string]sarifArtifactLoc{
			srcRootID: {URI: (&url.URL{Scheme: "file", Path: filepath.ToSlash(o.root) + "/"}).String()},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	cols := &utf16Columns{files: map[string][]byte{}}
	for _, f := range o.findings {
		i, ok := index[f.Category]
		if !ok {
			continue // not apierrlint's (cannot happen)
		}
		res := sarifResult{
			RuleID:              f.Category,
			RuleIndex:           i,
			Level:               "warning",
			Message:             sarifText{f.Message},
			Locations:           []sarifLocation{{PhysicalLocation: o.physical(cols, f.Posn, f.End)}},
			PartialFingerprints: map[string]string{fingerprintKey: f.ID.Fingerprint()},
		}
		for j, r := range f.Related {
			id := j + 1
			res.RelatedLocations = append(res.RelatedLocations, sarifLocation{ID: &id, PhysicalLocation: o.physical(cols, r.Posn, r.End), Message: &sarifText{r.Message}})
		}
		for _, fix := range f.Fixes {
			sf := sarifFix{Description: sarifText{fix.Message}}
			byFile := map[string]int{}
			for _, e := range fix.Edits {
				k, ok := byFile[e.Posn.Filename]
				if !ok {
					k = len(sf.ArtifactChanges)
					byFile[e.Posn.Filename] = k
					sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{ArtifactLocation: o.artifact(e.Posn.Filename)})
				}
				sf.ArtifactChanges[k].Replacements = append(sf.ArtifactChanges[k].Replacements, sarifReplacement{
					DeletedRegion:   cols.region(e.Posn, e.End),
					InsertedContent: sarifText{e.New},
				})
			}
			res.Fixes = append(res.Fixes, sf)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func (o *output) physical(cols *utf16Columns, posn, end token.Position) sarifPhysical {
	return sarifPhysical{ArtifactLocation: o.artifact(posn.Filename), Region: cols.region(posn, end)}
}

// artifact locates a file: relative to the source root when it is below
// it, else by an absolute file URI (no base then: SARIF resolves only a
// relative reference against one).
func (o *output) artifact(file string) sarifArtifactLoc {
	r := rel(o.root, file)
	if filepath.IsAbs(filepath.FromSlash(r)) {
		return sarifArtifactLoc{URI: (&url.URL{Scheme: "file", Path: r}).String()}
	}
	return sarifArtifactLoc{URI: (&url.URL{Path: r}).String(), URIBaseID: srcRootID}
}

// utf16Columns converts go/token's byte columns to SARIF's default
// columns, UTF-16 code units, reading each file once.
type utf16Columns struct {
	files map[string][]byte
}

func (c *utf16Columns) region(posn, end token.Position) sarifRegion {
	return sarifRegion{posn.Line, c.column(posn), end.Line, c.column(end)}
}

func (c *utf16Columns) column(p token.Position) int {
	data, ok := c.files[p.Filename]
	if !ok {
		data, _ = os.ReadFile(p.Filename)
		c.files[p.Filename] = data
	}
	start := p.Offset - (p.Column - 1) // the line's start
	if start < 0 || p.Offset > len(data) {
		return p.Column
	}
	n := 0
	for s := data[start:p.Offset]; len(s) > 0; {
		r, size := utf8.DecodeRune(s)
		n += utf16.RuneLen(r)
		s = s[size:]
	}
	return n + 1
}
