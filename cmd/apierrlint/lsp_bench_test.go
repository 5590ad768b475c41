package main_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestLSPLatency measures edit-to-diagnostics latency: the time from sending
// a didChange to receiving the publishDiagnostics for that version, debounce
// included. It runs only when asked:
//
//	APIERRLINT_LSP_BENCH=/path/to/module \
//	APIERRLINT_LSP_BENCH_FILE=routers/web/repo/render.go \
//	APIERRLINT_LSP_BENCH_EDIT='"Unable to find renderer", http.StatusBadRequest|"Unable to find renderer", http.StatusNotFound' \
//	APIERRLINT_LSP_BENCH_DEP=services/context/base.go \
//	go test -run TestLSPLatency -v ./cmd/apierrlint
//
// The edit toggles between the two texts of _EDIT (both must yield
// diagnostics), with a pause between edits as when typing. _DEP, if set, is a
// file of a package that the first file's package imports: it is opened too
// and edited (a comment) a few times, which re-checks every cached package
// between the two. _N is the number of measured edits (40), _ARGS extra
// server flags.
func TestLSPLatency(t *testing.T) {
	dir := os.Getenv("APIERRLINT_LSP_BENCH")
	if dir == "" {
		t.Skip("set APIERRLINT_LSP_BENCH to a module directory to measure the language server's latency")
	}
	rel, a, b, n := benchEdit(t, 40)
	var args []string
	if s := os.Getenv("APIERRLINT_LSP_BENCH_ARGS"); s != "" {
		args = strings.Fields(s)
	}
	c := startLSP(t, dir, append([]string{"-v"}, args...)...)
	path := filepath.Join(dir, rel)

	start := time.Now()
	d := c.open(path, readFile(t, path))
	p := c.waitDiags(d.uri, 1)
	t.Logf("%s: first diagnostics (cold: package graph, export data, %s and the workspace packages it imports) after %v: %d",
		rel, filepath.Dir(rel), p.at.Sub(start).Round(time.Millisecond), len(p.Diagnostics))

	// The package's diagnostics are the command's.
	out, _ := run(t, dir, bin, "./"+filepath.Dir(rel))
	want := findings(dir, out)
	wantFiles := map[string]bool{rel: true}
	for _, f := range want {
		wantFiles[f[:strings.Index(f, ":")]] = true
	}
	var got []string
	for f := range wantFiles {
		got = append(got, lspFindings(dir, c.waitDiagsFunc(fileURI(filepath.Join(dir, f)), func(publishedDiags) bool { return true }))...)
	}
	slices.Sort(got)
	diff(t, got, want)
	t.Logf("%s: %d diagnostics in %d files, as the command reports", filepath.Dir(rel), len(got), len(wantFiles))

	lat := editLatencies(d, a, b, n, func(p publishedDiags) bool {
		if len(p.Diagnostics) == 0 {
			t.Fatalf("no diagnostics for version %d", *p.Version)
		}
		return true
	})
	t.Logf("%s: edit-to-diagnostics over %d edits: %s", rel, len(lat), summary(lat))

	if dep := os.Getenv("APIERRLINT_LSP_BENCH_DEP"); dep != "" {
		depPath := filepath.Join(dir, dep)
		dd := c.open(depPath, readFile(t, depPath))
		c.waitDiags(dd.uri, 1)
		var depLat, rootLat []time.Duration
		for i := 0; i < 5; i++ {
			time.Sleep(300 * time.Millisecond)
			start := time.Now()
			dd.edit(textEdit{NewText: fmt.Sprintf("// edit %d\n", i)})
			p := c.waitDiags(dd.uri, dd.version)
			depLat = append(depLat, p.at.Sub(start))
			// Then the open file of the importing package, re-checked
			// against the edited dependency.
			time.Sleep(300 * time.Millisecond)
			from, to := a, b
			if d.version%2 == 0 {
				from, to = b, a
			}
			start = time.Now()
			d.replace(from, to)
			p = c.waitDiags(d.uri, d.version)
			rootLat = append(rootLat, p.at.Sub(start))
		}
		t.Logf("%s (imported by %s, both open): edit-to-diagnostics: %s; then %s: %s",
			dep, filepath.Dir(rel), summary(depLat), rel, summary(rootLat))
	}
	if status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", c.cmd.Process.Pid)); err == nil {
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM") || strings.HasPrefix(line, "VmRSS") {
				t.Logf("server %s", strings.Join(strings.Fields(line), " "))
			}
		}
	}
	c.shutdown()
	for _, line := range strings.Split(c.stderr.String(), "\n") {
		if strings.Contains(line, ": metadata for") || strings.Contains(line, "export") || strings.Contains(line, "run ") {
			t.Log(line)
		}
	}
}

// editLatencies edits d n times (after 3 edits to warm up), toggling it
// between the texts a and b with a pause between edits as when typing, and
// returns the time from each edit to the publication of the diagnostics of
// its version that ready accepts.
func editLatencies(d *doc, a, b string, n int, ready func(publishedDiags) bool) []time.Duration {
	d.c.t.Helper()
	const warmup = 3
	var lat []time.Duration
	for i := 0; i < n+warmup; i++ {
		time.Sleep(300 * time.Millisecond)
		from, to := a, b
		if i%2 == 1 {
			from, to = b, a
		}
		start := time.Now()
		d.replace(from, to)
		p := d.c.waitDiagsFunc(d.uri, func(p publishedDiags) bool {
			return p.Version != nil && *p.Version == d.version && ready(p)
		})
		if i >= warmup {
			lat = append(lat, p.at.Sub(start))
		}
	}
	return lat
}

// benchEdit reads the latency benchmarks' file and edit: the file
// (APIERRLINT_LSP_BENCH_FILE, relative to the module), the two texts the
// edit toggles between (APIERRLINT_LSP_BENCH_EDIT, OLD|NEW) and the number
// of measured edits (APIERRLINT_LSP_BENCH_N, default n).
func benchEdit(t *testing.T, n int) (rel, a, b string, edits int) {
	t.Helper()
	rel = envOr("APIERRLINT_LSP_BENCH_FILE", "routers/web/repo/render.go")
	a, b, ok := strings.Cut(envOr("APIERRLINT_LSP_BENCH_EDIT",
		`"Unable to find renderer", http.StatusBadRequest|"Unable to find renderer", http.StatusNotFound`), "|")
	if !ok {
		t.Fatal("APIERRLINT_LSP_BENCH_EDIT: want OLD|NEW")
	}
	edits, err := strconv.Atoi(envOr("APIERRLINT_LSP_BENCH_N", strconv.Itoa(n)))
	if err != nil {
		t.Fatalf("APIERRLINT_LSP_BENCH_N: %v", err)
	}
	return rel, a, b, edits
}

func envOr(name, def string) string {
	if v := os.Getenv(name); v != "" {
		return v
	}
	return def
}

func summary(d []time.Duration) string {
	if len(d) == 0 {
		return "no samples"
	}
	s := slices.Clone(d)
	slices.Sort(s)
	q := func(p float64) time.Duration { return s[min(len(s)-1, int(p*float64(len(s))))].Round(time.Millisecond) }
	return fmt.Sprintf("p50 %v, p95 %v, min %v, max %v (n=%d)", q(0.5), q(0.95), s[0].Round(time.Millisecond), s[len(s)-1].Round(time.Millisecond), len(s))
}
