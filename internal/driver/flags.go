// Package driver holds what apierrlint's command-line drivers share: the
// flag set and its short error messages, the order and form in which
// findings and load errors are printed, and the end-of-run summary.
package driver

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"golang.org/x/tools/go/analysis"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/config"
	"github.com/apierrlint/apierrlint/internal/textdist"
)

// Name is the command's name, the prefix of its error messages.
const Name = "apierrlint"

// FlagSet returns a flag set that holds the analyzer's flags, silent on
// errors: Parse returns them for [UsageError] to describe. The drivers add
// their own flags.
func FlagSet(a *analysis.Analyzer) *flag.FlagSet {
	fs := flag.NewFlagSet(a.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	a.Flags.VisitAll(func(f *flag.Flag) { fs.Var(f.Value, f.Name, f.Usage) })
	return fs
}

// maxErrorLines bounds what a flag error prints: a broken catalog may list
// ten problems, and the one line that matters must not scroll away.
const maxErrorLines = 4

// UsageError describes an error of fs.Parse in at most five lines: the
// problem (a misspelt flag with the nearest known one), then where the
// flags are listed. cmd is the command line to run for help.
func UsageError(fs *flag.FlagSet, err error, cmd string) string {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		msg = "unknown flag -" + name
		if near := nearestFlag(fs, name); near != "" {
			msg += "; did you mean -" + near + "?"
		}
	}
	return ErrorText(msg, cmd)
}

// ErrorText formats a configuration error (a broken catalog, say) in at most
// five lines: the problem, then where the flags are listed.
func ErrorText(msg, cmd string) string {
	lines := strings.Split(strings.TrimRight(msg, "\n"), "\n")
	if len(lines) > maxErrorLines {
		more := len(lines) - (maxErrorLines - 1)
		lines = append(lines[:maxErrorLines-1], fmt.Sprintf("(and %d more)", more))
	}
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(Name + ": " + l + "\n")
	}
	fmt.Fprintf(&b, "run '%s -h' for the flags\n", cmd)
	return b.String()
}

// nearestFlag returns the flag that name most plausibly meant: within two
// edits, or a longer name that starts with it (-cat: -catalog); "" if none.
func nearestFlag(fs *flag.FlagSet, name string) string {
	name, _, _ = strings.Cut(name, "=")
	best, bestDist := "", 3
	fs.VisitAll(func(f *flag.Flag) {
		d := textdist.Distance(name, f.Name)
		if len(name) >= 3 && strings.HasPrefix(f.Name, name) {
			d = min(d, 1)
		}
		if d < bestDist {
			best, bestDist = f.Name, d
		}
	})
	return best
}

// IsHelp reports whether err is the flag package's answer to -h or -help.
func IsHelp(err error) bool { return errors.Is(err, flag.ErrHelp) }

// PrintUsage prints the usage line and every flag, for -h.
func PrintUsage(w io.Writer, fs *flag.FlagSet, usage string) {
	fmt.Fprintln(w, usage)
	fmt.Fprintln(w, "\nFlags:")
	fs.SetOutput(w)
	fs.PrintDefaults()
	fs.SetOutput(io.Discard)
}

// FlagGroup is a heading of -h and the flags listed under it, in order.
type FlagGroup struct {
	Title string
	Names []string
}

// PrintGroupedUsage prints the usage text, then the flags under the
// headings of groups, as flag.PrintDefaults formats them. A name that fs
// does not have is skipped; a flag that no group names is listed under
// "Other flags", so that none is ever left out.
func PrintGroupedUsage(w io.Writer, fs *flag.FlagSet, usage string, groups []FlagGroup) {
	fmt.Fprintln(w, usage)
	listed := map[string]bool{}
	print := func(title string, flags []*flag.Flag) {
		if len(flags) == 0 {
			return
		}
		fmt.Fprintf(w, "\n%s:\n", title)
		for _, f := range flags {
			listed[f.Name] = true
			name, usage := flag.UnquoteUsage(f)
			line := "  -" + f.Name
			if name != "" {
				line += " " + name
			}
			usage = strings.ReplaceAll(usage, "\n", "\n    \t")
			switch {
			case f.DefValue == "" || f.DefValue == "false" || f.DefValue == "0" || strings.Contains(usage, "(default "):
				// A zero default goes unsaid; a usage may say its own.
			case name == "string":
				usage += fmt.Sprintf(" (default %q)", f.DefValue)
			default:
				usage += fmt.Sprintf(" (default %s)", f.DefValue)
			}
			fmt.Fprintf(w, "%s\n    \t%s\n", line, usage)
		}
	}
	for _, g := range groups {
		var flags []*flag.Flag
		for _, n := range g.Names {
			if f := fs.Lookup(n); f != nil && !listed[n] {
				flags = append(flags, f)
			}
		}
		print(g.Title, flags)
	}
	var rest []*flag.Flag
	fs.VisitAll(func(f *flag.Flag) {
		if !listed[f.Name] {
			rest = append(rest, f)
		}
	})
	print("Other flags", rest)
}

// Configure applies the configuration file that applies in dir ("": the
// working directory; see [config.Find]) to cfg, except the settings whose
// flags fs had set, and loads a catalog given by -catalog and a baseline
// given by -baseline. It returns the file's path ("" when there is none).
// Errors name the file, the line and the setting, or the catalog's file and
// line.
func Configure(fs *flag.FlagSet, cfg *analyzer.Config, dir string) (string, error) {
	return ConfigureFile(fs, cfg, dir, "")
}

// ConfigureFile is [Configure] with the configuration file given (the
// command's -config): file, if not "", instead of the one found from dir.
func ConfigureFile(fs *flag.FlagSet, cfg *analyzer.Config, dir, file string) (string, error) {
	path := file
	if path == "" {
		var err error
		if path, err = config.Find(dir); err != nil {
			return "", err
		}
	}
	if path != "" {
		f, err := config.Load(ShortPath(path))
		if err != nil {
			return path, err
		}
		set := map[string]bool{}
		fs.Visit(func(f *flag.Flag) { set[f.Name] = true })
		f.Apply(cfg, func(name string) bool { return set[name] })
	}
	if err := cfg.LoadCatalog(dir); err != nil {
		return path, err
	}
	return path, cfg.LoadBaseline(dir)
}

// Command is a subcommand of apierrlint and what it does, for -h.
type Command struct{ Name, Summary string }

// Commands are apierrlint's subcommands, in the order -h lists them
// (cmd/apierrlint runs them, and `apierrlint help NAME` describes each).
var Commands = []Command{
	{"catalog", "print the embedded error catalog, the start of your own (apierrlint catalog > docs/errors.md); -catalog FILE checks one"},
	{"gen", "write the catalog's Go code: a constant per code, its status, the error body and a writer that sends it"},
	{"lsp", "the language server (LSP on stdin/stdout), for editors"},
	{"routes", "print each route, its handler, the statuses it can answer and what the OpenAPI document lists; -check: operations without a route"},
	{"help", "this list and the rules (help RULE), or a command's flags (help gen)"},
	{"version", "print apierrlint's version (also: apierrlint -version)"},
}

// CommandList is the Commands part of -h.
func CommandList() string {
	var b strings.Builder
	b.WriteString("Commands:\n")
	for _, c := range Commands {
		fmt.Fprintf(&b, "  %-8s %s\n", c.Name, c.Summary)
	}
	return b.String()
}
