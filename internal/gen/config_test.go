package gen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

// TestDefaultCodes: one line per status that has several codes, the first
// code in the catalog's order, the others in a comment, in the form that
// .apierrlint.yml's default-codes: takes.
func TestDefaultCodes(t *testing.T) {
	want := `default-codes:
  401: UNAUTHORIZED  # or INVALID_CREDENTIALS, SESSION_EXPIRED, INVALID_SIGNATURE
  403: FORBIDDEN  # or CSRF_VALIDATION_FAILED, ACCOUNT_DISABLED
  422: UNPROCESSABLE_ENTITY  # or VALIDATION_ERROR
  500: INTERNAL_ERROR  # or DATABASE_ERROR
`
	if got := DefaultCodesYAML(DefaultCodes(catalog.Default())); got != want {
		t.Errorf("default-codes of the embedded catalog:\n%s\nwant\n%s", got, want)
	}
	if got := DefaultCodesYAML(DefaultCodes(small(t))); got != "" {
		t.Errorf("a catalog with one code per status: %q, want none", got)
	}
	// Codes that YAML would read as something else are quoted.
	cat, err := catalog.New("t", []catalog.Entry{{Code: "404", Status: 404}, {Code: "NF", Status: 404}, {Code: "true", Status: 409}, {Code: "x", Status: 409}, {Code: "a:#b", Status: 410}, {Code: "c", Status: 410}})
	if err != nil {
		t.Fatal(err)
	}
	want = "default-codes:\n  404: \"404\"  # or NF\n  409: \"true\"  # or x\n  410: \"a:#b\"  # or c\n"
	if got := DefaultCodesYAML(DefaultCodes(cat)); got != want {
		t.Errorf("quoted codes:\n%s\nwant\n%s", got, want)
	}
}

// TestCodeFor: the generated handlers pick a status's code by the rule of
// default-codes: (the first in the catalog's order), and fall back to the
// code of 400 for a 4xx status without one, to the code of 500 (else of the
// first 5xx status, else a code of the generated file) for the rest.
func TestCodeFor(t *testing.T) {
	src, err := Generate(Options{Package: "p", Framework: "gin"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\tcase http.StatusUnauthorized:\n\t\treturn CodeUnauthorized\n",
		"\tcase http.StatusInternalServerError:\n\t\treturn CodeInternalError\n",
		"\tif status >= 400 && status < 500 {\n\t\treturn CodeBadRequest\n\t}\n\treturn CodeInternalError\n}",
		"func NoRoute(c *gin.Context) {\n\tWrite(c, CodeNotFound, ",
		"func NoMethod(c *gin.Context) {\n\tWrite(c, CodeBadRequest, ",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the embedded catalog's gin code lacks %q", want)
		}
	}
	if flat := strings.ReplaceAll(string(src), "\n// ", " "); !strings.Contains(flat, "It sends CodeBadRequest (the catalog documents no code with status 405).") {
		t.Errorf("NoMethod's comment does not say that no code has 405")
	}
	// The small catalog: no 400 and no 500 code.
	src, err = Generate(Options{Package: "p", Framework: "fiber", Catalog: small(t)})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\treturn CodeMaintenance\n}",
		"e := &Error{Code: CodeTooManyRequests, ",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the small catalog's fiber code lacks %q", want)
		}
	}
	if strings.Contains(string(src), "status < 500") {
		t.Errorf("no code of 400, yet a 4xx fallback")
	}
	// No 5xx code at all: a code of the generated file, which Code.Status
	// sends with 500.
	cat, err := catalog.New("t", []catalog.Entry{{Code: "NOT_FOUND", Status: 404}})
	if err != nil {
		t.Fatal(err)
	}
	src, err = Generate(Options{Package: "p", Framework: "fiber", Catalog: cat})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"const codeInternalError Code = \"INTERNAL_ERROR\"\n",
		"func LimitReached(c *fiber.Ctx) error {\n\te := &Error{Code: codeInternalError, ",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("a catalog without 5xx codes: the code lacks %q\n%s", want, src)
		}
	}
}

