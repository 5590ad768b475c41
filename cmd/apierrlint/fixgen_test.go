package main_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFixAfterGen: the migration as a new user runs it, with the real
// binary on a tiny gin module: apierrlint gen writes the error package,
// .apierrlint.yml names its writer (no package imports it yet) and a
// default code for 401; -fix rewrites the raw writes and the literal body
// of the wrong shape into the writer's calls, with the import added; the
// module builds and vets; a second -fix changes nothing, and the raw and
// shape findings are gone while a 2xx body with an "error" key is left
// alone. Without error-writer, apierrlint -fix finds gen's package among
// those it loads, by its header.
func TestFixAfterGen(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gin: not with -short")
	}
	for name, config := range map[string]string{
		"error-writer": "error-writer: example.com/app/internal/apierr.Write\n",
		"discovered":   "",
	} {
		t.Run(name, func(t *testing.T) { fixAfterGen(t, config+"default-codes:\n  401: UNAUTHORIZED\n") })
	}
}

func fixAfterGen(t *testing.T, config string) {
	realapi := filepath.Join("..", "..", "analyzer", "testdata", "realapi")
	gomod, err := os.ReadFile(filepath.Join(realapi, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(realapi, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":          string(bytes.Replace(gomod, []byte("module example.com/realapi"), []byte("module example.com/app"), 1)),
		"go.sum":          string(gosum),
		".apierrlint.yml": config,
		"handlers/handlers.go": `// Package handlers answers errors every way but the documented one.
package handlers

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Get(c *gin.Context) {
	switch c.Query("q") {
	case "a":
		c.String(http.StatusNotFound, "no such pet %s", c.Query("id"))
	case "b":
		c.AbortWithStatus(http.StatusUnauthorized)
	case "c":
		c.JSON(http.StatusBadRequest, gin.H{"error": "bad input", "field": "name"})
	case "d":
		c.String(http.StatusInternalServerError, "boom")
	default:
		c.JSON(http.StatusOK, gin.H{"error": "none"})
	}
}
`,
	})
	if err := os.MkdirAll(filepath.Join(dir, "internal", "apierr"), 0o755); err != nil {
		t.Fatal(err)
	}
	if out, code := run(t, dir, bin, "gen", "-framework", "gin", "-pkg", "apierr", "-o", "internal/apierr/errors_gen.go"); code != 0 {
		t.Fatalf("gen: %s", out)
	}
	out, _ := run(t, dir, bin, "-fix", "./...")
	if !strings.Contains(out, "applied 3 fixes to 1 file; 1 finding remains: raw-http-error 1") {
		t.Errorf("first -fix:\n%s", out)
	}
	if !strings.Contains(out, "status 500; send a JSON error body {\"code\", \"message\", ...} (no fix: 500 has 2 codes; set default-codes)") {
		t.Errorf("the 500 finding does not say why it has no fix:\n%s", out)
	}
	fixed, err := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`"example.com/app/internal/apierr"`,
		`apierr.Write(c, apierr.CodeNotFound, fmt.Sprintf("no such pet %s", c.Query("id")))`,
		`apierr.Write(c, apierr.CodeUnauthorized, "Unauthorized")`,
		`apierr.WriteError(c, apierr.New(apierr.CodeBadRequest, "bad input").WithDetails(map[string]any{"field": "name"}))`,
		`c.String(http.StatusInternalServerError, "boom")`,
		`c.JSON(http.StatusOK, gin.H{"error": "none"})`,
	} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("the fixed file lacks %s:\n%s", want, fixed)
		}
	}
	if out, code := run(t, dir, "go", "build", "./..."); code != 0 {
		t.Fatalf("fixed code does not build:\n%s", out)
	}
	if out, code := run(t, dir, "go", "vet", "./..."); code != 0 {
		t.Fatalf("fixed code does not vet:\n%s", out)
	}
	out, _ = run(t, dir, bin, "-fix", "./...")
	again, _ := os.ReadFile(filepath.Join(dir, "handlers", "handlers.go"))
	if !bytes.Equal(again, fixed) || !strings.Contains(out, "applied 0 fixes") {
		t.Errorf("a second -fix changed the code:\n%s\n%s", out, again)
	}
	after, _ := run(t, dir, bin, "./...")
	if got := findings(dir, after); len(got) != 1 || !strings.Contains(got[0], "status 500") {
		t.Errorf("after -fix, want the 500 finding alone, got:\n%s", after)
	}
}

// TestFixNewCodeOnly: on a service that adopts apierrlint with a baseline,
// -fix -baseline rewrites the new code's raw writes and leaves the ones
// the baseline holds as they are; a package pattern limits it too.
func TestFixNewCodeOnly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gin: not with -short")
	}
	realapi := filepath.Join("..", "..", "analyzer", "testdata", "realapi")
	gomod, err := os.ReadFile(filepath.Join(realapi, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	gosum, err := os.ReadFile(filepath.Join(realapi, "go.sum"))
	if err != nil {
		t.Fatal(err)
	}
	old := `package %s

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func Old(c *gin.Context) {
	c.String(http.StatusNotFound, "old")
}
`
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod":          string(bytes.Replace(gomod, []byte("module example.com/realapi"), []byte("module example.com/app"), 1)),
		"go.sum":          string(gosum),
		".apierrlint.yml": "error-writer: example.com/app/internal/apierr.Write\n",
		"a/a.go":          strings.Replace(old, "%s", "a", 1),
		"b/b.go":          strings.Replace(old, "%s", "b", 1),
	})
	if out, code := run(t, dir, bin, "gen", "-framework", "gin", "-pkg", "apierr", "-o", "internal/apierr/errors_gen.go"); code != 0 {
		t.Fatalf("gen: %s", out)
	}
	if out, code := run(t, dir, bin, "-write-baseline=baseline.json", "./..."); code != 0 {
		t.Fatalf("-write-baseline: %s", out)
	}
	newCode := "\nfunc New(c *gin.Context) {\n\tc.String(http.StatusNotFound, \"new\")\n}\n"
	for _, p := range []string{"a/a.go", "b/b.go"} {
		src, _ := os.ReadFile(filepath.Join(dir, p))
		writeFiles(t, dir, map[string]string{p: string(src) + newCode})
	}
	out, _ := run(t, dir, bin, "-baseline=baseline.json", "-fix", "./a")
	if !strings.Contains(out, "applied 1 fix to 1 file") {
		t.Errorf("-baseline -fix ./a:\n%s", out)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a", "a.go"))
	b, _ := os.ReadFile(filepath.Join(dir, "b", "b.go"))
	if !strings.Contains(string(a), `c.String(http.StatusNotFound, "old")`) || !strings.Contains(string(a), `apierr.Write(c, apierr.CodeNotFound, "new")`) {
		t.Errorf("a/a.go: the baseline's write must stay, the new one be fixed:\n%s", a)
	}
	if strings.Contains(string(b), "apierr.") {
		t.Errorf("b/b.go is not in ./a, yet was fixed:\n%s", b)
	}
}
