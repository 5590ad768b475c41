package baseline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func key(file, fn, msg string) Key {
	return Key{Rule: "raw-http-error", File: file, Function: fn, Message: "raw-http-error: " + msg}
}

// TestRoundTrip: New counts ranks per key (a package and its test variant
// report the same finding twice), Marshal sorts and indents, Load reads
// back the same baseline, and marshaling again gives the same bytes.
func TestRoundTrip(t *testing.T) {
	a := key("example.com/x/b.go", "H", "m")
	b := key("example.com/x/a.go", "Z", "m")
	c := key("example.com/x/a.go", "A.func1", "n")
	bl := New([]ID{{a, 0}, {b, 0}, {a, 1}, {c, 0}, {a, 1}, {b, 0}})
	if bl.Len() != 4 || bl.Count(a) != 2 || !bl.Has(ID{a, 1}) || bl.Has(ID{a, 2}) {
		t.Fatalf("Len %d, Count(a) %d", bl.Len(), bl.Count(a))
	}
	data := bl.Marshal()
	text := string(data)
	if !(strings.Index(text, `"A.func1"`) < strings.Index(text, `"Z"`) && strings.Index(text, `"Z"`) < strings.Index(text, `"H"`)) {
		t.Errorf("not sorted by file, then function:\n%s", text)
	}
	if strings.Count(text, `"count": 2`) != 1 || strings.Count(text, `"count"`) != 1 {
		t.Errorf("count is written for 2 only:\n%s", text)
	}
	path := filepath.Join(t.TempDir(), "b.json")
	if err := bl.Write(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(back.Marshal()) != text || back.Path != path {
		t.Errorf("read back:\n%s\nwant\n%s", back.Marshal(), text)
	}
	if (ID{a, 0}).Fingerprint() == (ID{a, 1}).Fingerprint() || len((ID{a, 0}).Fingerprint()) != 32 {
		t.Error("fingerprints of ranks 0 and 1 are equal, or not 32 digits")
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	for name, c := range map[string]struct{ text, want string }{
		"syntax.json":  {"{\n\"version\": 1,\n\"findings\": [}\n", "syntax.json:3: not a baseline file: invalid character '}'"},
		"unknown.json": {`{"version": 1, "findings": [], "extra": 1}`, `unknown.json: not a baseline file: json: unknown field "extra"`},
		"version.json": {`{"version": 7, "findings": []}`, "version.json: baseline version 7, want 1"},
		"empty.json":   {`{"version": 1, "findings": [{"rule": "raw-http-error"}]}`, "empty.json: findings[0]: rule, file and message are required"},
	} {
		path := filepath.Join(dir, name)
		os.WriteFile(path, []byte(c.text), 0o644)
		_, err := Load(path)
		if err == nil || !strings.HasPrefix(err.Error(), filepath.Join(dir, c.want)) {
			t.Errorf("%s: %v, want %s", name, err, c.want)
		}
	}
	if _, err := Load(filepath.Join(dir, "none.json")); err == nil || !strings.HasSuffix(err.Error(), "none.json: no such file or directory") {
		t.Errorf("missing file: %v", err)
	}
}

// TestTally: hidden findings count once across a package and its test
// variant; an entry counts as gone when it hid fewer findings than it
// holds in a checked file, or its file left an analyzed package; not for a
// package the run did not analyze, a test file without a test variant,
// or a disabled rule.
func TestTally(t *testing.T) {
	fixed := key("example.com/x/a.go", "H", "m")         // count 2, one fixed
	kept := key("example.com/x/a.go", "G", "m")          // still there
	deleted := key("example.com/x/gone.go", "H", "m")    // the file is gone
	other := key("example.com/y/b.go", "H", "m")         // package not analyzed
	testFile := key("example.com/x/a_test.go", "T", "m") // no test variant analyzed
	disabled := Key{Rule: "unknown-code", File: "example.com/x/gone2.go", Message: "unknown-code: m"}
	b := New([]ID{{fixed, 0}, {fixed, 1}, {kept, 0}, {deleted, 0}, {other, 0}, {testFile, 0}, {disabled, 0}})

	var tl Tally
	for range 2 { // the package and its test variant's same files
		tl.Add(&Use{Package: "example.com/x", Files: []string{"a.go"}, Hidden: map[Key]int{fixed: 1, kept: 1}, Disabled: []string{"unknown-code"}})
	}
	hidden, stale := tl.Counts(b)
	if hidden != 2 || stale != 2 {
		t.Errorf("hidden %d, stale %d; want 2 (fixed once, kept) and 2 (fixed's second, gone.go)", hidden, stale)
	}
	// With the test variant's files, a test file that is gone counts.
	tl.Add(&Use{Package: "example.com/x", Files: []string{"a.go", "b_test.go"}, Hidden: map[Key]int{}})
	if _, stale := tl.Counts(b); stale != 3 {
		t.Errorf("stale %d with a test variant that has no a_test.go, want 3", stale)
	}
}
