package gen

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/textdist"
)

// Exit codes, those of the other drivers where they apply.
const (
	exitOK    = 0
	exitDiff  = 1 // -check: the file differs; or it cannot be written
	exitFlags = 2 // bad flags or configuration
)

const cmdName = driver.Name + " gen"

const usage = `usage: apierrlint gen [-catalog PATH] -pkg NAME [-o FILE] [-framework net/http|gin|echo|echo/v5|fiber|fiber/v3|chi] [-request-id FUNC] [-config .apierrlint.yml] [-check]

Writes the Go code of the error catalog: a Code type with one constant per
code, its documented status, the error body as an error type, and a writer
for the framework that sends it with the code's status (and Retry-After
where the status needs it); a net/http writer beside a framework's
(WriteHTTP), a net/http adapter for func(w, r) error handlers
(HandlerFunc), and what replaces the framework's default error answers:
echo's HTTPErrorHandler, fiber's ErrorHandler and limiter LimitReached,
gin's NoRoute, NoMethod and RenderErrors middleware. The catalog and the
Retry-After statuses are those of apierrlint ./... (the flags, else
.apierrlint.yml, else the embedded catalog). In a //go:generate line, -pkg
defaults to $GOPACKAGE.

When the catalog documents several codes for a status, gen prints on the
standard error a default-codes: map for .apierrlint.yml (the first code of
each status, the others in a comment), unless the configuration has one.
With -config FILE, it adds the map to FILE instead (created if absent; a
map already there is left as it is), and error-writer:, the Write of the
generated package (its import path from -o's go.mod), so that apierrlint
-fix calls it before any package imports it. FILE is only appended to.

-request-id Func (without an import path) names a function of the
generated package, which you write beside FILE:
func Func(ctx context.Context) string, the request id that your middleware
put in the context. gen checks that the package declares it.

With -check, writes nothing: exits 1 when FILE differs from what the
catalog generates now (for CI), and prints the command that regenerates it.`

// genFlags are the analyzer's flags that gen takes, those that shape the
// generated code, with what they mean to it. The others (-disable, -tests,
// ...) are the analysis's.
var genFlags = []struct{ name, usage string }{
	{"catalog", ""},
	{"retry-after", "comma-separated statuses whose responses carry a Retry-After header (default 429)"},
	{"retry-after-value", "the Retry-After value, in whole seconds, that the writer sends unless the error sets its own (default 60)"},
	{"shape", ""},
}

type options struct {
	pkg, out, framework, requestID, config string
	check                                  bool
}

