package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/docs"
	"github.com/apierrlint/apierrlint/internal/driver"
	"github.com/apierrlint/apierrlint/internal/gen"
	"github.com/apierrlint/apierrlint/internal/lsp"
	"github.com/apierrlint/apierrlint/internal/routescmd"
	"github.com/apierrlint/apierrlint/internal/textdist"
	"github.com/apierrlint/apierrlint/internal/version"
)

// commandHelp prints the usage of each command of [driver.Commands], for
// `apierrlint help NAME`.
var commandHelp = map[string]func(stdout, stderr io.Writer) int{
	"catalog": func(stdout, stderr io.Writer) int { return catalogCmd([]string{"-h"}, stdout, stderr) },
	"gen":     func(stdout, stderr io.Writer) int { return gen.Main([]string{"-h"}, stdout, stderr) },
	"lsp":     func(stdout, _ io.Writer) int { lsp.Help(stdout); return 0 },
	"routes":  func(stdout, stderr io.Writer) int { return routescmd.Main([]string{"-h"}, stdout, stderr) },
	"help":    func(stdout, _ io.Writer) int { io.WriteString(stdout, helpUsage+"\n"); return 0 },
	"version": func(stdout, stderr io.Writer) int { return versionCmd([]string{"-h"}, stdout, stderr) },
}

const helpUsage = `usage: apierrlint help [RULE|COMMAND]

Without an argument, describes apierrlint, its commands and its rules.
With a rule id, prints the rule's page; with a command (catalog, gen, lsp,
routes, help, version), its usage and flags.`

// help prints the analyzer's documentation (`apierrlint help`), the page
// of one rule (`apierrlint help RULE`) or the usage of a command
// (`apierrlint help gen`), and returns the exit code.
func help(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprintf(stdout, "%s: %s\n\n", analyzer.Name, analyzer.Doc)
		fmt.Fprintf(stdout, "Usage:\n"+
			"  apierrlint [flags] packages          run the linter (apierrlint -h: the flags and exit codes)\n"+
			"  go vet -vettool=$(command -v apierrlint) [flags] packages\n"+
			"  apierrlint COMMAND [arguments]       apierrlint help COMMAND: its flags\n"+
			"  apierrlint help RULE                 one rule: %s\n\n", strings.Join(allRules(), ", "))
		io.WriteString(stdout, driver.CommandList())
		fmt.Fprintf(stdout, "\nRules are documented at %s\n", analyzer.URL)
		return 0
	case 1:
		if h := commandHelp[args[0]]; h != nil {
			return h(stdout, stderr)
		}
		page, ok := docs.Rule(args[0])
		if !ok {
			var names []string
			for _, c := range driver.Commands {
				names = append(names, c.Name)
			}
			msg := fmt.Sprintf("apierrlint help: no rule or command %q", args[0])
			if best := textdist.Nearest(args[0], append(allRules(), names...)); best != "" {
				msg += fmt.Sprintf("; did you mean %s?", best)
			}
			fmt.Fprintf(stderr, "%s\nthe rules: %s\nthe commands: %s\n", msg, strings.Join(allRules(), ", "), strings.Join(names, ", "))
			return 2
		}
		io.WriteString(stdout, page)
		fmt.Fprintf(stdout, "\n%s#%s\n", analyzer.URL, args[0])
		return 0
	}
	fmt.Fprintln(stderr, "usage: apierrlint help [RULE|COMMAND]")
	return 2
}

func allRules() []string {
	return append(append([]string(nil), analyzer.Rules...), analyzer.RuleIgnoreDirective)
}

const versionUsage = `usage: apierrlint version

Prints apierrlint's version: the module version it was installed at
(go install ...@v1.2.3, go get -tool), or, built from a clone, the version
go build derived from git with the revision, its time and whether the clone
had uncommitted changes. apierrlint -version prints the same.`

// versionCmd runs `apierrlint version`.
func versionCmd(args []string, stdout, stderr io.Writer) int {
	switch {
	case len(args) == 1 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help"):
		io.WriteString(stdout, versionUsage+"\n")
		return 0
	case len(args) > 0:
		fmt.Fprintf(stderr, "apierrlint version: unexpected argument %q\n%s\n", args[0], versionUsage)
		return 2
	}
	fmt.Fprintf(stdout, "apierrlint %s\n", version.Read())
	return 0
}
