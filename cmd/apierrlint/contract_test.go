package main_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// contractDoc is an OpenAPI document that gives PET_GONE 410.
const contractDoc = `openapi: 3.0.3
info: {title: Pets, version: "1"}
paths:
  /pets/{id}:
    get:
      responses:
        "200": {description: the pet}
        "410":
          description: gone
          content:
            application/json:
              schema:
                type: object
                required: [code, message]
                properties:
                  code: {type: string, enum: [PET_GONE]}
                  message: {type: string}
`

// TestContractCache: the first process that reads an OpenAPI document
// parses it and stores its contract in the cache; the next ones, the
// command's and go vet's package processes, read it from there (the cache
// log says so, and the entry is there), and find what the parse finds. With
// APIERRLINT_CACHE=off nothing is cached.
func TestContractCache(t *testing.T) {
	dir := t.TempDir()
	cache := filepath.Join(t.TempDir(), "cache")
	log := filepath.Join(t.TempDir(), "log")
	writeFiles(t, dir, map[string]string{
		"go.mod":   "module example.com/pets\n\ngo 1.26\n",
		"api.yaml": contractDoc,
		"pets/pets.go": `package pets

import (
	"encoding/json"
	"net/http"
)

func Get(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]string{"code": "PET_GONE", "message": "gone"})
}
`,
		"store/store.go": `package store

import "net/http"

func Put(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no", http.StatusConflict)
}
`,
	})
	env := []string{"APIERRLINT_CACHE=" + cache, "APIERRLINT_CACHE_LOG=" + log}
	readLog := func() string {
		data, _ := os.ReadFile(log)
		os.Remove(log)
		return strings.ReplaceAll(string(data), cache+string(filepath.Separator), "")
	}

	first, errOut, code := runSplitEnv(t, dir, env, bin, "catalog", "-catalog", "api.yaml")
	if code != 0 || !strings.Contains(first, "| PET_GONE | 410 |") {
		t.Fatalf("catalog -catalog api.yaml: exit %d\n%s%s", code, first, errOut)
	}
	got := readLog()
	entries, _ := filepath.Glob(filepath.Join(cache, "contract-*"))
	if len(entries) != 1 || got != "miss "+filepath.Base(entries[0])+"\nwrite "+filepath.Base(entries[0])+"\n" {
		t.Fatalf("first run: cache log %q, entries %v; want a miss and a write of the one entry", got, entries)
	}
	second, _, code := runSplitEnv(t, dir, env, bin, "catalog", "-catalog", "api.yaml")
	if got := readLog(); code != 0 || got != "hit "+filepath.Base(entries[0])+"\n" || second != first {
		t.Fatalf("second run: exit %d, cache log %q, output\n%s\nwant a hit and the same output\n%s", code, got, second, first)
	}

	// go vet: every package process that loads the catalog reads the
	// entry; the finding names the document's status.
	vetOut, vet, _ := runSplitEnv(t, dir, env, "go", "vet", "-vettool="+bin, "-catalog="+filepath.Join(dir, "api.yaml"), "./...")
	vet = vetOut + vet
	if !strings.Contains(vet, "PET_GONE is documented with 410, sent with 404") {
		t.Errorf("go vet: no status-mismatch from the cached contract:\n%s", vet)
	}
	got = readLog()
	if got == "" || strings.Contains(got, "miss") || strings.Count(got, "hit ") != strings.Count(got, "\n") {
		t.Errorf("go vet: cache log %q, want hits only", got)
	}

	// Off: parsed, nothing written or logged.
	off := []string{"APIERRLINT_CACHE=off", "APIERRLINT_CACHE_LOG=" + log}
	os.RemoveAll(cache)
	if out, _, code := runSplitEnv(t, dir, off, bin, "catalog", "-catalog", "api.yaml"); code != 0 || out != first {
		t.Errorf("APIERRLINT_CACHE=off: exit %d, output\n%s", code, out)
	}
	if got := readLog(); got != "" {
		t.Errorf("APIERRLINT_CACHE=off: cache log %q", got)
	}
	if _, err := os.Stat(cache); err == nil {
		t.Errorf("APIERRLINT_CACHE=off: %s was created", cache)
	}
}
