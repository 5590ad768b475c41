package analyzer

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// frameworksDoc returns the documentation of the framework tables: the
// frameworks page (docs/frameworks.md). It is the one place that knows where
// that documentation lives.
func frameworksDoc(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../docs/frameworks.md")
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Columns of the documentation's table of primitives.
const (
	docStatus  = "status for the next write"
	docJSON    = "JSON body"
	docRaw     = "raw with a 4xx/5xx status"
	docHeaders = "headers"
	docAlone   = "left alone"
)

// docColumns are the columns that may document a row of each role; a row
// whose role is roleData (JSON or raw by its content type) must be in both
// of its columns.
var docColumns = map[role][]string{
	roleWriteStatus:     {docJSON, docAlone}, // WriteHeader before a JSON body; gin's AbortWithError
	roleSetStatus:       {docStatus},
	roleJSON:            {docJSON},
	roleJSONText:        {docJSON},
	roleEncode:          {docJSON},
	roleData:            {docJSON, docRaw},
	roleText:            {docRaw},
	roleNoBody:          {docRaw},
	roleBytes:           {docRaw},
	roleFprint:          {docRaw},
	roleHTTPError:       {docRaw},
	roleNotFound:        {docRaw},
	roleNotFoundHandler: {docRaw},
	roleHeaderSet:       {docHeaders},
	roleHeaderMap:       {docHeaders},
	roleHeaderCopy:      {docHeaders},
	roleBefore:          {docHeaders},
	roleErrorValue:      {docAlone},
	roleSilent:          {docAlone},
	roleStream:          {docAlone},
}

// TestFrameworkDocs: every row of every framework table is named in the
// documentation's table, on its framework's line, in the column of what it
// does (a code span with its name), so that the documentation says what
// each primitive counts as; every map body type is named as pkg.Name.
func TestFrameworkDocs(t *testing.T) {
	doc := frameworksDoc(t)
	table := parseDocTable(t, doc)
	for _, fw := range frameworks {
		if !strings.Contains(doc, fw.name) {
			t.Errorf("the frameworks' documentation does not name %s", fw.name)
		}
		line := table.line(fw.name)
		if line == nil {
			t.Errorf("%s: no line of the documentation's table is the framework's", fw.name)
			continue
		}
		for _, key := range tableKeys(fw) {
			pr := fw.prims[key]
			name := key[strings.LastIndex(key, ".")+1:]
			cols, ok := docColumns[pr.role]
			if !ok {
				t.Errorf("%s: row %s: its role has no column (docColumns)", fw.name, key)
				continue
			}
			var in []string
			for _, col := range cols {
				if slices.Contains(codeIdents(line[col]), name) {
					in = append(in, col)
				}
			}
			if len(in) == 0 || (pr.role == roleData && len(in) < len(cols)) {
				t.Errorf("%s: row %s: `%s` is not in the column %q of the %s line of the documentation's table", fw.name, key, name, strings.Join(cols, `" and "`), fw.name)
			}
		}
		for _, m := range fw.mapBodies {
			elems := strings.Split(m.pkg, "/")
			pkg := elems[len(elems)-1]
			if regexp.MustCompile(`^v[0-9]+$`).MatchString(pkg) {
				pkg = elems[len(elems)-2]
			}
			if !strings.Contains(doc, "`"+pkg+"."+m.name+"`") {
				t.Errorf("%s: map body `%s.%s` is not in the frameworks' documentation", fw.name, pkg, m.name)
			}
		}
	}
}

// docTable is the documentation's table of primitives: for each line, its
// cells by column title.
type docTable []map[string]string

// line returns the table's line whose first cell names the framework.
func (tab docTable) line(fw string) map[string]string {
	for _, l := range tab {
		if regexp.MustCompile(`(^|[ /])` + regexp.QuoteMeta(fw) + `\b`).MatchString(l["framework"]) {
			return l
		}
	}
	return nil
}

// parseDocTable reads the Markdown table whose first column is
// "framework".
func parseDocTable(t *testing.T, doc string) docTable {
	t.Helper()
	var titles []string
	var tab docTable
	for _, line := range strings.Split(doc, "\n") {
		if !strings.HasPrefix(line, "|") {
			if titles != nil {
				break // the end of the table
			}
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		for i := range cells {
			cells[i] = strings.TrimSpace(cells[i])
		}
		switch {
		case titles == nil && len(cells) > 0 && cells[0] == "framework":
			titles = cells
		case titles == nil, strings.Trim(line, "|-: ") == "":
		default:
			l := map[string]string{}
			for i, c := range cells {
				if i < len(titles) {
					l[titles[i]] = c
				}
			}
			tab = append(tab, l)
		}
	}
	for _, col := range []string{docStatus, docJSON, docRaw, docHeaders, docAlone} {
		if !slices.Contains(titles, col) {
			t.Fatalf("the documentation's table of primitives has no column %q (columns: %q)", col, titles)
		}
	}
	if len(tab) == 0 {
		t.Fatal("the documentation's table of primitives has no lines")
	}
	return tab
}

// codeIdents returns the identifiers in the code spans of a cell.
func codeIdents(cell string) []string {
	var out []string
	for _, span := range regexp.MustCompile("`[^`]*`").FindAllString(cell, -1) {
		out = append(out, regexp.MustCompile(`[A-Za-z_][A-Za-z0-9_]*`).FindAllString(span, -1)...)
	}
	return out
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
