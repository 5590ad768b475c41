// Package baseline reads and writes apierrlint's baseline files: the
// findings that a project has accepted for now (`apierrlint
// -write-baseline=FILE`), so that a run with the baseline reports only the
// findings that are not in it (`-baseline=FILE`, or `baseline:` in
// .apierrlint.yml). docs/baseline.md describes the file for users.
//
// A finding is identified by its [Key] and its rank among the findings of
// the same key, never by its line: the analyzer computes both when it
// reports (see analyzer/fingerprint.go), so that every driver (the command,
// go vet, the language server, golangci-lint, gopls, nogo) identifies a
// finding the same way.
package baseline

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"iter"
	"maps"
	"os"
	"slices"
	"strings"
)

// Version is the version of the file format, its "version" field.
const Version = 1

// Key identifies a finding independently of where in its file it is.
type Key struct {
	// Rule is the rule id (the diagnostic's category).
	Rule string `json:"rule"`
	// File is the file's module-root-relative path qualified by its module:
	// the package's import path and the file's base name
	// ("example.com/app/internal/api/users.go"; an external test package's
	// import path ends in _test). It names the same file whatever the
	// working directory, wherever the checkout is, in every driver, and
	// tells the modules of a go.work apart.
	File string `json:"file"`
	// Function is the enclosing function: "Name", "Recv.Name" for a method
	// (without * or type parameters), ".funcN" appended for the Nth
	// function literal of its parent (Handler.func2.func1); the name of the
	// variable for a package-level declaration; "" outside any.
	Function string `json:"function,omitempty"`
	// Message is the message with positions (file.go:12:3) removed.
	Message string `json:"message"`
}

// ID identifies one finding: its key and its rank (from 0) among the
// findings of the same key, in the order of their positions.
type ID struct {
	Key
	Rank int
}

// Fingerprint is the finding's identity as one string: the hex SHA-256 of
// its key and rank, cut to 32 digits (SARIF's partialFingerprints).
func (id ID) Fingerprint() string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00%s\x00%s\x00%s\x00%d", id.Rule, id.File, id.Function, id.Message, id.Rank)
	return hex.EncodeToString(h.Sum(nil))[:32]
}

// Entry is one key of a baseline file and how many findings have it.
type Entry struct {
	Key
	// Count is the number of findings with this key (omitted for 1):
	// those of ranks 0 to Count-1 are in the baseline.
	Count int `json:"count,omitempty"`
}

// file is the JSON form of a baseline file.
type file struct {
	Version  int     `json:"version"`
	Comment  string  `json:"comment,omitempty"`
	Findings []Entry `json:"findings"`
}

// comment heads every file that Write writes.
const comment = "apierrlint baseline: findings accepted for now, not reported (docs/baseline.md). Regenerate with apierrlint -write-baseline=FILE."

// Baseline is a baseline file, read.
type Baseline struct {
	// Path is the file's path as it was loaded.
	Path    string
	entries map[Key]int
}

// Count returns how many findings with key k the baseline holds.
func (b *Baseline) Count(k Key) int {
	if b == nil {
		return 0
	}
	return b.entries[k]
}

// Has reports whether the baseline holds the finding id.
func (b *Baseline) Has(id ID) bool { return id.Rank < b.Count(id.Key) }

// All returns the baseline's keys and counts, in no order.
func (b *Baseline) All() iter.Seq2[Key, int] {
	if b == nil {
		return func(func(Key, int) bool) {}
	}
	return maps.All(b.entries)
}

// Entries returns the baseline's entries, sorted.
func (b *Baseline) Entries() []Entry {
	if b == nil {
		return nil
	}
	list := make([]Entry, 0, len(b.entries))
	for k, n := range b.entries {
		list = append(list, Entry{k, n})
	}
	sortEntries(list)
	return list
}

// Len returns the number of findings the baseline holds.
func (b *Baseline) Len() int {
	n := 0
	for _, c := range b.entries {
		n += c
	}
	return n
}

// New returns a baseline that holds the findings ids (duplicates count
// once: a package and its test variant report the same finding).
func New(ids []ID) *Baseline {
	b := &Baseline{entries: map[Key]int{}}
	for _, id := range ids {
		b.entries[id.Key] = max(b.entries[id.Key], id.Rank+1)
	}
	return b
}