// TestCodeForDefaultCodes: a configured default-codes: choice wins over
// the first code of the status; a code that the status lacks is an error.
func TestCodeForDefaultCodes(t *testing.T) {
	src, err := Generate(Options{Package: "p", Framework: "echo", DefaultCodes: map[int]string{401: "SESSION_EXPIRED", 500: "DATABASE_ERROR"}})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"\tcase http.StatusUnauthorized:\n\t\treturn CodeSessionExpired\n",
		"\tcase http.StatusInternalServerError:\n\t\treturn CodeDatabaseError\n",
		"return &Error{Code: CodeDatabaseError, Message: http.StatusText(CodeDatabaseError.Status())}",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("the code lacks %q", want)
		}
	}
	_, err = Generate(Options{Package: "p", DefaultCodes: map[int]string{401: "NOT_FOUND"}})
	if want := "default-codes: 401: the catalog does not document NOT_FOUND with status 401 (its codes with 401: UNAUTHORIZED, INVALID_CREDENTIALS, SESSION_EXPIRED, INVALID_SIGNATURE)"; err == nil || err.Error() != want {
		t.Errorf("a code of another status: %v, want %s", err, want)
	}
}

// TestMergeConfig: gen appends to .apierrlint.yml the settings it lacks,
// and leaves what it holds byte for byte.
func TestMergeConfig(t *testing.T) {
	codes := DefaultCodesYAML(DefaultCodes(catalog.Default()))
	edit := configEdit{DefaultCodes: codes, ErrorWriter: "example.com/svc/apierr.Write"}

	out, notes, err := mergeConfig(nil, edit)
	if err != nil || !strings.Contains(string(out), "\n"+codes) || !strings.HasSuffix(string(out), "\nerror-writer: example.com/svc/apierr.Write\n") {
		t.Errorf("a new file: %v\n%s", err, out)
	}
	if strings.Join(notes, "; ") != "default-codes: added; error-writer: example.com/svc/apierr.Write added" {
		t.Errorf("a new file: notes %q", notes)
	}

	old := "# Our settings.\ncatalog: docs/errors.md   # the document\nretry-after: [429, 503]" // no final newline
	out, _, err = mergeConfig([]byte(old), edit)
	if err != nil || !strings.HasPrefix(string(out), old+"\n# ") {
		t.Errorf("a file with settings: %v\n%s", err, out)
	}

	has := "default-codes:\n  401: SESSION_EXPIRED\n"
	out, notes, err = mergeConfig([]byte(has), edit)
	if err != nil || !strings.HasPrefix(string(out), has+"# The writer") || strings.Count(string(out), "default-codes:") != 1 {
		t.Errorf("a file with default-codes: %v\n%s", err, out)
	}
	if notes[0] != "has default-codes: already; left as it is" {
		t.Errorf("a file with default-codes: notes %q", notes)
	}
	both := has + "error-writer: example.com/svc/errs.Send\n"
	out, notes, err = mergeConfig([]byte(both), edit)
	if err != nil || string(out) != both || len(notes) != 2 {
		t.Errorf("a file with both: %v %q\n%s", err, notes, out)
	}

	for _, bad := range []string{"{catalog: errors.md}\n", "- a\n- b\n", "catalog: errors.md\n...\n", "catalog: [\n"} {
		if _, _, err := mergeConfig([]byte(bad), edit); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

func TestImportPath(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/svc\n\ngo 1.26\n"), 0o644)
	sub := filepath.Join(dir, "internal", "apierr")
	os.MkdirAll(sub, 0o755)
	for d, want := range map[string]string{dir: "example.com/svc", sub: "example.com/svc/internal/apierr"} {
		if got, err := importPath(d); err != nil || got != want {
			t.Errorf("importPath(%s) = %q, %v; want %s", d, got, err, want)
		}
	}
}
