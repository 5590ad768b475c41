package driver

import (
	"errors"
	"flag"
	"go/token"
	"strings"
	"testing"
)

func TestUsageError(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("catalog", "", "")
	fs.String("retry-after", "", "")
	fs.Bool("json", false, "")
	for _, c := range []struct{ err, want string }{
		{"flag provided but not defined: -catlog", "apierrlint: unknown flag -catlog; did you mean -catalog?\n"},
		{"flag provided but not defined: -cat", "apierrlint: unknown flag -cat; did you mean -catalog?\n"},
		{"flag provided but not defined: -retry-afterr=5", "apierrlint: unknown flag -retry-afterr=5; did you mean -retry-after?\n"},
		{"flag provided but not defined: -zzzzzz", "apierrlint: unknown flag -zzzzzz\n"},
		{"a\nb\nc\nd\ne\nf", "apierrlint: a\napierrlint: b\napierrlint: c\napierrlint: (and 3 more)\n"},
	} {
		got := UsageError(fs, errors.New(c.err), "apierrlint")
		want := c.want + "run 'apierrlint -h' for the flags\n"
		if got != want {
			t.Errorf("UsageError(%q) =\n%s\nwant\n%s", c.err, got, want)
		}
		if n := strings.Count(got, "\n"); n > 5 {
			t.Errorf("UsageError(%q): %d lines", c.err, n)
		}
	}
}

func TestSortAndSummary(t *testing.T) {
	pos := func(file string, line, col int) token.Position {
		return token.Position{Filename: file, Line: line, Column: col}
	}
	list := Sort([]Finding{
		{Posn: pos("b.go", 2, 1), Category: "unknown-code", Message: "m3"},
		{Posn: pos("a.go", 10, 1), Category: "raw-http-error", Message: "m2"},
		{Posn: pos("a.go", 9, 5), Category: "raw-http-error", Message: "m1"},
		{Posn: pos("a.go", 10, 1), Category: "raw-http-error", Message: "m2"}, // a test variant's copy
	})
	var got []string
	for _, f := range list {
		got = append(got, f.Message)
	}
	if strings.Join(got, " ") != "m1 m2 m3" {
		t.Errorf("Sort: %v, want m1 m2 m3", got)
	}
	if s := Summary(list, []string{"raw-http-error", "unknown-code", "status-mismatch"}); s != "3 findings: raw-http-error 2, unknown-code 1" {
		t.Errorf("Summary = %q", s)
	}
	if s := Summary(nil, nil); s != "" {
		t.Errorf("Summary(nil) = %q", s)
	}
}
