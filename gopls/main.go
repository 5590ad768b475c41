// Command gopls builds gopls with apierrlint inside (make gopls): one
// language server, gopls's own features and apierrlint's diagnostics and
// quick fixes.
//
// gopls has no plugin API (golang/go#59869): its analyzers are a list in
// gopls/internal/settings/analysis.go. So, as golangci-lint's custom command
// does for its plugins, this program builds a gopls of its own:
//
//  1. it reads the configuration to embed: the .apierrlint.yml given by
//     -config, or the one found from the working directory upwards (as
//     every driver finds it), or none (the embedded default catalog); a
//     broken file stops it, naming the file, the line and the setting;
//  2. it downloads the pinned gopls release through the module proxy and
//     copies its source to work/ (ignored by git);
//  3. it patches analysis.go to add apierrlint's analyzer to the list, and
//     fails with a clear message when the line it anchors on moved;
//  4. it writes internal/settings/apierrlint.go, which builds the analyzer
//     from the configuration as Go code, and beside it the catalog's whole
//     contract (codes, shape, an OpenAPI document's operations) as
//     catalog.Encode writes it, which the Go code embeds:
//     gopls keys its analysis cache on the gopls executable, never on
//     files an analyzer reads at run time, so a configuration compiled in
//     is never stale;
//  5. it requires this apierrlint (the working tree, by replace) and pins
//     golang.org/x/tools to the version gopls pins (gopls uses x/tools
//     internals, which change between x/tools releases);
//  6. it builds gopls, stamped v0.23.0-apierrlint-HASH, where HASH covers
//     the analyzer's sources and the embedded configuration.
//
// Usage (from this directory):
//
//	go run . [-config FILE] [-o OUTPUT] [-gopls VERSION]
//	go run . -tools-version   # prints the x/tools version gopls pins
//
// To upgrade gopls, change goplsVersion below and run make gopls and make
// test-gopls (see "Upgrading gopls" in CONTRIBUTING.md, and
// docs/editors.md for the build itself).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/config"
)

const (
	goplsModule = "golang.org/x/tools/gopls"
	// goplsVersion is the gopls release that make gopls builds.
	goplsVersion = "v0.23.0"
	rootModule   = "github.com/apierrlint/apierrlint"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "make gopls:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	fs := flag.NewFlagSet("gopls", flag.ContinueOnError)
	configPath := fs.String("config", "", "the .apierrlint.yml to embed (default: the one found from the working directory upwards; none: the embedded default catalog)")
	out := fs.String("o", filepath.Join("..", "bin", "gopls"), "the gopls binary to write")
	version := fs.String("gopls", goplsVersion, "the gopls release to build")
	work := fs.String("work", "work", "where the patched gopls source is written")
	toolsOnly := fs.Bool("tools-version", false, "print the golang.org/x/tools version that gopls pins, and exit")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected arguments %q (flags only; run 'go run . -h')", fs.Args())
	}

	src, err := download(*version)
	if err != nil {
		return err
	}
	tools, err := pinnedTools(filepath.Join(src, "go.mod"))
	if err != nil {
		return err
	}
	if *toolsOnly {
		fmt.Println(tools)
		return nil
	}

	cfgFile, cfg, err := loadConfig(*configPath)
	if err != nil {
		return err
	}
	gen, contract, err := configSource(cfg, cfgFile)
	if err != nil {
		return err
	}

	root, err := goOutput("", "list", "-m", "-f", "{{.Dir}}", rootModule)
	if err != nil {
		return err
	}
	dir, err := filepath.Abs(filepath.Join(*work, "gopls@"+*version))
	if err != nil {
		return err
	}
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	if err := copyTree(src, dir); err != nil {
		return err
	}
	if err := patchFile(filepath.Join(dir, analysisFile), *version); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, generatedFile), gen, 0o644); err != nil {
		return err
	}
	if contract != nil {
		if err := os.WriteFile(filepath.Join(dir, contractFile), contract, 0o644); err != nil {
			return err
		}
	}
	if _, err := goOutput(dir, "mod", "edit",
		"-require", rootModule+"@v0.0.0-00010101000000-000000000000",
		"-replace", rootModule+"="+root,
		"-replace", "golang.org/x/tools=golang.org/x/tools@"+tools); err != nil {
		return err
	}
	if _, err := goOutput(dir, "mod", "tidy"); err != nil {
		return err
	}

	hash, err := sourceHash(root, gen, contract)
	if err != nil {
		return err
	}
	stamp := *version + "-apierrlint-" + hash
	output, err := filepath.Abs(*out)
	if err != nil {
		return err
	}
	if _, err := goOutput(dir, "build", "-trimpath",
		"-ldflags", "-X main.version="+stamp,
		"-o", output, "."); err != nil {
		return err
	}
	what := "the embedded default catalog"
	if cfgFile != "" {
		what = cfgFile
	}
	fmt.Printf("built %s (gopls %s, configured from %s)\n", output, stamp, what)
	return nil
}