// Main runs `apierrlint gen` with the arguments after "gen" and returns the
// exit code: 0 written (or, with -check, up to date), 1 the file differs
// from the catalog (-check) or cannot be written, 2 bad flags or
// configuration.
func Main(args []string, stdout, stderr io.Writer) int {
	a, cfg := analyzer.NewWithFlags()
	flags := flag.NewFlagSet(cmdName, flag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.Usage = func() {}
	for _, g := range genFlags {
		f := a.Flags.Lookup(g.name)
		flags.Var(f.Value, f.Name, cmp.Or(g.usage, f.Usage))
	}
	var o options
	flags.StringVar(&o.pkg, "pkg", "", "the generated file's package name (default $GOPACKAGE, which go generate sets)")
	flags.StringVar(&o.out, "o", "", "the file to write (default: standard output)")
	flags.StringVar(&o.framework, "framework", "net/http", "the framework of the writer: "+strings.Join(Frameworks, ", ")+" (chi: go-chi/render)")
	flags.StringVar(&o.requestID, "request-id", "", "the function that returns the request id of a request's context, func(context.Context) string: `import/path.Func`, or Func in the generated package (default: none, request_id is left empty)")
	flags.StringVar(&o.config, "config", "", "the .apierrlint.yml `file` to read (default: the one found from the working directory upwards) and to add default-codes: and error-writer: to (created if absent)")
	flags.BoolVar(&o.check, "check", false, "write nothing; exit 1 when the -o file differs from what the catalog generates")
	fail := func(msg string) int {
		io.WriteString(stderr, driver.ErrorText(msg, cmdName))
		return exitFlags
	}
	if err := flags.Parse(args); err != nil {
		if driver.IsHelp(err) {
			driver.PrintUsage(stdout, flags, usage)
			return exitOK
		}
		io.WriteString(stderr, driver.UsageError(flags, err, cmdName))
		return exitFlags
	}
	if flags.NArg() > 0 {
		return fail(fmt.Sprintf("unexpected argument %q: gen takes flags only", flags.Arg(0)))
	}
	if o.pkg == "" {
		o.pkg = os.Getenv("GOPACKAGE")
	}
	if o.pkg == "" {
		return fail("-pkg is missing: the name of the generated file's package (go generate sets $GOPACKAGE, its default)")
	}
	if _, ok := frameworks[o.framework]; !ok {
		return fail(frameworkError(o.framework))
	}
	if o.check && o.out == "" {
		return fail("-check needs -o FILE, the generated file to compare")
	}
	cfgFile := ""
	if o.config != "" {
		if _, err := os.Stat(o.config); err == nil {
			cfgFile = o.config
		}
	}
	found, err := driver.ConfigureFile(flags, cfg, "", cfgFile)
	if err != nil {
		return fail(err.Error())
	}
	if o.requestID != "" && o.out != "" && !strings.ContainsAny(o.requestID, "./") {
		if err := checkLocalFunc(o.out, o.pkg, o.requestID); err != nil {
			return fail(err.Error())
		}
	}
	seconds := DefaultRetryAfterSeconds
	if cfg.RetryAfterValue != "" {
		n, err := strconv.Atoi(cfg.RetryAfterValue)
		switch {
		case err != nil:
			return fail(fmt.Sprintf("retry-after value %q is not a number of seconds that Go's int holds", cfg.RetryAfterValue))
		case n < 1:
			return fail(fmt.Sprintf("retry-after value %q: the writer's default Retry-After must be 1 second or more", cfg.RetryAfterValue))
		}
		seconds = n
	}
	src, err := Generate(Options{
		Package:            o.pkg,
		Framework:          o.framework,
		Catalog:            cfg.Catalog,
		Source:             source(cfg, o.out),
		RetryAfterStatuses: cfg.RetryAfterStatuses,
		RetryAfterSeconds:  seconds,
		RequestID:          o.requestID,
		Shape:              cfg.Shape,
		DefaultCodes:       cfg.DefaultCodes,
	})
	if err != nil {
		return fail(err.Error())
	}
	if o.check {
		pkgFlag := false
		flags.Visit(func(f *flag.Flag) { pkgFlag = pkgFlag || f.Name == "pkg" })
		regen := regenerate(args)
		if !pkgFlag {
			// -pkg came from $GOPACKAGE, which only go generate sets:
			// the command must work as printed.
			regen += " -pkg " + shellQuote(o.pkg)
		}
		return check(o.out, src, regen, stderr)
	}
	if o.out == "" {
		stdout.Write(src)
	} else if old, err := os.ReadFile(o.out); err != nil || !bytes.Equal(old, src) {
		// (An unchanged file keeps its modification time.) The directory
		// is made: a new package (-o internal/apierr/apierr.go).
		if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", cmdName, err)
			return exitDiff
		}
		if err := os.WriteFile(o.out, src, 0o644); err != nil {
			fmt.Fprintf(stderr, "%s: %v\n", cmdName, err)
			return exitDiff
		}
	}
	codes := DefaultCodesYAML(DefaultCodes(cmp.Or(cfg.Catalog, catalog.Default())))
	if o.config == "" {
		// The starting map, unless the configuration has one.
		if codes != "" && !hasSetting(found, "default-codes") {
			fmt.Fprintf(stderr, "%s: the catalog documents several codes for a status; apierrlint -fix sends the one that default-codes: in .apierrlint.yml names (add this, or run gen -config .apierrlint.yml):\n%s", cmdName, codes)
		}
		return exitOK
	}
	edit := configEdit{DefaultCodes: codes}
	if o.out == "" {
		fmt.Fprintf(stderr, "%s: error-writer: not recorded in %s: the code went to the standard output (-o FILE says where it lives)\n", cmdName, o.config)
	} else if pkg, err := importPath(filepath.Dir(o.out)); err != nil {
		fmt.Fprintf(stderr, "%s: error-writer: not recorded in %s: %v\n", cmdName, o.config, err)
	} else {
		edit.ErrorWriter = pkg + ".Write"
	}
	note, err := writeConfig(o.config, edit)
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", cmdName, err)
		return exitDiff
	}
	if note != "" {
		fmt.Fprintf(stderr, "%s: %s", cmdName, note)
	}
	return exitOK
}

