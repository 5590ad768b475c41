// Package routescmd is `apierrlint routes`: the API as the code implements
// it. It runs the analyzer over the program as the standalone driver does
// (internal/standalone), with [analyzer.Config.Routes] set, and collects
// every package's complete routes ([analyzer.Route]: those whose full
// path the package knows, prefixes from other packages composed through
// facts). Each route is printed with its handler, the constant statuses
// it can answer and what the OpenAPI document lists for its operation.
// With -check, it reports the document's operations that no route
// implements: only the whole program can say that, which one package's
// analysis (and so the undocumented-status rule) cannot.
package routescmd

import (
	"cmp"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/standalone"
)

// Exit codes, those of the linter.
const (
	exitOK       = 0
	exitError    = 1 // packages failed to load or analyze
	exitFlags    = 2 // bad flags or configuration (a broken catalog)
	exitFindings = 3 // -check: operations without a route
)

const cmdName = driver.Name + " routes"

const usage = `usage: apierrlint routes [-catalog FILE] [-json] [-check] packages

Prints the API as the code implements it: each route that the packages
register (method, full path with the prefixes of groups, mounts and
routers of other packages), its handler, the constant statuses the
handler can answer (directly, through helpers, through error values and
the renderer), and what the OpenAPI document lists for the route's
operation ("not in the document" when it has none). Name the packages
that build the router (the main package, or ./...): a route is printed
where its full path becomes known. Routes in test files are left out.

With the embedded catalog or a Markdown one there are no operations: the
routes and their statuses are printed without the documented column.

-check reports the operations of the OpenAPI document that no route
implements, at the document's line, and exits 3 when there are some:

	api/openapi.yaml:42:5: undocumented-status: operation DELETE /pets/{id} has no route

Paths match by shape, as undocumented-status matches them: parameter names
and syntax aside ({id}, :id, <id>), with or without the base path of the
document's servers (basePath in Swagger 2.0).

-json prints one JSON object (docs/routes.md describes its fields).

-check sees the routes that undocumented-status follows: when not one
operation of the document has a route (a grpc-gateway mux, a router type of
the project's own), it reports none and exits 1.

Exit codes: 0 done (-check: every operation has a route), 3 -check found
operations without a route, 1 packages failed to load or to analyze, or
-check found no route for any operation, 2 bad flags or configuration (a
broken catalog: FILE:LINE: problem).`

// Main runs `apierrlint routes` and returns the exit code.
func Main(args []string, stdout, stderr io.Writer) int {
	a, cfg := analyzer.NewWithFlags()
	fs := flag.NewFlagSet(cmdName, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	for _, name := range []string{"catalog", "helper-modules"} {
		f := a.Flags.Lookup(name)
		fs.Var(f.Value, f.Name, f.Usage)
	}
	var jsonOut, check bool
	var config string
	fs.BoolVar(&jsonOut, "json", false, "print the routes as one JSON object (docs/routes.md)")
	fs.BoolVar(&check, "check", false, "report the OpenAPI document's operations that no route implements (exit code 3)")
	fs.StringVar(&config, "config", "", "the .apierrlint.yml `file` to use (default: the one found from the working directory upwards)")
	if err := fs.Parse(args); err != nil {
		if driver.IsHelp(err) {
			driver.PrintUsage(stdout, fs, usage)
			return exitOK
		}
		io.WriteString(stderr, driver.UsageError(fs, err, cmdName))
		return exitFlags
	}
	if _, err := driver.ConfigureFile(fs, cfg, "", config); err != nil {
		io.WriteString(stderr, driver.ErrorText(err.Error(), cmdName))
		return exitFlags
	}
	if fs.NArg() == 0 {
		fmt.Fprintf(stderr, "%s: no packages given\n%s\n", cmdName, usage)
		return exitFlags
	}
	cat := cfg.Catalog
	if cat == nil {
		cat = catalog.Default()
	}
	ops := cat.Operations()
	if check && ops == nil {
		io.WriteString(stderr, driver.ErrorText("-check compares the routes with the operations of an OpenAPI document, and the catalog has none: name the document with -catalog FILE", cmdName))
		return exitFlags
	}
	// The routes are collected from every package; nothing else is asked
	// of the run: no findings are printed, so no baseline is read.
	cfg.Routes = true
	cfg.IncludeTests = false
	cfg.Baseline, cfg.BaselinePath = nil, ""
	results, exit := standalone.Results(a, cfg, fs.Args(), stderr)
	routes := collect(results)
	missing := withoutRoute(ops, routes)
	if jsonOut {
		if err := writeJSON(stdout, routes, ops, missing); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", cmdName, err)
			return exitError
		}
	} else if !check {
		writeText(stdout, routes, ops != nil)
	}
	summary := driver.Plural(len(routes), "route", "routes")
	if ops != nil {
		summary += fmt.Sprintf("; %s of %s, %d without a route", driver.Plural(len(ops), "operation", "operations"), docName(ops), len(missing))
	}
	if exit != exitOK {
		// A package that failed to load may hold the routes of the
		// operations that seem to have none: no such finding is
		// reported, and the exit code says the run failed.
		fmt.Fprintf(stderr, "%s (packages failed to load: operations without a route are not reported)\n", summary)
		return exit
	}
	if len(ops) > 0 && len(missing) == len(ops) {
		// Not one operation has a route: the program registers its
		// routes through something the analysis does not follow (a
		// grpc-gateway mux, a router type of the project's own), and every
		// operation would be reported. A check that cannot see the routes
		// says so instead, and fails.
		fmt.Fprintf(stderr, "%s; no route of the packages implements an operation of the document: their routes are registered through something apierrlint does not follow (a grpc-gateway mux, a router type of the project's own; docs/routes.md)\n", summary)
		if check {
			fmt.Fprintf(stderr, "%s: -check cannot tell which operations have no route: none reported\n", cmdName)
			return exitError
		}
		return exitOK
	}
	if check {
		for _, op := range missing {
			fmt.Fprintf(stdout, "%s: %s: operation %s %s has no route\n", opPos(op), analyzer.RuleUndocumentedStatus, op.Method, op.Path)
		}
	}
	fmt.Fprintln(stderr, summary)
	if check && len(missing) > 0 {
		return exitFindings
	}
	return exitOK
}

