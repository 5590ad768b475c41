package gen

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/apierrlint/apierrlint/catalog"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden and the analyzer fixtures' copies of generated code")

// smallCatalog is a catalog unlike the embedded one: codes spelt in other
// ways, a status that net/http does not name, prose to wrap and prose
// missing.
const smallCatalog = `codes:
  - code: user.not-found
    status: 404
    description: The user does not exist
    resolution: Check the user's ID
  - code: TOO_MANY_REQUESTS
    status: 429
  - code: maintenance
    status: 503
    description: >-
      The service is down for maintenance, which takes a few minutes; this
      description is long enough to be wrapped
  - code: E422
    status: 422
    resolution: Send a valid body!
  - code: apiKeyInvalid
    status: 401
  - code: CLIENT_CLOSED_REQUEST
    status: 499
    description: The client went away
`

func small(t testing.TB) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Parse("errors.yaml", []byte(smallCatalog))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// goldenCase is one golden file: the options it is generated with.
type goldenCase struct {
	name string
	o    Options
}

// goldenCases are, for each framework, the file generated from the embedded
// catalog with the default configuration, and from the small catalog with
// two Retry-After statuses, another Retry-After value and a request id;
// and the problem and envelope shapes for two frameworks each.
func goldenCases(t testing.TB) []goldenCase {
	var cases []goldenCase
	for _, fw := range Frameworks {
		name := strings.ReplaceAll(fw, "/", "")
		cases = append(cases,
			goldenCase{name + "_default", Options{Package: "apierr", Framework: fw}},
			goldenCase{name + "_small", Options{
				Package:            "errs",
				Framework:          fw,
				Catalog:            small(t),
				Source:             "errors.yaml",
				RetryAfterStatuses: []int{503, 429},
				RetryAfterSeconds:  120,
				RequestID:          "example.com/app/reqid.FromContext",
			}},
		)
	}
	problem, envelope := catalog.ProblemShape(), catalog.EnvelopeShape("error")
	cases = append(cases,
		goldenCase{"nethttp_problem", Options{Package: "apierr", Framework: "net/http", Shape: &problem}},
		goldenCase{"gin_problem", Options{Package: "apierr", Framework: "gin", Shape: &problem}},
		goldenCase{"nethttp_envelope", Options{Package: "apierr", Framework: "net/http", Shape: &envelope}},
		goldenCase{"fiber_envelope", Options{Package: "apierr", Framework: "fiber", Shape: &envelope}},
	)
	return cases
}

// TestGenGolden compares the generated files with testdata/*.golden
// (go test -update rewrites them).
func TestGenGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			got, err := Generate(c.o)
			if err != nil {
				t.Fatal(err)
			}
			if formatted, err := format.Source(got); err != nil || !bytes.Equal(formatted, got) {
				t.Errorf("generated code is not gofmt'ed (%v)", err)
			}
			if !ast.IsGenerated(parse(t, got)) {
				t.Errorf("generated code is not marked generated")
			}
			golden := filepath.Join("testdata", c.name+".golden")
			if *update {
				if err := os.WriteFile(golden, got, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, want) {
				t.Errorf("generated code differs from %s (go test -update rewrites it):\n%s", golden, diffLines(string(want), string(got)))
			}
		})
	}
}

func parse(t *testing.T, src []byte) *ast.File {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "gen.go", src, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// diffLines shows the first lines where want and got differ.
func diffLines(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	shown := 0
	for i := 0; i < max(len(w), len(g)) && shown < 10; i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			fmt.Fprintf(&b, "line %d:\n\twant %s\n\tgot  %s\n", i+1, wl, gl)
			shown++
		}
	}
	return b.String()
}

