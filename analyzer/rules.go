package analyzer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/apierrlint/apierrlint/internal/textdist"
)

// Rule identifiers. Each is the Category of the diagnostics of its rule and the
// first word of their message.
const (
	RuleRawHTTPError      = "raw-http-error"
	RuleUnknownCode       = "unknown-code"
	RuleStatusMismatch    = "status-mismatch"
	RuleMissingRetryAfter = "missing-retry-after"
	RuleErrorBodyShape    = "error-body-shape"
	RuleRetryAfterFormat  = "retry-after-format"
	// RuleDefaultErrorResponse: a framework's or net/http's own error
	// answer that the app does not replace (defaults.go).
	RuleDefaultErrorResponse = "default-error-response"
	// RuleUndocumentedStatus: a status that an OpenAPI operation's handler
	// answers and the operation does not document, or a route the document
	// does not describe (undocumented.go).
	RuleUndocumentedStatus = "undocumented-status"
)

// Rules lists every rule id in documentation order.
var Rules = []string{RuleRawHTTPError, RuleUnknownCode, RuleStatusMismatch, RuleMissingRetryAfter, RuleErrorBodyShape, RuleRetryAfterFormat, RuleDefaultErrorResponse, RuleUndocumentedStatus}

// ParseRules parses a comma-separated list of rule ids to disable: the
// rules and ignore-directive. An unknown id is an error that names it and
// lists the known ones.
func ParseRules(list string) ([]string, error) {
	var out []string
	for _, r := range strings.Split(list, ",") {
		r = strings.TrimSpace(r)
		if r == "" {
			continue
		}
		if err := checkDisable(r); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

// checkRule checks a rule id that an ignore directive names.
func checkRule(r string) error {
	if !slices.Contains(Rules, r) {
		return unknownRule(r, Rules)
	}
	return nil
}

// checkDisable checks a rule id to disable: a rule, or the findings about
// ignore directives themselves.
func checkDisable(r string) error {
	known := append(slices.Clone(Rules), RuleIgnoreDirective)
	if !slices.Contains(known, r) {
		return unknownRule(r, known)
	}
	return nil
}

// unknownRule names r, the known rule it most plausibly meant (as flags
// and settings do), and the known rules.
func unknownRule(r string, known []string) error {
	msg := fmt.Sprintf("unknown rule %q", r)
	if near := textdist.Nearest(r, known); near != "" {
		msg += "; did you mean " + near + "?"
	}
	return fmt.Errorf("%s (known rules: %s)", msg, strings.Join(known, ", "))
}
