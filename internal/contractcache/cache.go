// Package contractcache keeps the parsed contract of large catalog
// documents, so that reading one costs its parse once, not once per process.
//
// go vet runs apierrlint in a new process for each package; each process
// that analyzes a package loads the catalog. Parsing a 4 MB OpenAPI document
// takes 0.3-1 s and 100 MB (docs/openapi.md); reading its parsed contract
// back from this cache takes milliseconds. Markdown, JSON and YAML catalogs
// are not cached: they parse in less time than the cache's own reading
// costs (BENCHMARKS.md).
//
// An entry is keyed by the SHA-256 of the document's bytes and of the
// apierrlint that parsed it (its version and its executable's identity), so an edited document or a new apierrlint
// never reads an old entry. Entries are written atomically (a temporary
// file renamed into place: concurrent go vet processes may write the same
// entry) and read with validation: an entry that is truncated, corrupt or
// of another format is ignored and written again, never trusted and never
// an error. A document's errors are cached too, with their file, line and
// JSON pointer, so a broken document fails every package fast.
//
// The cache lives in os.UserCacheDir()/apierrlint; APIERRLINT_CACHE names
// another directory, and APIERRLINT_CACHE=off turns it off.
package contractcache

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"github.com/apierrlint/apierrlint/catalog"
)

// EnvVar names the cache's directory; "off" turns the cache off.
const EnvVar = "APIERRLINT_CACHE"

// LogEnvVar names a file to which each load appends "hit FILE", "miss
// FILE" or "write FILE" (FILE the cache entry): evidence for the tests
// that a process used the cache, as APIERRLINT_VET_LOG is for go vet's.
const LogEnvVar = "APIERRLINT_CACHE_LOG"

// Load loads the catalog files and merges them as [catalog.LoadAll] does,
// reading an OpenAPI document's parsed contract from the cache (see the
// package documentation) when it is there, and storing it when not. The
// catalog and its errors are those of catalog.LoadAll.
func Load(paths ...string) (*catalog.Catalog, error) {
	return Default().Load(paths...)
}

// Cache is a directory of parsed contracts.
type Cache struct {
	// Dir holds the entries; "" turns the cache off.
	Dir string
	// Salt identifies the apierrlint that reads and writes entries (see
	// [Salt]); entries written with another salt are never read.
	Salt string
}

// Default is the cache that APIERRLINT_CACHE names: os.UserCacheDir()/apierrlint
// when it is unset, none when it is "off" or there is no user cache
// directory.
func Default() *Cache {
	dir := os.Getenv(EnvVar)
	switch dir {
	case "off":
		dir = ""
	case "":
		if d, err := os.UserCacheDir(); err == nil {
			dir = filepath.Join(d, "apierrlint")
		}
	}
	return &Cache{Dir: dir, Salt: Salt()}
}

// Salt identifies this apierrlint: the catalog's encoding version,
// apierrlint's module version in the build info, and the executable's
// path, size and modification time, so that no other build (a new
// release, a rebuilt clone, a test binary, golangci-lint's custom binary)
// reads what this one parsed. (The executable's bytes are not hashed: that
// would cost each go vet process more than the cache saves on a small
// document.)
var Salt = sync.OnceValue(func() string {
	salt := fmt.Sprintf("contract %d", catalog.EncodingVersion)
	if bi, ok := debug.ReadBuildInfo(); ok {
		salt += " " + bi.Main.Path + "@" + bi.Main.Version
		for _, m := range bi.Deps {
			if m.Path == modulePath {
				salt += " " + m.Path + "@" + m.Version
			}
		}
	}
	exe, err := os.Executable()
	if err != nil {
		return salt + " " + err.Error()
	}
	fi, err := os.Stat(exe)
	if err != nil {
		return salt + " " + err.Error()
	}
	return fmt.Sprintf("%s %s %d %d", salt, exe, fi.Size(), fi.ModTime().UnixNano())
})

// modulePath is apierrlint's module, a dependency of the binary when it
// is built as a tool of another module or into golangci-lint.
const modulePath = "github.com/apierrlint/apierrlint"

// Load is [Load] with this cache.
func (c *Cache) Load(paths ...string) (*catalog.Catalog, error) {
	cats := make([]*catalog.Catalog, 0, len(paths))
	for _, p := range paths {
		cat, err := c.load(p)
		if err != nil {
			return nil, err
		}
		cats = append(cats, cat)
	}
	if len(cats) == 1 {
		return cats[0], nil
	}
	return catalog.Merge(cats...)
}

// load loads one file.
func (c *Cache) load(path string) (*catalog.Catalog, error) {
	data, err := catalog.ReadFile(path)
	if err != nil {
		return nil, err
	}
	if c == nil || c.Dir == "" || !catalog.IsOpenAPI(path, data) {
		return catalog.Parse(path, data)
	}
	key := c.key(data)
	file := filepath.Join(c.Dir, "contract-"+key)
	if cat, perr, ok := c.read(file, key, path); ok {
		logf("hit %s", file)
		return cat, perr
	}
	logf("miss %s", file)
	cat, perr := catalog.Parse(path, data)
	if payload, ok := encode(path, cat, perr); ok && c.write(file, key, payload) == nil {
		logf("write %s", file)
	}
	return cat, perr
}

