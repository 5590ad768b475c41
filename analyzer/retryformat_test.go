package analyzer

import (
	"reflect"
	"testing"
)

// TestParseVerbs pins the reading of a Sprintf format that the
// retry-after-format rule uses: the verbs, and the precision that decides
// whether a float is printed whole. Formats that end inside a verb have no
// verb there (and do not panic).
func TestParseVerbs(t *testing.T) {
	for _, tc := range []struct {
		format string
		want   []verb
	}{
		{"%d", []verb{{"%d", 'd', -1}}},
		{"%d%%", []verb{{"%d", 'd', -1}}},
		{"%03d", []verb{{"%03d", 'd', -1}}},
		{"%.0f", []verb{{"%.0f", 'f', 0}}},
		{"%.05f", []verb{{"%.05f", 'f', 5}}},
		{"%.9f", []verb{{"%.9f", 'f', 9}}},
		{"%.f", []verb{{"%.f", 'f', 0}}},
		{"%.1f s %v", []verb{{"%.1f", 'f', 1}, {"%v", 'v', -1}}},
		{"%.5", nil},
		{"%5", nil},
		{"%", nil},
		{"30", nil},
	} {
		if got := parseVerbs(tc.format); !reflect.DeepEqual(got, tc.want) {
			t.Errorf("parseVerbs(%q) = %+v, want %+v", tc.format, got, tc.want)
		}
	}
}
