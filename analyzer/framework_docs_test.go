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
		// Packages that only the defaults name (default-error-response).
		{[]string{"github.com/gofiber/fiber/v3/middleware/limiter"}, true},
		{[]string{"net/http/httputil", "net/url"}, true},
		{[]string{"strings", "fmt"}, false},
	} {
		got := Relevant("example.com/p", slices.Values(c.imports), none, []string{"/tmp/p/p.go"}, noRead)
		if got != c.want {
			t.Errorf("Relevant with imports %v = %v, want %v", c.imports, got, c.want)
		}
	}
}