// key is the entry's key: the SHA-256 of the salt and the document.
func (c *Cache) key(data []byte) string {
	h := sha256.New()
	fmt.Fprintf(h, "%s\x00", c.Salt)
	h.Write(data)
	return hex.EncodeToString(h.Sum(nil))
}

// An entry's file is the header, the SHA-256 of the payload, and the
// payload:
//
//	apierrlint contract cache\n
//	KEY\n
//	SHA-256 OF PAYLOAD\n
//	PAYLOAD (gob: entry)
const magic = "apierrlint contract cache\n"

// entry is what a parse produced: the encoded catalog, or its errors.
type entry struct {
	Name    string          // the document's path when it was parsed
	Catalog []byte          // catalog.Encode; nil when the parse failed
	Errors  []catalog.Error // the parse's errors (their File, Line, Msg)
}

// encode returns the payload of an entry for a parse's result; false when
// it cannot be cached (an error that is not a catalog error).
func encode(name string, cat *catalog.Catalog, perr error) ([]byte, bool) {
	e := entry{Name: name}
	if perr != nil {
		errs, ok := catalogErrors(perr)
		if !ok {
			return nil, false
		}
		e.Errors = errs
	} else {
		data, err := catalog.Encode(cat)
		if err != nil {
			return nil, false
		}
		e.Catalog = data
	}
	var b bytes.Buffer
	if gob.NewEncoder(&b).Encode(&e) != nil {
		return nil, false
	}
	return b.Bytes(), true
}

// catalogErrors flattens a parse error, a *catalog.Error or an
// errors.Join of them, into its errors.
func catalogErrors(err error) ([]catalog.Error, bool) {
	var list []error
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		list = j.Unwrap()
	} else {
		list = []error{err}
	}
	var out []catalog.Error
	for _, e := range list {
		ce, ok := e.(*catalog.Error)
		if !ok {
			return nil, false
		}
		out = append(out, catalog.Error{File: ce.File, Line: ce.Line, Msg: ce.Msg})
	}
	return out, len(out) > 0
}

// read returns the entry in file, for the document at name: its catalog
// or its parse error. ok is false when there is no valid entry.
func (c *Cache) read(file, key, name string) (cat *catalog.Catalog, perr error, ok bool) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, false
	}
	rest, found := bytes.CutPrefix(data, []byte(magic+key+"\n"))
	if !found || len(rest) < 65 || rest[64] != '\n' {
		return nil, nil, false
	}
	sum, payload := rest[:64], rest[65:]
	got := sha256.Sum256(payload)
	if hex.EncodeToString(got[:]) != string(sum) {
		return nil, nil, false
	}
	var e entry
	if gob.NewDecoder(bytes.NewReader(payload)).Decode(&e) != nil {
		return nil, nil, false
	}
	rename := func(s string) string {
		if s == e.Name {
			return name
		}
		return s
	}
	switch {
	case len(e.Errors) > 0 && e.Catalog == nil:
		errs := make([]error, len(e.Errors))
		for i, ce := range e.Errors {
			errs[i] = &catalog.Error{File: rename(ce.File), Line: ce.Line, Msg: ce.Msg}
		}
		if len(errs) == 1 {
			return nil, errs[0], true
		}
		return nil, errors.Join(errs...), true
	case len(e.Errors) == 0 && e.Catalog != nil:
		cat, err := catalog.Decode(e.Catalog, name)
		if err != nil {
			return nil, nil, false
		}
		touch(file)
		return cat, nil, true
	}
	return nil, nil, false
}

// write stores payload as the entry in file, atomically: a temporary file
// in the same directory, renamed into place.
func (c *Cache) write(file, key string, payload []byte) error {
	if err := os.MkdirAll(c.Dir, 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(c.Dir, "tmp-contract-*")
	if err != nil {
		return err
	}
	sum := sha256.Sum256(payload)
	_, err = fmt.Fprintf(tmp, "%s%s\n%s\n", magic, key, hex.EncodeToString(sum[:]))
	if err == nil {
		_, err = tmp.Write(payload)
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), file)
	}
	if err != nil {
		os.Remove(tmp.Name())
		return err
	}
	c.trim()
	return nil
}

// Entries not used for maxAge are removed when an entry is written; a hit
// refreshes an entry's modification time at most once per touchAge.
const (
	maxAge   = 30 * 24 * time.Hour
	touchAge = time.Hour
)

func touch(file string) {
	if fi, err := os.Stat(file); err == nil && time.Since(fi.ModTime()) > touchAge {
		now := time.Now()
		os.Chtimes(file, now, now)
	}
}

// trim removes entries (and temporary files left by a killed writer) that
// have not been used for maxAge: each edit of a document leaves one.
func (c *Cache) trim() {
	des, err := os.ReadDir(c.Dir)
	if err != nil {
		return
	}
	for _, de := range des {
		if !strings.HasPrefix(de.Name(), "contract-") && !strings.HasPrefix(de.Name(), "tmp-contract-") {
			continue
		}
		if fi, err := de.Info(); err == nil && time.Since(fi.ModTime()) > maxAge {
			os.Remove(filepath.Join(c.Dir, de.Name()))
		}
	}
}

// logf appends a line to the file that APIERRLINT_CACHE_LOG names, if any.
func logf(format string, args ...any) {
	name := os.Getenv(LogEnvVar)
	if name == "" {
		return
	}
	f, err := os.OpenFile(name, os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return
	}
	defer f.Close()
	fmt.Fprintf(f, format+"\n", args...)
}
