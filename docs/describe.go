package docs

import (
	"regexp"
	"strings"
)

// Describe returns a rule's descriptions in plain text: short, what the
// rules' index (rules/README.md) says it reports; full, the first
// paragraph of its page (its "What it flags."), without the sentence that
// introduces a list. Both "" for an unknown rule.
func Describe(id string) (short, full string) {
	page, ok := Rule(id)
	if !ok {
		return "", ""
	}
	index, _ := rules.ReadFile("rules/README.md")
	row := "| <a id=\"" + id + "\"></a>"
	for _, line := range strings.Split(string(index), "\n") {
		if rest, ok := strings.CutPrefix(line, row); ok {
			if cells := strings.Split(rest, " | "); len(cells) >= 2 {
				short = plain(cells[1])
			}
		}
	}
	// The first paragraph after the heading.
	var para []string
	for _, line := range strings.Split(page, "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
			continue
		case strings.TrimSpace(line) == "":
			if len(para) > 0 {
				return short, paragraph(para)
			}
		default:
			para = append(para, strings.TrimSpace(line))
		}
	}
	return short, paragraph(para)
}

func paragraph(lines []string) string {
	p := strings.TrimPrefix(strings.Join(lines, " "), "**What it flags.** ")
	if strings.HasSuffix(p, ":") {
		// "... any of these places:" introduces a list that is not here.
		if i := strings.LastIndex(p, ". "); i > 0 {
			p = p[:i+1]
		}
	}
	return plain(p)
}

var markup = regexp.MustCompile("\\*\\*|`|\\[([^\\]]*)\\]\\([^)]*\\)")

// plain strips Markdown's emphasis, code spans and links (keeping their
// text) from s.
func plain(s string) string {
	if s != "" && 'a' <= s[0] && s[0] <= 'z' { // not code
		s = strings.ToUpper(s[:1]) + s[1:]
	}
	s = markup.ReplaceAllStringFunc(s, func(m string) string {
		if strings.HasPrefix(m, "[") {
			return m[1:strings.IndexByte(m, ']')]
		}
		return ""
	})
	s = strings.TrimSuffix(strings.TrimSpace(s), ":")
	if s != "" && !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
