package cachetest

import (
	"bytes"
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// The test builds apierrlint (from the repository), go-cacher and gocached
// (from this module), starts gocached on the loopback interface, and runs
// go vet -vettool=apierrlint on a copy of the example service as two
// machines would: each with its own empty GOCACHE and go-cacher directory,
// both talking to the same server. APIERRLINT_VET_LOG records which packages
// go vet ran the tool on (a cache hit runs nothing).

var root, _ = filepath.Abs("..")

// build builds a command into dir and returns its path.
func build(t *testing.T, dir, moduleDir, pkg, name string) string {
	t.Helper()
	out := filepath.Join(dir, name)
	cmd := exec.Command("go", "build", "-o", out, pkg)
	cmd.Dir = moduleDir
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build %s: %v\n%s", pkg, err, b)
	}
	return out
}

// freePort returns a port on 127.0.0.1 that nothing listens on now.
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// machine is one machine's caches.
type machine struct {
	name    string
	gocache string // GOCACHE (go-cacher keeps its own files in cacher)
	cacher  string
}

type result struct {
	findings []string
	ran      []string // packages (IDs) go vet ran the tool on
}

var findingRE = regexp.MustCompile(`^(\S+\.go:\d+:\d+: .*)$`)

func (m machine) vet(t *testing.T, dir, vettool, cacher, server string) result {
	t.Helper()
	logFile := filepath.Join(t.TempDir(), "vet.log")
	cmd := exec.Command("go", "vet", "-vettool="+vettool, "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(),
		"GOCACHE="+m.gocache,
		"GOCACHEPROG="+cacher+" -cache-dir "+m.cacher+" -cache-server "+server,
		"APIERRLINT_VET_LOG="+logFile,
		"GOFLAGS=-mod=mod",
	)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s: go vet: %v", m.name, err)
	}
	var r result
	for _, l := range strings.Split(out.String(), "\n") {
		if findingRE.MatchString(l) {
			r.findings = append(r.findings, strings.TrimPrefix(l, "./"))
		} else if strings.TrimSpace(l) != "" && !strings.HasPrefix(l, "#") {
			t.Errorf("%s: go vet printed %q", m.name, l)
		}
	}
	slices.Sort(r.findings)
	data, _ := os.ReadFile(logFile)
	for _, l := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if l != "" {
			r.ran = append(r.ran, strings.SplitN(l, "\t", 2)[0])
		}
	}
	slices.Sort(r.ran)
	return r
}

// pkgPath is the package path of a go vet package ID ("p [p.test]": p).
func pkgPath(id string) string {
	path, _, _ := strings.Cut(id, " ")
	return strings.TrimSuffix(path, "_test")
}

