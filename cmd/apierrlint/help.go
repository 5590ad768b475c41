package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/docs"
	"github.com/apierrlint/apierrlint/internal/textdist"
)

// help prints the analyzer's documentation (`apierrlint help`) or the page
// of one rule (`apierrlint help RULE`), and returns the exit code.
func help(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprintf(stdout, "%s: %s\n\n", analyzer.Name, analyzer.Doc)
		fmt.Fprintf(stdout, "Usage:\n"+
			"  apierrlint [flags] packages          run the linter (apierrlint -h: the flags)\n"+
			"  go vet -vettool=$(command -v apierrlint) [flags] packages\n"+
			"  apierrlint lsp [flags]               the language server\n"+
			"  apierrlint gen -pkg NAME [flags]     write the catalog's Go code (apierrlint gen -h)\n"+
			"  apierrlint help RULE                 one rule: %s\n\n"+
			"Rules are documented at %s\n", strings.Join(allRules(), ", "), analyzer.URL)
		return 0
	case 1:
		page, ok := docs.Rule(args[0])
		if !ok {
			msg := fmt.Sprintf("apierrlint help: unknown rule %q", args[0])
			if best := textdist.Nearest(args[0], allRules()); best != "" {
				msg += fmt.Sprintf("; did you mean %s?", best)
			}
			fmt.Fprintf(stderr, "%s\nthe rules: %s\n", msg, strings.Join(allRules(), ", "))
			return 2
		}
		io.WriteString(stdout, page)
		fmt.Fprintf(stdout, "\n%s#%s\n", analyzer.URL, args[0])
		return 0
	}
	fmt.Fprintln(stderr, "usage: apierrlint help [RULE]")
	return 2
}

func allRules() []string {
	return append(append([]string(nil), analyzer.Rules...), analyzer.RuleIgnoreDirective)
}