// route is a route of the program and the operations it implements.
type route struct {
	analyzer.Route
	handler string // shortened for output (paths relative to the working directory)
	pos     string // file:line:col, relative to the working directory
}

// collect gathers the routes of every package, once each, sorted by path,
// then method, then position.
func collect(results []*analyzer.Result) []route {
	var out []route
	seen := map[string]bool{}
	for _, res := range results {
		for _, r := range res.Routes {
			pos := ""
			if r.Pos.IsValid() {
				pos = fmt.Sprintf("%s:%d:%d", driver.ShortPath(r.Pos.Filename), r.Pos.Line, r.Pos.Column)
			}
			key := r.Method + " " + r.Path + " " + pos
			if seen[key] {
				continue // a package loaded twice (a test variant)
			}
			seen[key] = true
			slices.SortFunc(r.Statuses, func(a, b analyzer.StatusAt) int { return cmp.Compare(a.Status, b.Status) })
			out = append(out, route{Route: r, handler: shortHandler(r.Handler), pos: pos})
		}
	}
	slices.SortFunc(out, func(a, b route) int {
		return cmp.Or(cmp.Compare(a.Path, b.Path), cmp.Compare(a.Method, b.Method), cmp.Compare(a.pos, b.pos))
	})
	return out
}

// withoutRoute returns the operations that no route implements, in the
// order of the document.
func withoutRoute(ops []catalog.Operation, routes []route) []catalog.Operation {
	implemented := map[string]bool{}
	for _, r := range routes {
		for _, op := range r.Operations {
			implemented[opKey(op)] = true
		}
	}
	var out []catalog.Operation
	for _, op := range ops {
		if !implemented[opKey(op)] {
			out = append(out, op)
		}
	}
	slices.SortStableFunc(out, func(a, b catalog.Operation) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line), cmp.Compare(a.Column, b.Column))
	})
	return out
}

func opKey(op catalog.Operation) string { return op.File + "#" + op.Pointer }

// writeText prints one route a line, in aligned columns.
func writeText(w io.Writer, routes []route, withDoc bool) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	head := "METHOD\tPATH\tSTATUSES\t"
	if withDoc {
		head += "DOCUMENTED\t"
	}
	fmt.Fprintln(tw, head+"HANDLER")
	open := false
	for _, r := range routes {
		method := r.Method
		if method == "" {
			method = "*"
		}
		path := r.Path
		if r.Open {
			path, open = "…"+path, true
		}
		line := method + "\t" + path + "\t" + statuses(r.Route) + "\t"
		if withDoc {
			line += documented(r.Route) + "\t"
		}
		handler := r.handler
		if handler == "" {
			handler = "?"
		}
		fmt.Fprintln(tw, line+handler)
	}
	tw.Flush()
	if open {
		fmt.Fprintln(w, "\n…: the router may be served under a prefix that apierrlint does not see (stored in a field, handed to another package)")
	}
}

