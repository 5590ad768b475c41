package gen

// The codes that gen picks for a status: one rule for the generated
// handlers (codeFor, NoRoute, LimitReached, ...) and for the default-codes:
// map that gen prints for .apierrlint.yml. A status that the catalog
// documents with one code gets that code; with several, the first in the
// catalog's order.

import (
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/apierrlint/apierrlint/catalog"
)

// DefaultCode is the code picked for a status that the catalog documents
// with several codes: the first in the catalog's order, and the others.
type DefaultCode struct {
	Status int
	Code   string
	Others []string
}

// DefaultCodes returns the catalog's statuses that have several codes, by
// status, each with the code picked for it.
func DefaultCodes(cat *catalog.Catalog) []DefaultCode {
	var statuses []int
	for _, e := range cat.Entries() {
		statuses = append(statuses, e.Status)
	}
	slices.Sort(statuses)
	var out []DefaultCode
	for _, s := range slices.Compact(statuses) {
		if codes := cat.CodesWithStatus(s); len(codes) > 1 {
			out = append(out, DefaultCode{Status: s, Code: codes[0], Others: codes[1:]})
		}
	}
	return out
}

// DefaultCodesYAML is the default-codes: setting of .apierrlint.yml for
// codes, one status a line, the alternatives in a comment:
//
//	default-codes:
//	  401: UNAUTHORIZED  # or INVALID_CREDENTIALS, SESSION_EXPIRED
//
// "" when codes is empty.
func DefaultCodesYAML(codes []DefaultCode) string {
	if len(codes) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString("default-codes:\n")
	for _, d := range codes {
		fmt.Fprintf(&b, "  %d: %s  # or %s\n", d.Status, yamlString(d.Code), strings.Join(d.Others, ", "))
	}
	return b.String()
}

// yamlString spells s as a YAML scalar that reads back as the string s:
// plain when it does (UNAUTHORIZED), double-quoted otherwise ("404",
// "true", "a: b").
func yamlString(s string) string {
	var back any
	if err := yaml.Unmarshal([]byte("k: "+s), &back); err == nil {
		if m, ok := back.(map[string]any); ok && m["k"] == s && !strings.ContainsAny(s, "#\n") {
			return s
		}
	}
	return strconv.Quote(s)
}

// codeChoice is what the generated handlers send: Go constant names.
type codeChoice struct {
	ForStatus []statusCode // codeFor's cases
	// Fallback4xx is sent for a 4xx status without a code: the code of
	// 400 ("" when 400 has none).
	Fallback4xx string
	// Internal is sent for an unexpected error: the code of 500, else the
	// first code of a 5xx status; else InternalDecl, declared by the
	// generated file.
	Internal, InternalDecl string
	CodeForDoc             []string // codeFor's comment

	// The codes of NoRoute (404), NoMethod (405) and LimitReached (429),
	// and the statuses they are documented with.
	NotFoundCode, NoMethodCode, LimitCode       string
	NotFoundStatus, NoMethodStatus, LimitStatus int
}

// statusCode is a case of codeFor.
type statusCode struct{ Status, Name string }

// choose picks the codes of the handlers from the catalog, after d.codes:
// for each status, the one that chosen (default-codes:) names, else the
// first.
func (d *data) choose(cat *catalog.Catalog, chosen map[int]string) error {
	c := &d.codeChoice
	first := map[int]string{} // status -> the constant of its first code
	var order []int
	var first5xx string
	for _, e := range cat.Entries() {
		if _, ok := first[e.Status]; ok {
			continue
		}
		name := constName(e.Code)
		first[e.Status] = name
		order = append(order, e.Status)
		if e.Status >= 500 && e.Status < 600 && first5xx == "" {
			first5xx = name
		}
	}
	slices.Sort(order)
	for _, s := range slices.Sorted(maps.Keys(chosen)) {
		code := chosen[s]
		if codes := cat.CodesWithStatus(s); !slices.Contains(codes, code) {
			has := "none"
			if len(codes) > 0 {
				has = strings.Join(codes, ", ")
			}
			return fmt.Errorf("default-codes: %d: the catalog does not document %s with status %d (its codes with %d: %s)", s, code, s, s, has)
		}
		first[s] = constName(code)
	}
	for _, s := range order {
		c.ForStatus = append(c.ForStatus, statusCode{statusExpr(s), first[s]})
	}
	c.Fallback4xx = first[400]
	internalDoc := ""
	switch {
	case first[500] != "":
		c.Internal = first[500]
	case first5xx != "":
		c.Internal = first5xx
		internalDoc = " (the catalog documents no code with status 500: the first of a 5xx status)"
	default:
		c.Internal, c.InternalDecl = "codeInternalError", "INTERNAL_ERROR"
		internalDoc = " (the catalog documents no 5xx code: a code of the generated file that Code.Status sends with 500)"
	}
	doc := "codeFor is the code sent for an error of the framework (or of net/http) with the given status: the code that the catalog documents with the status, the first of several in the catalog's order (the choice that apierrlint gen prints as default-codes: for .apierrlint.yml); "
	if len(chosen) > 0 {
		doc = "codeFor is the code sent for an error of the framework (or of net/http) with the given status: the code that the catalog documents with the status; of several, the one that default-codes: names, else the first in the catalog's order; "
	}
	if c.Fallback4xx != "" {
		doc += "for another 4xx status, " + c.Fallback4xx + "; "
	}
	doc += "for any other status, " + c.Internal + internalDoc + ". The code decides the status sent: a status without a code of its own is not sent."
	c.CodeForDoc = wrap(doc, commentWidth+4)
	statusOf := map[string]int{c.InternalDecl: 500}
	for _, k := range d.Codes {
		statusOf[k.Name] = k.Status
	}
	pick := func(status int) (string, int) {
		switch {
		case first[status] != "":
			return first[status], status
		case status < 500 && c.Fallback4xx != "":
			return c.Fallback4xx, 400
		}
		return c.Internal, statusOf[c.Internal]
	}
	c.NotFoundCode, c.NotFoundStatus = pick(404)
	c.NoMethodCode, c.NoMethodStatus = pick(405)
	c.LimitCode, c.LimitStatus = pick(429)
	return nil
}
