package contractcache

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

const petstore = "../../catalog/testdata/openapi/petstore.yaml"

// newCache returns a cache in a temporary directory, and a copy of the
// petstore document in another one.
func newCache(t *testing.T) (*Cache, string) {
	t.Helper()
	c := &Cache{Dir: filepath.Join(t.TempDir(), "cache"), Salt: "test"}
	data, err := os.ReadFile(petstore)
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "api.yaml")
	if err := os.WriteFile(doc, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return c, doc
}

func entries(t *testing.T, c *Cache) []string {
	t.Helper()
	m, _ := filepath.Glob(filepath.Join(c.Dir, "contract-*"))
	return m
}

// same fails unless got is the catalog that catalog.LoadAll reads from path:
// codes with lines and pointers, shape, operations.
func same(t *testing.T, got *catalog.Catalog, paths ...string) {
	t.Helper()
	want, err := catalog.LoadAll(paths...)
	if err != nil {
		t.Fatal(err)
	}
	if got.Source() != want.Source() || !reflect.DeepEqual(got.Entries(), want.Entries()) ||
		!reflect.DeepEqual(got.Operations(), want.Operations()) || !reflect.DeepEqual(got.Shape(), want.Shape()) {
		t.Errorf("cached catalog differs from the parsed one:\n got %s %+v %+v %+v\nwant %s %+v %+v %+v",
			got.Source(), got.Entries(), got.Operations(), got.Shape(), want.Source(), want.Entries(), want.Operations(), want.Shape())
	}
	if len(got.Operations()) == 0 || got.Len() == 0 {
		t.Errorf("the test document has no codes or no operations: %d, %d", got.Len(), len(got.Operations()))
	}
}

// logged runs f with APIERRLINT_CACHE_LOG set and returns what it logged,
// the entry's file replaced by ENTRY.
func logged(t *testing.T, f func()) string {
	t.Helper()
	log := filepath.Join(t.TempDir(), "log")
	t.Setenv(LogEnvVar, log)
	f()
	data, _ := os.ReadFile(log)
	s := string(data)
	for _, w := range strings.Fields(s) {
		if strings.Contains(w, "contract-") {
			s = strings.ReplaceAll(s, w, "ENTRY")
		}
	}
	return s
}

// TestMissThenHit: the first load parses and writes the entry, the second
// reads it, and both are the parsed catalog, under the path they were given.
func TestMissThenHit(t *testing.T) {
	c, doc := newCache(t)
	var first, second *catalog.Catalog
	if got := logged(t, func() { first = load(t, c, doc) }); got != "miss ENTRY\nwrite ENTRY\n" {
		t.Errorf("first load logged %q, want a miss and a write", got)
	}
	same(t, first, doc)
	if n := len(entries(t, c)); n != 1 {
		t.Fatalf("%d entries, want 1", n)
	}
	if got := logged(t, func() { second = load(t, c, doc) }); got != "hit ENTRY\n" {
		t.Errorf("second load logged %q, want a hit", got)
	}
	same(t, second, doc)

	// The same bytes under another path: the entry is used, and the
	// catalog names the path it was given.
	other := filepath.Join(t.TempDir(), "other.yaml")
	data, _ := os.ReadFile(doc)
	os.WriteFile(other, data, 0o644)
	var third *catalog.Catalog
	if got := logged(t, func() { third = load(t, c, other) }); got != "hit ENTRY\n" {
		t.Errorf("load under another path logged %q, want a hit", got)
	}
	same(t, third, other)

	// An edit is another document: a miss.
	os.WriteFile(doc, append(data, "\n# edited\n"...), 0o644)
	if got := logged(t, func() { load(t, c, doc) }); got != "miss ENTRY\nwrite ENTRY\n" {
		t.Errorf("load of the edited document logged %q, want a miss", got)
	}
	if n := len(entries(t, c)); n != 2 {
		t.Errorf("%d entries, want 2", n)
	}
}

