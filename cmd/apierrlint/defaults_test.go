package main_test

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestDefaultsAcrossPackages: default-error-response follows a product into
// helpers of other packages through both drivers' facts: a helper that
// replaces the default (ErrorHandler) silences the creation, one that keeps
// the product lets it be reported, one that lets it escape silences it.
func TestDefaultsAcrossPackages(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"go.mod": "module example.com/proxies\n\ngo 1.26\n",
		"proxy/proxy.go": `package proxy

import (
	"net/http"
	"net/http/httputil"
)

func fail(w http.ResponseWriter, r *http.Request, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(` + "`" + `{"code":"SERVICE_UNAVAILABLE","message":"upstream failed","details":{},"request_id":""}` + "`" + `))
}

// Install gives the proxy the app's ErrorHandler.
func Install(p *httputil.ReverseProxy) { p.ErrorHandler = fail }
`,
		"mount/mount.go": `package mount

import (
	"net/http"
	"net/http/httputil"
)

// Mount serves the proxy: it keeps it.
func Mount(mux *http.ServeMux, prefix string, p *httputil.ReverseProxy) { mux.Handle(prefix, p) }

// Last is where Keep puts a proxy: anyone may configure it.
var Last *httputil.ReverseProxy

// Keep lets the proxy escape.
func Keep(p *httputil.ReverseProxy) { Last = p }
`,
		"main.go": `package main

import (
	"net/http"
	"net/http/httputil"
	"net/url"

	"example.com/proxies/mount"
	"example.com/proxies/proxy"
)

func main() {
	mux := http.NewServeMux()
	u, _ := url.Parse("http://backend")
	a := httputil.NewSingleHostReverseProxy(u)
	proxy.Install(a)
	mount.Mount(mux, "/a/", a)
	b := httputil.NewSingleHostReverseProxy(u)
	mount.Mount(mux, "/b/", b)
	c := httputil.NewSingleHostReverseProxy(u)
	mount.Keep(c)
	http.ListenAndServe(":8080", mux)
}
`,
	})
	want := []string{"main.go:18:7: default-error-response: httputil.NewSingleHostReverseProxy without an ErrorHandler answers a failed upstream request with a bodyless 502; set its ErrorHandler to a handler that sends the documented JSON error body"}
	for _, args := range [][]string{
		{bin, "./..."},
		{"go", "vet", "-vettool=" + bin, "./..."},
	} {
		out, _ := run(t, dir, args[0], args[1:]...)
		got := findings(dir, out)
		if !slices.Equal(got, want) {
			t.Errorf("%v: findings\n\t%q\nwant\n\t%q\noutput:\n%s", args, got, want, out)
		}
	}
}

// TestLSPDefaults: the language server reports default-error-response (the
// example service's http.TimeoutHandler in cmd/petstore/main.go) with the
// file's other findings, as the command does.
func TestLSPDefaults(t *testing.T) {
	dir := copyExamples(t)
	c := startLSP(t, dir)
	rel := "cmd/petstore/main.go"
	d := c.open(filepath.Join(dir, rel), readFile(t, filepath.Join(dir, rel)))
	want := expectedFor(t, rel)
	if !slices.ContainsFunc(want, func(f string) bool { return strings.Contains(f, ": default-error-response: ") }) {
		t.Fatalf("examples/expected.txt has no default-error-response finding in %s", rel)
	}
	diff(t, lspFindings(dir, c.waitDiags(d.uri, 1)), want)
	c.shutdown()
}
