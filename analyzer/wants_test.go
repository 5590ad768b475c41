package analyzer

import (
	"fmt"
	"go/ast"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"text/scanner"
)

// TestWantPatterns: the // want pattern of each finding spells out its
// message, not just the rule id: it matches the message from the rule id to
// the end of the part that carries meaning (meaningfulEnd), so that a
// message that changes there (another status, a note added where it does
// not belong, a suggestion lost) fails the fixtures.
func TestWantPatterns(t *testing.T) {
	run := fixtures(t)
	type lineKey struct {
		file string
		line int
	}
	wants := map[lineKey][]*regexp.Regexp{}
	parsed := map[*ast.File]bool{}
	seen := map[string]bool{}
	checked := 0
	for _, res := range run.results {
		if res.Pass == nil {
			continue
		}
		fset := res.Pass.Fset
		for _, f := range res.Pass.Files {
			if parsed[f] {
				continue
			}
			parsed[f] = true
			for _, cg := range f.Comments {
				for _, c := range cg.List {
					delta, patterns, err := wantPatterns(c.Text)
					if err != nil {
						t.Errorf("%s: %v", fset.Position(c.Pos()), err)
						continue
					}
					pos := fset.Position(c.Pos())
					k := lineKey{pos.Filename, pos.Line + delta}
					wants[k] = append(wants[k], patterns...)
				}
			}
		}
		for _, d := range res.Diagnostics {
			pos := fset.Position(d.Pos)
			if seen[pos.String()+d.Message] {
				continue // a package and its test variant
			}
			seen[pos.String()+d.Message] = true
			checked++
			end := meaningfulEnd(d.Category, d.Message)
			ok := false
			for _, rx := range wants[lineKey{pos.Filename, pos.Line}] {
				if loc := rx.FindStringIndex(d.Message); loc != nil && loc[0] == 0 && loc[1] >= end {
					ok = true
				}
			}
			if !ok {
				t.Errorf("%s: no // want pattern spells out %q: one must match it from the start through %q", pos, d.Message, d.Message[:end])
			}
		}
	}
	if checked == 0 {
		t.Fatal("no findings in the fixtures")
	}
}

// meaningfulEnd is the length of the part of a message that a want pattern
// must match: the whole message, except for a fixed tail that follows the
// last part that varies (the advice after missing-retry-after's "on some
// path" and its "too late" note, the list of known rules, the advice of
// default-error-response, the note that a
// suggested code is the embedded default catalog's: the configured fixture
// pins where it appears and where it does not).
func meaningfulEnd(rule, msg string) int {
	msg = strings.TrimSuffix(msg, defaultCatalogNote)
	through := func(sep string, last bool) int {
		i := strings.Index(msg, sep)
		if last {
			i = strings.LastIndex(msg, sep)
		}
		if i < 0 {
			return len(msg)
		}
		return i + 1 // the separator's first character too: nothing may be inserted before it
	}
	switch rule {
	case RuleMissingRetryAfter:
		return through("; set Retry-After on the response header", false)
	case RuleRetryAfterFormat:
		return through(", not a whole number of seconds", false)
	case RuleErrorBodyShape:
		return through("; send {", true)
	case RuleIgnoreDirective:
		return through(" (known rules: ", false)
	case RuleDefaultErrorResponse:
		return through("; ", true) // the advice follows from the default named before it
	}
	return len(msg)
}

// wantPatterns returns the diagnostic patterns of a // want comment (facts,
// name:"pattern", are left out), as analysistest reads them, and the line
// offset of a "want +N".
func wantPatterns(comment string) (int, []*regexp.Regexp, error) {
	text := strings.TrimPrefix(comment, "//")
	if text == comment {
		text = strings.TrimSuffix(strings.TrimPrefix(text, "/*"), "*/")
	}
	if i := strings.Index(text, "// want"); i >= 0 {
		text = text[i+len("// "):]
	}
	rest, ok := strings.CutPrefix(strings.TrimSpace(text), "want")
	if !ok {
		return 0, nil, nil
	}
	var sc scanner.Scanner
	sc.Init(strings.NewReader(rest))
	sc.Mode = scanner.ScanIdents | scanner.ScanStrings | scanner.ScanRawStrings | scanner.ScanInts
	var scanErr error
	sc.Error = func(_ *scanner.Scanner, msg string) { scanErr = fmt.Errorf("in a want comment: %s", msg) }
	delta := 0
	var out []*regexp.Regexp
	fact := false
	for tok := sc.Scan(); tok != scanner.EOF; tok = sc.Scan() {
		switch tok {
		case '+':
			if sc.Scan() == scanner.Int {
				delta, _ = strconv.Atoi(sc.TokenText())
			}
		case scanner.Ident, ':':
			fact = true // name:"pattern"
		case scanner.String, scanner.RawString:
			if fact {
				fact = false
				continue
			}
			s, err := strconv.Unquote(sc.TokenText())
			if err != nil {
				return 0, nil, err
			}
			rx, err := regexp.Compile(s)
			if err != nil {
				return 0, nil, err
			}
			out = append(out, rx)
		default:
			return 0, nil, fmt.Errorf("in a want comment: unexpected %s", scanner.TokenString(tok))
		}
	}
	return delta, out, scanErr
}