// statuses lists what a route's handler can answer, each status with the
// codes sent with it where the analysis knows them: "200, 404 NOT_FOUND";
// "?" for a handler whose statuses it does not know, "-" for one that
// writes no constant status.
func statuses(r analyzer.Route) string {
	var parts []string
	for _, s := range r.Statuses {
		part := strconv.Itoa(s.Status)
		if len(s.Codes) > 0 {
			part += " " + strings.Join(s.Codes, "/")
		}
		parts = append(parts, part)
	}
	switch {
	case r.Blind:
		parts = append(parts, "?")
	case len(parts) == 0:
		return "-"
	}
	return strings.Join(parts, ", ")
}

// documented says what the document lists for a route's operations:
// "GET /pets/{id}: 200, 404", or "not in the document".
func documented(r analyzer.Route) string {
	if len(r.Operations) == 0 {
		return "not in the document"
	}
	var labels []string
	for _, op := range r.Operations {
		l := op.Method + " " + op.Path
		if !slices.Contains(labels, l) {
			labels = append(labels, l)
		}
	}
	return strings.Join(labels, ", ") + ": " + analyzer.DocumentedStatuses(r.Operations)
}

// The JSON output (docs/routes.md): field names are part of the
// interface.
type (
	jsonOutput struct {
		Routes []jsonRoute `json:"routes"`
		// Operations are the document's operations; null without an
		// OpenAPI document.
		Operations []jsonOperation `json:"operations"`
		// WithoutRoute are the operations that no route implements
		// (what -check reports); null without an OpenAPI document.
		WithoutRoute []jsonOperation `json:"withoutRoute"`
	}
	jsonRoute struct {
		Method        string          `json:"method"` // "" any method
		Path          string          `json:"path"`
		PrefixUnknown bool            `json:"prefixUnknown"`
		Position      string          `json:"position"`
		Handler       string          `json:"handler"`
		Statuses      []jsonStatus    `json:"statuses"`
		StatusesKnown bool            `json:"statusesKnown"`
		Operations    []jsonOperation `json:"operations"`
	}
	jsonStatus struct {
		Status int      `json:"status"`
		Codes  []string `json:"codes"`
		At     string   `json:"at"`
	}
	jsonOperation struct {
		Method   string `json:"method"`
		Path     string `json:"path"`
		BasePath string `json:"basePath"`
		Position string `json:"position"`
		Pointer  string `json:"pointer"`
		Statuses []int  `json:"statuses"`
		Ranges   []int  `json:"ranges"`
		Default  bool   `json:"default"`
	}
)

func writeJSON(w io.Writer, routes []route, ops, missing []catalog.Operation) error {
	out := jsonOutput{Routes: []jsonRoute{}}
	conv := func(list []catalog.Operation) []jsonOperation {
		js := []jsonOperation{}
		for _, op := range list {
			js = append(js, jsonOperation{
				Method: op.Method, Path: op.Path, BasePath: op.BasePath, Position: opPos(op), Pointer: op.Pointer,
				Statuses: nonNil(op.Statuses), Ranges: nonNil(op.Ranges), Default: op.Default,
			})
		}
		return js
	}
	if ops != nil {
		out.Operations, out.WithoutRoute = conv(ops), conv(missing)
	}
	for _, r := range routes {
		jr := jsonRoute{Method: r.Method, Path: r.Path, PrefixUnknown: r.Open, Position: r.pos, Handler: r.handler,
			Statuses: []jsonStatus{}, StatusesKnown: !r.Blind, Operations: conv(r.Operations)}
		for _, s := range r.Statuses {
			codes := s.Codes
			if codes == nil {
				codes = []string{}
			}
			jr.Statuses = append(jr.Statuses, jsonStatus{s.Status, codes, s.At})
		}
		out.Routes = append(out.Routes, jr)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

func nonNil(s []int) []int {
	if s == nil {
		return []int{}
	}
	return s
}

// opPos is where the document has an operation: file:line:col.
func opPos(op catalog.Operation) string {
	return fmt.Sprintf("%s:%d:%d", driver.ShortPath(op.File), op.Line, op.Column)
}

// docName names the document(s) of the operations.
func docName(ops []catalog.Operation) string {
	var names []string
	for _, op := range ops {
		if n := driver.ShortPath(op.File); !slices.Contains(names, n) {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return "the document"
	}
	return strings.Join(names, ", ")
}

// shortHandler shortens the path of a function literal's position.
func shortHandler(h string) string {
	if filepath.IsAbs(h) {
		return driver.ShortPath(h)
	}
	return h
}
