package main_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// shapeModule is a module with a problem body (right under preset problem)
// and the seed's body (right under the default shape), both sent with 404.
var shapeModule = map[string]string{
	"go.mod": "module example.com/shp\n\ngo 1.26\n",
	"main.go": `package main

import (
	"encoding/json"
	"net/http"
)

func problem(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"title": "Not Found", "status": 404, "code": "NOT_FOUND"})
}

func seed(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]any{"code": "NOT_FOUND", "message": "no such pet"})
}

func main() {
	http.HandleFunc("/a", problem)
	http.HandleFunc("/b", seed)
}
`,
}

const (
	seedUnderProblem  = `main.go:15:28: error-body-shape: the error body {"code", "message"}: no "title" and no "status" key; send {"type", "title", "status", "detail", "instance", "code"}`
	problemUnderSeed  = `main.go:10:28: error-body-shape: the error body {"title", "status", "code"}: no "message" key; send {"code", "message", "details", "request_id"}`
	flatUnderEnvelope = `main.go:10:28: error-body-shape: the error body {"title", "status", "code"}: no "error" key; send {"error": {"code", "message"}}`
	seedUnderEnvelope = `main.go:15:28: error-body-shape: the error body {"code", "message"}: no "error" key; send {"error": {"code", "message"}}`
)

// TestShapeDrivers: the shape reaches the analysis from -shape (the command
// and go vet), from .apierrlint.yml, and from the catalog's
// response-format block; the flag wins over the file, the file over the
// catalog.
func TestShapeDrivers(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, shapeModule)
	check := func(name string, want []string, cmd string, args ...string) {
		t.Helper()
		out, code := run(t, dir, cmd, args...)
		if code == 0 && cmd == bin || code == 2 {
			t.Errorf("%s: exit code %d\n%s", name, code, out)
		}
		if got := findings(dir, out); !slices.Equal(got, want) {
			t.Errorf("%s: findings\n%q\nwant\n%q\n%s", name, got, want, out)
		}
	}
	check("default", []string{problemUnderSeed}, bin, "./...")
	check("-shape problem", []string{seedUnderProblem}, bin, "-shape", "problem", "./...")
	check("go vet -shape=problem", []string{seedUnderProblem}, "go", "vet", "-vettool="+bin, "-shape=problem", "./...")

	writeFile(t, filepath.Join(dir, "errors.md"), "```json\n{\"error\": {\"code\": \"NOT_FOUND\", \"message\": \"...\"}}\n```\n\n| Code | HTTP Status |\n|---|---|\n| NOT_FOUND | 404 |\n")
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "catalog: errors.md\n")
	check("the catalog's block", []string{flatUnderEnvelope, seedUnderEnvelope}, bin, "./...")
	check("go vet, the catalog's block", []string{flatUnderEnvelope, seedUnderEnvelope}, "go", "vet", "-vettool="+bin, "./...")

	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "catalog: errors.md\nshape:\n  preset: problem\n")
	check("the file's shape over the catalog's", []string{seedUnderProblem}, bin, "./...")
	check("-shape over the file", []string{problemUnderSeed}, bin, "-shape=document", "./...")

	if err := os.Remove(filepath.Join(dir, ".apierrlint.yml")); err != nil {
		t.Fatal(err)
	}
	out, code := run(t, dir, bin, "-shape", "rfc9457", "./...")
	if code != 2 || !strings.Contains(out, `invalid value "rfc9457" for flag -shape: unknown preset "rfc9457"; the presets are document, problem, envelope`) {
		t.Errorf("-shape rfc9457: exit code %d\n%s", code, out)
	}
}

// TestGenShape: gen writes the shape of .apierrlint.yml, and -shape
// overrides it.
func TestGenShape(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ".apierrlint.yml"), "shape:\n  preset: problem\n")
	stdout, stderr, code := runGen(t, dir, nil, "-pkg", "apierr")
	if code != 0 {
		t.Fatalf("gen: exit code %d\n%s", code, stderr)
	}
	for _, want := range []string{
		"\tMessage string `json:\"detail,omitempty\"`\n",
		"\tHTTPStatus int `json:\"status\"`\n",
		"\tbody.HTTPStatus = status\n",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("gen with shape problem: no %q in\n%s", want, stdout)
		}
	}
	stdout, _, _ = runGen(t, dir, nil, "-pkg", "apierr", "-shape", "envelope")
	if !strings.Contains(stdout, "type envelope struct {\n\tError *Error `json:\"error\"`\n}\n") || strings.Contains(stdout, "HTTPStatus") {
		t.Errorf("-shape envelope does not override .apierrlint.yml:\n%s", stdout)
	}
	_, stderr, code = runGen(t, dir, nil, "-pkg", "apierr", "-request-id", "RequestID")
	if code != 2 || !strings.Contains(stderr, "-request-id: the error body's shape has no request id key") {
		t.Errorf("gen -request-id with a problem shape: exit code %d\n%s", code, stderr)
	}
}
