package docs

import (
	"strings"
	"testing"
)

// TestDescribe: every rule has a short and a full description in plain
// text, taken from its row of the index and the first paragraph of its
// page (SARIF's rule descriptions).
func TestDescribe(t *testing.T) {
	rules := []string{"raw-http-error", "unknown-code", "status-mismatch", "missing-retry-after", "error-body-shape", "retry-after-format", "default-error-response", "undocumented-status", "ignore-directive"}
	for _, id := range rules {
		short, full := Describe(id)
		if len(short) < 20 || len(full) < 40 || strings.ContainsAny(short+full, "`*|\n") {
			t.Errorf("%s: short %q, full %q", id, short, full)
		}
	}
	short, full := Describe("raw-http-error")
	if !strings.HasPrefix(short, "http.Error, http.NotFound") || full != "It flags an error response that is not the documented JSON body." {
		t.Errorf("raw-http-error: short %q, full %q", short, full)
	}
	if _, full := Describe("status-mismatch"); full != "It flags a catalogued code sent with a constant status other than its documented one." {
		t.Errorf("status-mismatch: full %q (the sentence before the list is dropped)", full)
	}
	if s, f := Describe("no-such-rule"); s != "" || f != "" {
		t.Errorf("unknown rule described: %q %q", s, f)
	}
}