// Load reads a baseline file. Errors name the file (and the line, for a
// JSON syntax error).
func Load(path string) (*Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = pe.Err
		}
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	var f file
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("%s:%d: not a baseline file: %v", path, 1+bytes.Count(data[:se.Offset], []byte("\n")), err)
		}
		return nil, fmt.Errorf("%s: not a baseline file: %v", path, err)
	}
	if f.Version != Version {
		return nil, fmt.Errorf("%s: baseline version %d, want %d (write it again with apierrlint -write-baseline)", path, f.Version, Version)
	}
	b := &Baseline{Path: path, entries: map[Key]int{}}
	for i, e := range f.Findings {
		if e.Rule == "" || e.File == "" || e.Message == "" {
			return nil, fmt.Errorf("%s: findings[%d]: rule, file and message are required", path, i)
		}
		if e.Count < 0 {
			return nil, fmt.Errorf("%s: findings[%d]: negative count %d", path, i, e.Count)
		}
		b.entries[e.Key] += max(e.Count, 1)
	}
	return b, nil
}

// Marshal returns the baseline as a file: indented JSON, one entry per
// key, sorted by file, function, rule and message, so that it diffs well.
func (b *Baseline) Marshal() []byte {
	f := file{Version: Version, Comment: comment, Findings: b.Entries()}
	for i := range f.Findings {
		if f.Findings[i].Count == 1 {
			f.Findings[i].Count = 0 // omitted
		}
	}
	if f.Findings == nil {
		f.Findings = []Entry{}
	}
	data, err := json.MarshalIndent(f, "", "  ")
	if err != nil {
		panic(err) // strings and ints only
	}
	return append(data, '\n')
}

// Write writes the baseline to path.
func (b *Baseline) Write(path string) error {
	return os.WriteFile(path, b.Marshal(), 0o644)
}

func sortEntries(list []Entry) {
	slices.SortFunc(list, func(a, b Entry) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			strings.Compare(a.Function, b.Function),
			strings.Compare(a.Rule, b.Rule),
			strings.Compare(a.Message, b.Message))
	})
}

// Use is what the analysis of one package did with a baseline. The
// analyzer's result carries it; a driver that prints a summary adds up the
// uses of all its packages with a [Tally].
type Use struct {
	// Package is the package's import path, the directory part of the
	// File of its keys.
	Package string
	// Files are the base names of all of the package's Go files, checked
	// or not.
	Files []string
	// Hidden maps each entry of the baseline in a file that the analysis
	// checked, for a rule that is enabled, to the number of findings that
	// it hid (0 for none: the findings are gone).
	Hidden map[Key]int
	// Disabled are the rules that were not reported.
	Disabled []string
}

// Tally adds up the uses of a baseline by the packages of one run.
type Tally struct {
	hidden   map[Key]int
	files    map[string]map[string]bool // package -> base names
	disabled map[string]bool
}

// Add adds a package's use. A package and its test variant share files:
// an entry counts the most findings that one of them hid.
func (t *Tally) Add(u *Use) {
	if u == nil {
		return
	}
	if t.hidden == nil {
		t.hidden, t.files, t.disabled = map[Key]int{}, map[string]map[string]bool{}, map[string]bool{}
	}
	for k, n := range u.Hidden {
		t.hidden[k] = max(t.hidden[k], n)
	}
	if t.files[u.Package] == nil {
		t.files[u.Package] = map[string]bool{}
	}
	for _, f := range u.Files {
		t.files[u.Package][f] = true
	}
	for _, r := range u.Disabled {
		t.disabled[r] = true
	}
}

// Counts returns how many findings the baseline hid, and how many of its
// findings no longer occur: an entry of a file that the run checked hid
// fewer findings than it counts, or its file is gone from a package that
// the run analyzed. Entries of packages that the run did not analyze, of
// files it did not check (test or generated files, unless asked for) and
// of disabled rules are neither.
func (t *Tally) Counts(b *Baseline) (hidden, stale int) {
	for _, e := range b.Entries() {
		n, checked := t.hidden[e.Key]
		switch {
		case checked:
			hidden += n
			stale += e.Count - n
		case t.gone(e.Key):
			stale += e.Count
		}
	}
	return hidden, stale
}

// gone reports whether k's file is not in its package although the run
// analyzed the package (with its test files, for a test file).
func (t *Tally) gone(k Key) bool {
	if t.disabled[k.Rule] {
		return false
	}
	i := strings.LastIndexByte(k.File, '/')
	if i < 0 {
		return false
	}
	files, ok := t.files[k.File[:i]]
	if !ok || files[k.File[i+1:]] {
		return false
	}
	if strings.HasSuffix(k.File, "_test.go") {
		// Only a test variant lists test files: without one, the file
		// may be there, not loaded.
		for f := range files {
			if strings.HasSuffix(f, "_test.go") {
				return true
			}
		}
		return false
	}
	return true
}
