package gen

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/template"

	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/standalone"
)

// handlers is a package that uses the generated code well, and once badly
// (a code typed by hand that the catalog does not have), for each
// framework.
var handlers = template.Must(template.New("").Parse(`package handlers

import (
{{- if eq .Framework "net/http" "chi"}}
	"net/http"
{{end}}
	"example.com/app/{{.Dir}}/{{.Pkg}}"
{{- if eq .Framework "gin"}}
	"github.com/gin-gonic/gin"
{{- else if eq .Framework "echo"}}
	"github.com/labstack/echo/v4"
{{- else if eq .Framework "echo/v5"}}
	"github.com/labstack/echo/v5"
{{- else if eq .Framework "fiber"}}
	"github.com/gofiber/fiber/v2"
{{- else if eq .Framework "fiber/v3"}}
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/limiter"
{{- end}}
{{- if eq .Framework "fiber"}}
	"github.com/gofiber/fiber/v2/middleware/limiter"
{{- end}}
)
{{if eq .Framework "net/http" "chi"}}
func Get(w http.ResponseWriter, r *http.Request) {
	switch r.URL.Query().Get("q") {
	case "a":
		{{.Pkg}}.Write(w, r, {{.Pkg}}.{{.Code}}, "not here")
	case "b":
		{{.Pkg}}.Write(w, r, {{.Pkg}}.Code("NOPE"), "typed by hand")
	default:
		{{.Pkg}}.WriteError(w, r, {{.Pkg}}.New({{.Pkg}}.{{.Limit}}, "slow down").WithRetryAfter(5).WithDetails(map[string]any{"limit": 10}))
	}
}
{{- else if eq .Framework "gin"}}
func Get(c *gin.Context) {
	switch c.Query("q") {
	case "a":
		{{.Pkg}}.Write(c, {{.Pkg}}.{{.Code}}, "not here")
	case "b":
		{{.Pkg}}.Write(c, {{.Pkg}}.Code("NOPE"), "typed by hand")
	default:
		{{.Pkg}}.WriteError(c, {{.Pkg}}.New({{.Pkg}}.{{.Limit}}, "slow down").WithRetryAfter(5).WithDetails(map[string]any{"limit": 10}))
	}
}
{{- else}}
func Get(c {{if eq .Framework "echo"}}echo.Context{{else if eq .Framework "echo/v5"}}*echo.Context{{else if eq .Framework "fiber/v3"}}fiber.Ctx{{else}}*fiber.Ctx{{end}}) error {
	switch c.{{if eq .Framework "echo" "echo/v5"}}QueryParam{{else}}Query{{end}}("q") {
	case "a":
		return {{.Pkg}}.Write(c, {{.Pkg}}.{{.Code}}, "not here")
	case "b":
		return {{.Pkg}}.Write(c, {{.Pkg}}.Code("NOPE"), "typed by hand")
	}
	return {{.Pkg}}.WriteError(c, {{.Pkg}}.New({{.Pkg}}.{{.Limit}}, "slow down").WithRetryAfter(5).WithDetails(map[string]any{"limit": 10}))
}
{{- end}}

// Serve installs what gen wrote in place of the framework's own error
// answers, as apierrlint -fix does, and serves: default-error-response has
// nothing left to report.
{{- if eq .Framework "net/http" "chi"}}
func Serve() error {
	mux := http.NewServeMux()
	mux.Handle("/x", {{.Pkg}}.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error {
		return {{.Pkg}}.New({{.Pkg}}.{{.Code}}, "no x")
	}))
	return http.ListenAndServe(":8080", mux)
}
{{- else if eq .Framework "gin"}}
func Serve() error {
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.NoRoute({{.Pkg}}.NoRoute)
	r.NoMethod({{.Pkg}}.NoMethod)
	r.Use({{.Pkg}}.RenderErrors())
	r.GET("/x", Get)
	return r.Run(":8080")
}
{{- else if eq .Framework "echo" "echo/v5"}}
func Serve() error {
	e := echo.New()
	e.HTTPErrorHandler = {{.Pkg}}.HTTPErrorHandler
	e.GET("/x", Get)
	return e.Start(":8080")
}
{{- else}}
func Serve() error {
	app := fiber.New(fiber.Config{ErrorHandler: {{.Pkg}}.ErrorHandler})
	app.Use(limiter.New(limiter.Config{LimitReached: {{.Pkg}}.LimitReached}))
	app.Get("/x", Get)
	return app.Listen(":8080")
}
{{- end}}
`))