// loadConfig reads the configuration to embed: path, or the file found from
// the working directory upwards. It returns the file's path ("" for none)
// and the configuration, validated as analyzer.New validates it.
func loadConfig(path string) (string, analyzer.Config, error) {
	if path == "" {
		found, err := config.Find("")
		if err != nil {
			return "", analyzer.Config{}, err
		}
		path = found
	}
	var cfg analyzer.Config
	if path != "" {
		f, err := config.Load(path)
		if err != nil {
			return "", cfg, err
		}
		f.Apply(&cfg, func(string) bool { return false })
	}
	if _, err := analyzer.New(cfg); err != nil {
		return "", cfg, fmt.Errorf("%s: %v", path, err)
	}
	return path, cfg, nil
}

// download fetches gopls's source through the module proxy (or the module
// cache) and returns its directory.
func download(version string) (string, error) {
	out, err := goOutput("", "mod", "download", "-json", goplsModule+"@"+version)
	if err != nil {
		return "", err
	}
	var m struct{ Dir, Error string }
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", fmt.Errorf("go mod download: %v", err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s@%s: %s", goplsModule, version, m.Error)
	}
	return m.Dir, nil
}

// pinnedTools returns the golang.org/x/tools version that a gopls go.mod
// requires.
func pinnedTools(gomod string) (string, error) {
	out, err := goOutput("", "mod", "edit", "-json", gomod)
	if err != nil {
		return "", err
	}
	var m struct {
		Require []struct{ Path, Version string }
	}
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		return "", fmt.Errorf("%s: %v", gomod, err)
	}
	for _, r := range m.Require {
		if r.Path == "golang.org/x/tools" {
			return r.Version, nil
		}
	}
	return "", fmt.Errorf("%s: no requirement of golang.org/x/tools", gomod)
}

// copyTree copies the module directory src (read-only in the module cache)
// to dst, writable.
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		in, err := os.Open(path)
		if err != nil {
			return err
		}
		defer in.Close()
		out, err := os.OpenFile(target, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			return err
		}
		if _, err := io.Copy(out, in); err != nil {
			out.Close()
			return err
		}
		return out.Close()
	})
}

// sourceHash hashes what the analyzer compiled into gopls is built from:
// the root module's go.mod and go.sum, the files of its packages that
// ./analyzer depends on (as gcl/build.sh hashes the plugin's), and the
// generated configuration and contract.
func sourceHash(root string, gen, contract []byte) (string, error) {
	list, err := goOutput(root, "list", "-deps", "-f",
		`{{if .Module}}{{if eq .Module.Path "`+rootModule+`"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}`, "./analyzer")
	if err != nil {
		return "", err
	}
	files := append([]string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum")}, strings.Fields(list)...)
	h := sha256.New()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			return "", err
		}
		rel, _ := filepath.Rel(root, f)
		fmt.Fprintf(h, "%s\x00%d\x00", filepath.ToSlash(rel), len(data))
		h.Write(data)
	}
	h.Write(gen)
	fmt.Fprintf(h, "\x00%d\x00", len(contract))
	h.Write(contract)
	return hex.EncodeToString(h.Sum(nil))[:12], nil
}

// goOutput runs the go command in dir ("": the working directory) outside
// any workspace and returns its standard output; an error carries its
// standard error.
func goOutput(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			return "", fmt.Errorf("go %s (in %s): %v\n%s", strings.Join(args, " "), dirName(dir), err, strings.TrimSpace(stderr.String()))
		}
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}

func dirName(dir string) string {
	if dir == "" {
		return "."
	}
	return dir
}
