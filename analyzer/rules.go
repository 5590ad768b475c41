package analyzer

import (
	"fmt"
	"slices"
	"strings"
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
)

// Rules lists every rule id in documentation order.
var Rules = []string{RuleRawHTTPError, RuleUnknownCode, RuleStatusMismatch, RuleMissingRetryAfter, RuleErrorBodyShape, RuleRetryAfterFormat, RuleDefaultErrorResponse}

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
		return fmt.Errorf("unknown rule %q (known rules: %s)", r, strings.Join(Rules, ", "))
	}
	return nil
}

// checkDisable checks a rule id to disable: a rule, or the findings about
// ignore directives themselves.
func checkDisable(r string) error {
	if r != RuleIgnoreDirective && !slices.Contains(Rules, r) {
		return fmt.Errorf("unknown rule %q (known rules: %s, %s)", r, strings.Join(Rules, ", "), RuleIgnoreDirective)
	}
	return nil
}