// TestGenBuild builds and vets the generated code of every golden case
// (every framework, both catalogs), and chi's with chi's own request id
// middleware, with a package of handlers that uses it, in a module that
// requires the framework versions the analyzer models
// (analyzer/testdata/realapi). It then runs the analysis on that module,
// real frameworks and export data as in a user's module: each handlers
// package has its one misuse reported, through the writer's facts, and
// nothing else is reported, in the generated files either (-generated).
func TestGenBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds gin, echo, fiber and render: not with -short")
	}
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go not found: the generated code cannot be built")
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
	dir := t.TempDir()
	write := func(name string, data []byte) {
		t.Helper()
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", bytes.Replace(gomod, []byte("module example.com/realapi"), []byte("module example.com/app"), 1))
	write("go.sum", gosum)
	reqid, err := os.ReadFile(filepath.Join("..", "..", "analyzer", "testdata", "src", "gengin", "reqid", "reqid.go"))
	if err != nil {
		t.Fatal(err)
	}
	write("reqid/reqid.go", reqid)
	write("errors.yaml", []byte(smallCatalog))

	cases := goldenCases(t)
	cases = append(cases, goldenCase{"chi_chireqid", Options{Package: "apierr", Framework: "chi", RequestID: "github.com/go-chi/chi/v5/middleware.GetReqID"}})
	var defaults, smalls, want, behaves []string
	shaped := map[string][]string{} // preset -> patterns
	for _, c := range cases {
		src, err := Generate(c.o)
		if err != nil {
			t.Fatal(err)
		}
		write(c.name+"/"+c.o.Package+"/errors_gen.go", src)
		d := map[string]string{"Framework": c.o.Framework, "Dir": c.name, "Pkg": c.o.Package, "Code": "CodeNotFound", "Limit": "CodeRateLimitExceeded"}
		pattern := "./" + c.name + "/..."
		switch {
		case c.o.Shape != nil:
			shaped[c.o.Shape.Preset] = append(shaped[c.o.Shape.Preset], pattern)
		case c.o.Catalog != nil:
			d["Code"], d["Limit"] = "CodeUserNotFound", "CodeTooManyRequests"
			smalls = append(smalls, pattern)
		default:
			defaults = append(defaults, pattern)
		}
		var buf bytes.Buffer
		if err := handlers.Execute(&buf, d); err != nil {
			t.Fatal(err)
		}
		write(c.name+"/handlers/handlers.go", buf.Bytes())
		if strings.HasSuffix(c.name, "_default") {
			buf.Reset()
			if err := behaviour.Execute(&buf, d); err != nil {
				t.Fatal(err)
			}
			write(c.name+"/handlers/behaviour_test.go", buf.Bytes())
			behaves = append(behaves, "./"+c.name+"/handlers")
		}
		want = append(want, c.name+"/handlers: unknown-code: NOPE is not in the error catalog")
	}

	for _, args := range [][]string{{"build", "./..."}, {"vet", "./..."}, append([]string{"test"}, behaves...)} {
		cmd := exec.Command(goBin, args...)
		cmd.Dir = dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	t.Chdir(dir)
	for _, generated := range []bool{false, true} {
		var got []string
		runs := []struct{ flags, patterns []string }{
			{nil, defaults},
			{[]string{"-catalog", "errors.yaml", "-retry-after", "429,503"}, smalls},
		}
		for _, preset := range catalog.Presets {
			if p := shaped[preset]; p != nil {
				runs = append(runs, struct{ flags, patterns []string }{[]string{"-shape", preset}, p})
			}
		}
		for _, run := range runs {
			args := append(slices.Clone(run.flags), run.patterns...)
			if generated {
				args = append([]string{"-generated"}, args...)
			}
			var stdout, stderr bytes.Buffer
			if code := standalone.Main(args, &stdout, &stderr); code != 3 {
				t.Fatalf("apierrlint %s: exit code %d, want 3 (findings)\n%s%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
			}
			// gin_default/handlers/handlers.go:13:19: unknown-code: NOPE
			// is not in the error catalog (embedded default)
			for _, line := range strings.Split(stdout.String(), "\n") { // findings on stdout
				pos, msg, ok := strings.Cut(line, ": ")
				if !ok || !strings.Contains(pos, ".go:") {
					continue
				}
				msg, _, _ = strings.Cut(msg, " (")
				file, _, _ := strings.Cut(pos, ":")
				got = append(got, filepath.ToSlash(filepath.Dir(file))+": "+msg)
			}
		}
		slices.Sort(got)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("apierrlint (-generated=%v) reports\n\t%s\nwant\n\t%s", generated, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
		}
	}
}