// hasSetting reports whether the configuration file at file ("" for none)
// has the top-level setting key.
func hasSetting(file, key string) bool {
	if file == "" {
		return false
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return false
	}
	keys, _ := topKeys(data)
	return keys[key]
}

// check compares the file out with src, the code the catalog generates now.
// A difference is one line that names the file and regen, the command that
// regenerates it (the same arguments, without -check, with -pkg).
func check(out string, src []byte, regen string, stderr io.Writer) int {
	old, err := os.ReadFile(out)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		fmt.Fprintf(stderr, "%s: %s does not exist; generate it with go generate or %s\n", cmdName, out, regen)
		return exitDiff
	case err != nil:
		fmt.Fprintf(stderr, "%s: %v\n", cmdName, err)
		return exitDiff
	case !bytes.Equal(bytes.ReplaceAll(old, []byte("\r\n"), []byte("\n")), src):
		// (A checkout that ends lines with CRLF, git's core.autocrlf on
		// Windows, is the same code.)
		fmt.Fprintf(stderr, "%s: %s is stale: the catalog and the flags generate other code now; regenerate it with go generate or %s\n", cmdName, out, regen)
		return exitDiff
	}
	return exitOK
}

// regenerate is the command line that writes the file: args without -check,
// quoted for a shell where needed.
func regenerate(args []string) string {
	words := []string{driver.Name, "gen"}
	for _, a := range args {
		switch strings.TrimLeft(a, "-") {
		case "check", "check=true", "check=1", "check=t", "check=T", "check=TRUE", "check=True":
			continue
		}
		words = append(words, shellQuote(a))
	}
	return strings.Join(words, " ")
}

func shellQuote(s string) string {
	if s != "" && strings.IndexFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune("-_./=,:@+", r))
	}) < 0 {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// checkLocalFunc checks that the package the file out belongs to (the Go
// files beside it, but out itself and tests) declares the function that
// -request-id names without an import path: the generated writer calls it,
// and without it the package does not build, with an "undefined" error
// that does not say where the name came from.
func checkLocalFunc(out, pkg, name string) error {
	dir := filepath.Dir(out)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil // -o's directory is reported when the file is written
	}
	fset := token.NewFileSet()
	for _, e := range entries {
		file := e.Name()
		if !strings.HasSuffix(file, ".go") || strings.HasSuffix(file, "_test.go") || file == filepath.Base(out) {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, file), nil, parser.SkipObjectResolution)
		if err != nil || f.Name.Name != pkg {
			continue
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.Name == name {
					return nil
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					if vs, ok := spec.(*ast.ValueSpec); ok && slices.ContainsFunc(vs.Names, func(id *ast.Ident) bool { return id.Name == name }) {
						return nil
					}
				}
			}
		}
	}
	return fmt.Errorf("-request-id %s: package %s (%s) declares no %s; write it beside %s, a func(ctx context.Context) string that returns the request id your middleware put in the context, or leave -request-id out (request_id stays empty)",
		name, pkg, dir, name, filepath.Base(out))
}

// frameworkError explains an unknown -framework, with the nearest known one.
func frameworkError(name string) string {
	msg := fmt.Sprintf("unknown framework %q", name)
	if best := textdist.Nearest(strings.ToLower(name), Frameworks); best != "" {
		msg += "; did you mean " + best + "?"
	}
	return msg + " (-framework takes " + strings.Join(Frameworks, ", ") + ")"
}

// source names the catalog in the generated file's header, the same from
// every working directory (go generate runs in the package's, CI often in
// the module's root): a catalog file's path relative to the generated
// file's directory (the working directory for standard output), slashed;
// the name of an inline catalog; "" for the embedded one.
func source(cfg *analyzer.Config, out string) string {
	if cfg.Catalog == nil {
		return ""
	}
	file := cfg.Catalog.Source()
	if fi, err := os.Stat(file); err != nil || !fi.Mode().IsRegular() {
		if cfg.CatalogName != "" {
			return cfg.CatalogName // codes of .apierrlint.yml
		}
		return file
	}
	abs, err1 := filepath.Abs(file)
	dir, err2 := filepath.Abs(filepath.Dir(out))
	if out == "" {
		dir, err2 = os.Getwd()
	}
	if err1 != nil || err2 != nil {
		return filepath.ToSlash(file)
	}
	if rel, err := filepath.Rel(dir, abs); err == nil {
		return filepath.ToSlash(rel)
	}
	return filepath.ToSlash(abs)
}