// TestGenGoldenContents checks what the golden files promise, so that a
// golden file rewritten with -update cannot silently lose it.
func TestGenGoldenContents(t *testing.T) {
	src, err := Generate(Options{Package: "errs", Framework: "gin", Catalog: small(t), Source: "errors.yaml", RetryAfterStatuses: []int{503, 429}, RetryAfterSeconds: 120, RequestID: "example.com/app/reqid.FromContext"})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		Header + "\n// Source: errors.yaml\n\npackage errs\n",
		"\t// CodeUserNotFound is documented with status 404: The user does not exist.\n\t// Resolution: Check the user's ID.\n\tCodeUserNotFound Code = \"user.not-found\"\n",
		"\t// CodeTooManyRequests is documented with status 429.\n\tCodeTooManyRequests Code = \"TOO_MANY_REQUESTS\"\n",
		"\tCodeAPIKeyInvalid Code = \"apiKeyInvalid\"\n",
		"\t// Resolution: Send a valid body!\n",
		"\tcase CodeClientClosedRequest:\n\t\treturn 499\n",
		"\tcase http.StatusTooManyRequests, http.StatusServiceUnavailable:\n\t\treturn true\n",
		"carry a Retry-After header: statuses 429 and 503.\n",
		"const RetryAfterSeconds = 120\n",
		"\t\tbody.RequestID = reqid.FromContext(c.Request.Context())\n",
		"\tc.AbortWithStatusJSON(status, body)\n",
		"\t\"example.com/app/reqid\"\n\t\"github.com/gin-gonic/gin\"\n",
	} {
		if !strings.Contains(string(src), want) {
			t.Errorf("generated code lacks %q", want)
		}
	}
	for _, line := range strings.Split(string(src), "\n") {
		if len(strings.ReplaceAll(line, "\t", "    ")) > 100 {
			t.Errorf("line longer than 100 columns: %s", line)
		}
	}
	// No Retry-After status: RetryAfterRequired is false for all.
	src, err = Generate(Options{Package: "p", RetryAfterStatuses: []int{}})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(src), "header: none does, in this configuration.\nfunc RetryAfterRequired(status int) bool {\n\treturn false\n}") {
		t.Errorf("no Retry-After status:\n%s", src)
	}
}

func TestGenConstName(t *testing.T) {
	for code, want := range map[string]string{
		"NOT_FOUND":              "CodeNotFound",
		"not-found":              "CodeNotFound",
		"notFound":               "CodeNotFound",
		"user.not_found":         "CodeUserNotFound",
		"CSRF_VALIDATION_FAILED": "CodeCSRFValidationFailed",
		"invalid_api_key":        "CodeInvalidAPIKey",
		"invalidAPIKey":          "CodeInvalidAPIKey",
		"apiKeyInvalid":          "CodeAPIKeyInvalid",
		"HTTPServerError":        "CodeHTTPServerError",
		"userID":                 "CodeUserID",
		"E1001A":                 "CodeE1001a",
		"404":                    "Code404",
		"E1001":                  "CodeE1001",
		"ÜBER_LIMIT":             "CodeÜberLimit",
		"--":                     "",
	} {
		if got := constName(code); got != want {
			t.Errorf("constName(%q) = %q, want %q", code, got, want)
		}
	}
}