func load(t *testing.T, c *Cache, paths ...string) *catalog.Catalog {
	t.Helper()
	cat, err := c.Load(paths...)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// TestMerged: an OpenAPI document from the cache merges with a Markdown
// catalog as catalog.LoadAll merges them.
func TestMerged(t *testing.T) {
	c, doc := newCache(t)
	md := filepath.Join(t.TempDir(), "errors.md")
	os.WriteFile(md, []byte("| Code | HTTP Status |\n|---|---|\n| TEAPOT | 418 |\n"), 0o644)
	load(t, c, md, doc)
	same(t, load(t, c, md, doc), md, doc)
}

// TestCorrupt: a truncated, altered or foreign entry is ignored and
// written again, never an error and never read as a catalog.
func TestCorrupt(t *testing.T) {
	for name, spoil := range map[string]func([]byte) []byte{
		"truncated":          func(b []byte) []byte { return b[:len(b)/2] },
		"empty":              func([]byte) []byte { return nil },
		"a flipped byte":     func(b []byte) []byte { b = bytes.Clone(b); b[len(b)-10] ^= 0xff; return b },
		"another key":        func(b []byte) []byte { return bytes.Replace(b, []byte("\n"), []byte("\n0"), 2) },
		"garbage":            func([]byte) []byte { return []byte("apierrlint contract cache\nnot this\n") },
		"valid sum, bad gob": func(b []byte) []byte { return reseal(b, []byte("not gob")) },
	} {
		t.Run(name, func(t *testing.T) {
			c, doc := newCache(t)
			load(t, c, doc)
			file := entries(t, c)[0]
			data, _ := os.ReadFile(file)
			os.WriteFile(file, spoil(data), 0o644)
			var cat *catalog.Catalog
			if got := logged(t, func() { cat = load(t, c, doc) }); got != "miss ENTRY\nwrite ENTRY\n" {
				t.Errorf("load logged %q, want a miss and a write", got)
			}
			same(t, cat, doc)
			if got := logged(t, func() { same(t, load(t, c, doc), doc) }); got != "hit ENTRY\n" {
				t.Errorf("the load after logged %q, want a hit of the entry written again", got)
			}
		})
	}
}

// reseal replaces an entry's payload and its checksum.
func reseal(entry, payload []byte) []byte {
	lines := bytes.SplitN(entry, []byte("\n"), 4)
	var b bytes.Buffer
	fmt.Fprintf(&b, "%s\n%s\n%x\n", lines[0], lines[1], sha(payload))
	b.Write(payload)
	return b.Bytes()
}

// TestSalt: an entry that another apierrlint wrote (another salt: a new
// release, a rebuilt binary) is not read.
func TestSalt(t *testing.T) {
	c, doc := newCache(t)
	load(t, c, doc)
	c2 := &Cache{Dir: c.Dir, Salt: "another apierrlint"}
	if got := logged(t, func() { load(t, c2, doc) }); got != "miss ENTRY\nwrite ENTRY\n" {
		t.Errorf("load with another salt logged %q, want a miss", got)
	}
	if n := len(entries(t, c)); n != 2 {
		t.Errorf("%d entries, want one per salt", n)
	}
	if Salt() == "" || !strings.Contains(Salt(), fmt.Sprint(catalog.EncodingVersion)) {
		t.Errorf("Salt() = %q, want the encoding version in it", Salt())
	}
}

// TestErrors: a broken document's errors are cached, and read back with
// the path the document was given, line and pointer included.
func TestErrors(t *testing.T) {
	c, _ := newCache(t)
	data, err := os.ReadFile("../../catalog/testdata/openapi/conflict.yaml")
	if err != nil {
		t.Fatal(err)
	}
	doc := filepath.Join(t.TempDir(), "conflict.yaml")
	os.WriteFile(doc, data, 0o644)
	_, want := catalog.Load(doc)
	if want == nil {
		t.Fatal("conflict.yaml parses")
	}
	for i, wantLog := range []string{"miss ENTRY\nwrite ENTRY\n", "hit ENTRY\n"} {
		var err error
		if got := logged(t, func() { _, err = c.Load(doc) }); got != wantLog {
			t.Errorf("load %d logged %q, want %q", i, got, wantLog)
		}
		if err == nil || err.Error() != want.Error() {
			t.Errorf("load %d: error %v, want %v", i, err, want)
		}
	}
}

// TestDisabled: a cache without a directory (APIERRLINT_CACHE=off) parses
// every time and writes nothing; small catalogs are never cached.
func TestDisabled(t *testing.T) {
	t.Setenv(EnvVar, "off")
	if d := Default(); d.Dir != "" {
		t.Errorf("APIERRLINT_CACHE=off: directory %q, want none", d.Dir)
	}
	dir := t.TempDir()
	t.Setenv(EnvVar, dir)
	if d := Default(); d.Dir != dir {
		t.Errorf("APIERRLINT_CACHE=%s: directory %q", dir, d.Dir)
	}
	c, doc := newCache(t)
	off := &Cache{}
	if got := logged(t, func() { same(t, load(t, off, doc), doc) }); got != "" {
		t.Errorf("a disabled cache logged %q", got)
	}
	if got := logged(t, func() { load(t, c, "../../catalog/testdata/valid.json") }); got != "" {
		t.Errorf("a JSON catalog logged %q, want no cache use", got)
	}
	if n := len(entries(t, c)); n != 0 {
		t.Errorf("%d entries, want none", n)
	}
	// Read errors are the catalog's, uncached.
	if _, err := c.Load(filepath.Join(dir, "missing.yaml")); err == nil || !strings.Contains(err.Error(), "missing.yaml: cannot read catalog") {
		t.Errorf("missing file: %v", err)
	}
}

// TestConcurrentWriters: processes that miss at once all write the entry;
// every reader sees a whole entry or none.
func TestConcurrentWriters(t *testing.T) {
	c, doc := newCache(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 3 {
				cat, err := c.Load(doc)
				if err != nil {
					t.Error(err)
					return
				}
				same(t, cat, doc)
			}
		})
	}
	wg.Wait()
	if n := len(entries(t, c)); n != 1 {
		t.Errorf("%d entries, want 1", n)
	}
	if tmp, _ := filepath.Glob(filepath.Join(c.Dir, "tmp-*")); len(tmp) > 0 {
		t.Errorf("temporary files left: %v", tmp)
	}
}

func sha(b []byte) [32]byte { return sha256.Sum256(b) }
