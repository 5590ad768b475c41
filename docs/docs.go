// Package docs embeds the rule pages, for `apierrlint help RULE`.
package docs

import (
	"embed"
	"strings"
)

//go:embed rules/*.md
var rules embed.FS

// Rule returns the page of a rule (docs/rules/RULE.md) as Markdown, and
// whether there is one.
func Rule(id string) (string, bool) {
	if id == "" || strings.ContainsAny(id, "/.\\") {
		return "", false
	}
	data, err := rules.ReadFile("rules/" + id + ".md")
	return string(data), err == nil
}