// TestGenErrors: problems with the options or the catalog's codes name the
// flag, or the catalog's file and line.
func TestGenErrors(t *testing.T) {
	collide, err := catalog.Parse("errors.md", []byte("| Code | HTTP Status |\n|-|-|\n| NOT_FOUND | 404 |\n| not-found | 404 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	unnamed, err := catalog.Parse("errors.md", []byte("| Code | HTTP Status |\n|-|-|\n| A | 400 |\n| -- | 404 |\n"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		o    Options
		want string
	}{
		{Options{Package: "my-pkg"}, `-pkg "my-pkg" is not a Go package name`},
		{Options{Package: "p", Framework: "beego"}, `unknown framework "beego"; want one of net/http, gin, echo, echo/v5, fiber, fiber/v3, chi`},
		{Options{Package: "p", Catalog: collide}, `errors.md:4: codes "NOT_FOUND" (line 3) and "not-found" are both the Go constant CodeNotFound; rename one of them`},
		{Options{Package: "p", Catalog: unnamed}, `errors.md:4: code "--" has no letter or digit to name a Go constant after`},
		{Options{Package: "p", RequestID: "example.com/reqid"}, `-request-id "example.com/reqid": no function name after the import path; want import/path.Func, or Func in the generated package, a func(context.Context) string`},
		{Options{Package: "p", RequestID: "example.com/reqid.fromContext"}, `-request-id "example.com/reqid.fromContext": "fromContext" is not the name of an exported function; want import/path.Func, or Func in the generated package, a func(context.Context) string`},
	} {
		_, err := Generate(c.o)
		if err == nil || err.Error() != c.want {
			t.Errorf("Generate(%+v): %v\nwant %s", c.o, err, c.want)
		}
		var ce *catalog.Error
		if c.o.Catalog != nil && !errors.As(err, &ce) {
			t.Errorf("Generate(%+v): %T, want a *catalog.Error", c.o, err)
		}
	}
}

func TestGenRequestIDImport(t *testing.T) {
	for _, c := range []struct{ flag, imp, call string }{
		{"RequestID", "", "RequestID(ctx)"},
		{"example.com/app/reqid.FromContext", `"example.com/app/reqid"`, "reqid.FromContext(ctx)"},
		{"github.com/go-chi/chi/v5/middleware.GetReqID", `"github.com/go-chi/chi/v5/middleware"`, "middleware.GetReqID(ctx)"},
		{"gopkg.in/reqid.v2.Get", `reqid "gopkg.in/reqid.v2"`, "reqid.Get(ctx)"},
		{"example.com/go-reqid.Get", `reqid "example.com/go-reqid"`, "reqid.Get(ctx)"},
		{"example.com/http.Get", `requestid "example.com/http"`, "requestid.Get(ctx)"},
	} {
		src, err := Generate(Options{Package: "p", RequestID: c.flag})
		if err != nil {
			t.Fatalf("%s: %v", c.flag, err)
		}
		f, _ := parseRequestID(c.flag, []string{"http"})
		if got := f.Call("ctx"); got != c.call {
			t.Errorf("%s: call %s, want %s", c.flag, got, c.call)
		}
		if c.imp != "" && !strings.Contains(string(src), "\n\t"+c.imp+"\n") {
			t.Errorf("%s: no import %s in\n%s", c.flag, c.imp, src)
		}
	}
}

// TestGenStatusNames: the names of net/http's constants are right (see
// status_test.go, which spells them as Go).
func TestGenStatusNames(t *testing.T) {
	for status, name := range statusNames {
		if got, ok := httpStatuses[name]; !ok || got != status {
			t.Errorf("statusNames[%d] = %s, which net/http defines as %d", status, name, got)
		}
	}
	for name, status := range httpStatuses {
		if status >= 400 && statusNames[status] != name {
			t.Errorf("net/http's %s (%d) is not in statusNames", name, status)
		}
	}
}

// fixture is an analyzer fixture's copy of generated code, and the options
// it is generated with.
type fixture struct {
	path string // relative to analyzer/testdata/src
	o    Options
}

var fixtures = []fixture{
	{"genhttp/apierr/errors_gen.go", Options{Package: "apierr", RequestID: "RequestID"}},
	{"gengin/apierr/errors_gen.go", Options{Package: "apierr", Framework: "gin", RequestID: "gengin/reqid.FromContext"}},
}

// wantRE matches the expectations that the analyzer's fixtures add to
// the lines of generated code (// want Write:"helper(...)").
var wantRE = regexp.MustCompile(` // want .*$`)

// TestGenAnalyzerFixtures: the analyzer's fixtures hold generated code as
// Generate writes it now, with the facts the analysis must infer from it
// as expectations at the end of lines. go test -update rewrites them and
// keeps the expectations.
func TestGenAnalyzerFixtures(t *testing.T) {
	for _, f := range fixtures {
		path := filepath.Join("..", "..", "analyzer", "testdata", "src", filepath.FromSlash(f.path))
		src, err := Generate(f.o)
		if err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		wants := map[string]string{} // line without its expectation -> expectation
		var lines []string
		for _, line := range strings.Split(string(data), "\n") {
			stripped := wantRE.ReplaceAllString(line, "")
			if stripped != line {
				wants[stripped] = line[len(stripped):]
			}
			lines = append(lines, stripped)
		}
		if *update {
			out := strings.Split(string(src), "\n")
			for i, line := range out {
				out[i] += wants[line]
			}
			if err := os.WriteFile(path, []byte(strings.Join(out, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		if got := strings.Join(lines, "\n"); got != string(src) {
			t.Errorf("%s is stale: it is not what apierrlint gen writes now (go test -update rewrites it, keeping its // want expectations):\n%s", path, diffLines(got, string(src)))
		}
		if len(wants) == 0 {
			t.Errorf("%s: no // want expectations of facts", path)
		}
	}
}
