package analyzer

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestFrameworkDocs: every row of every framework table is named in the
// README's Frameworks section, so that the documentation says what each
// primitive counts as.
func TestFrameworkDocs(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	start := strings.Index(readme, "\n## Frameworks\n")
	if start < 0 {
		t.Fatal("README.md has no Frameworks section")
	}
	section := readme[start+1:]
	if end := strings.Index(section, "\n## "); end >= 0 {
		section = section[:end]
	}
	for _, fw := range frameworks {
		if !strings.Contains(section, fw.name) {
			t.Errorf("the Frameworks section does not name %s", fw.name)
		}
		for key := range fw.prims {
			name := key[strings.LastIndex(key, ".")+1:]
			if !regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(section) {
				t.Errorf("%s: %s is not in the README's Frameworks section", fw.name, key)
			}
		}
		for _, m := range fw.mapBodies {
			if !strings.Contains(section, m.name) {
				t.Errorf("%s: map body %s.%s is not in the README's Frameworks section", fw.name, m.pkg, m.name)
			}
		}
	}
}

// TestRelevantFrameworks: a package that imports a framework (fiber code
// need not import net/http) passes the cheap test; one that imports only
// another package of a framework's module does not.
func TestRelevantFrameworks(t *testing.T) {
	none := func(string) bool { return false }
	noRead := func(string) ([]byte, error) { return []byte("package p"), nil }
	for _, c := range []struct {
		imports []string
		want    bool
	}{
		{[]string{"github.com/gofiber/fiber/v3", "strings"}, true},
		{[]string{"github.com/gofiber/fiber/v2"}, true},
		{[]string{"github.com/gin-gonic/gin"}, true},
		{[]string{"github.com/labstack/echo/v4"}, true},
		{[]string{"github.com/labstack/echo/v5"}, true},
		{[]string{"github.com/go-chi/render"}, true},
		{[]string{"github.com/gofiber/fiber/v3/middleware/logger"}, false},
		{[]string{"strings", "fmt"}, false},
	} {
		got := Relevant("example.com/p", slices.Values(c.imports), none, []string{"/tmp/p/p.go"}, noRead)
		if got != c.want {
			t.Errorf("Relevant with imports %v = %v, want %v", c.imports, got, c.want)
		}
	}
}

// TestRendererDocs: every renderer row of the framework tables (renderer
// types, registrations, error middlewares, adapters) is named in
// docs/renderers.md, and so is each framework's error-value constructor.
func TestRendererDocs(t *testing.T) {
	data, err := os.ReadFile("../docs/renderers.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	mention := func(fw *framework, what, name string) {
		if !regexp.MustCompile(`\b` + regexp.QuoteMeta(name) + `\b`).MatchString(doc) {
			t.Errorf("%s: %s %s is not in docs/renderers.md", fw.name, what, name)
		}
	}
	for _, fw := range frameworks {
		for _, rt := range fw.renderers {
			mention(fw, "renderer type", rt.typ.name)
		}
		for _, reg := range fw.registrations {
			mention(fw, "registration type", reg.typ.name)
			mention(fw, "registration field", reg.field)
		}
		if mw := fw.errorMiddleware; mw != nil {
			mention(fw, "error middleware", mw.next[strings.LastIndex(mw.next, ".")+1:])
			mention(fw, "error middleware field", mw.errors.field)
		}
		if fw.adapter != "" {
			mention(fw, "adapter method", fw.adapter)
		}
		for key, pr := range fw.prims {
			if pr.errValue.name != "" || pr.errArg >= 0 {
				mention(fw, "error value", key[strings.LastIndex(key, ".")+1:])
			}
		}
	}
}
