package textdist

import "testing"

func TestDistance(t *testing.T) {
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"NOT_FOUND", "NOT_FOUND", 0},
		{"NOT_FOUNDD", "NOT_FOUND", 1}, // insertion
		{"CONFLCIT", "CONFLICT", 1},    // transposition
		{"catlog", "catalog", 1},
		{"", "abc", 3},
		{"é", "e", 1}, // runes, not bytes
	} {
		if got := Distance(c.a, c.b); got != c.want {
			t.Errorf("Distance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

func TestNearest(t *testing.T) {
	rules := []string{"raw-http-error", "unknown-code", "status-mismatch"}
	for _, c := range []struct{ s, want string }{
		{"unknwon-code", "unknown-code"},
		{"status-mismatch", "status-mismatch"},
		{"raw", ""}, // too far from every rule
	} {
		if got := Nearest(c.s, rules); got != c.want {
			t.Errorf("Nearest(%q) = %q, want %q", c.s, got, c.want)
		}
	}
}