func TestSharedCache(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs go vet from empty caches")
	}
	bin := t.TempDir()
	vettool := build(t, bin, root, "./cmd/apierrlint", "apierrlint")
	cacher := build(t, bin, ".", "github.com/bradfitz/go-tool-cache/cmd/go-cacher", "go-cacher")
	gocached := build(t, bin, ".", "github.com/bradfitz/go-tool-cache/cmd/gocached", "gocached")

	addr := fmt.Sprintf("127.0.0.1:%d", freePort(t))
	srv := exec.Command(gocached, "-listen", addr, "-cache-dir", t.TempDir())
	var srvLog bytes.Buffer
	srv.Stdout, srv.Stderr = &srvLog, &srvLog
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		srv.Process.Kill()
		srv.Wait()
		if t.Failed() {
			t.Logf("gocached:\n%s", srvLog.String())
		}
	}()
	server := "http://" + addr
	for deadline := time.Now().Add(10 * time.Second); ; {
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("gocached does not listen on %s:\n%s", addr, srvLog.String())
		}
		time.Sleep(50 * time.Millisecond)
	}

	// The example service, with its catalog named in .apierrlint.yml (so
	// that go vet's cache key sees it).
	dir := filepath.Join(t.TempDir(), "examples")
	if err := os.CopyFS(dir, os.DirFS(filepath.Join(root, "examples"))); err != nil {
		t.Fatal(err)
	}
	catalogText, err := os.ReadFile(filepath.Join(root, "catalog", "default.md"))
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	os.WriteFile(filepath.Join(dir, "docs", "errors.md"), catalogText, 0o644)
	os.WriteFile(filepath.Join(dir, ".apierrlint.yml"), []byte("catalog: docs/errors.md\n"), 0o644)

	standalone := func() []string {
		cmd := exec.Command(vettool, "./...")
		cmd.Dir = dir
		out, _ := cmd.CombinedOutput()
		var list []string
		for _, l := range strings.Split(string(out), "\n") {
			if findingRE.MatchString(l) {
				list = append(list, l)
			}
		}
		slices.Sort(list)
		return list
	}
	newMachine := func(name string) machine {
		return machine{name: name, gocache: t.TempDir(), cacher: t.TempDir()}
	}
	a, b := newMachine("machine A"), newMachine("machine B")

	// 1. The first machine runs everything; the second, with empty caches
	//    of its own, replays the same findings without running the tool.
	a1 := a.vet(t, dir, vettool, cacher, server)
	want := standalone()
	if len(a1.ran) == 0 || len(want) == 0 {
		t.Fatalf("machine A ran the tool on %d packages, found %d; want both > 0", len(a1.ran), len(want))
	}
	if !slices.Equal(a1.findings, want) {
		t.Errorf("machine A: go vet found\n%s\nthe command finds\n%s", strings.Join(a1.findings, "\n"), strings.Join(want, "\n"))
	}
	b1 := b.vet(t, dir, vettool, cacher, server)
	if len(b1.ran) != 0 || !slices.Equal(b1.findings, a1.findings) {
		t.Errorf("machine B: ran the tool on %v; found\n%s\nwant no run and machine A's findings", b1.ran, strings.Join(b1.findings, "\n"))
	}

	// 2. An edit to one package re-runs that package and its importers
	//    only; the other machine replays the new result.
	respond := filepath.Join(dir, "internal", "respond", "respond.go")
	f, _ := os.OpenFile(respond, os.O_APPEND|os.O_WRONLY, 0)
	fmt.Fprintln(f, "\n// edited")
	f.Close()
	importers := map[string]bool{"example.com/petstore/internal/respond": true}
	out, err := exec.Command("go", "list", "-C", dir, "-test", "-f", "{{.ImportPath}} {{join .Deps \" \"}}", "./...").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(l)
		if slices.Contains(fields[1:], "example.com/petstore/internal/respond") {
			importers[pkgPath(fields[0])] = true
		}
	}
	a2 := a.vet(t, dir, vettool, cacher, server)
	if len(a2.ran) == 0 {
		t.Errorf("machine A ran nothing after an edit to internal/respond")
	}
	for _, id := range a2.ran {
		if !importers[pkgPath(id)] {
			t.Errorf("machine A ran the tool on %s, which does not import internal/respond", id)
		}
	}
	if !slices.Contains(a2.ran, "example.com/petstore/internal/respond") {
		t.Errorf("machine A did not run the tool on the edited package: %v", a2.ran)
	}
	b2 := b.vet(t, dir, vettool, cacher, server)
	if len(b2.ran) != 0 || !slices.Equal(b2.findings, a2.findings) {
		t.Errorf("machine B after the edit: ran %v", b2.ran)
	}

	// 3. An edit to the catalog changes every cache key: everything runs
	//    again (the standard library's packages too, for their facts), with
	//    the new catalog's findings; the other machine replays them.
	cat := filepath.Join(dir, "docs", "errors.md")
	os.WriteFile(cat, bytes.Replace(catalogText, []byte("NOT_FOUND | 404"), []byte("NOT_FOUND | 410"), 1), 0o644)
	a3 := a.vet(t, dir, vettool, cacher, server)
	want = standalone()
	if !slices.Equal(a3.findings, want) || slices.Equal(a3.findings, a2.findings) {
		t.Errorf("machine A after the catalog edit: go vet found\n%s\nthe command finds\n%s", strings.Join(a3.findings, "\n"), strings.Join(want, "\n"))
	}
	for _, id := range a1.ran {
		if !slices.Contains(a3.ran, id) {
			t.Errorf("machine A did not run the tool on %s after the catalog edit", id)
		}
	}
	b3 := b.vet(t, dir, vettool, cacher, server)
	if len(b3.ran) != 0 || !slices.Equal(b3.findings, a3.findings) {
		t.Errorf("machine B after the catalog edit: ran %d packages; findings equal machine A's: %v", len(b3.ran), slices.Equal(b3.findings, a3.findings))
	}
}
