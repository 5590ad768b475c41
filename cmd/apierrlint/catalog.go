package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/driver"
)

const catalogUsage = `usage: apierrlint catalog [-catalog FILE]

Without -catalog, prints the error catalog embedded in apierrlint (the one
it checks against when no catalog is configured) as a Markdown document: a
start for your own,

	apierrlint catalog > docs/errors.md

then add your codes as rows and name the file in .apierrlint.yml
(catalog: docs/errors.md). The embedded catalog is printed whatever
.apierrlint.yml says.

With -catalog FILE, checks FILE (Markdown, JSON, YAML, or an OpenAPI 3.0,
3.1 or Swagger 2.0 document) and prints the codes that apierrlint reads
from it as one Markdown table, on stdout, and how many on stderr (with an
OpenAPI document: and how many operations). For an OpenAPI document, the
table is followed by the error body's shape (each key, its role, its type,
whether it is required) and the operations with the statuses each
documents, in tables that a catalog read from the output ignores. A broken catalog is exit code
2 and FILE:LINE: problem. A relative FILE is looked up as the linter looks
it up: in the working directory, then in each parent. Given more than
once (a Markdown catalog and an OpenAPI document), -catalog checks that
the files agree and prints the merged catalog.`

// catalogCmd runs `apierrlint catalog` and returns the exit code.
func catalogCmd(args []string, stdout, stderr io.Writer) int {
	const cmd = driver.Name + " catalog"
	var cfg analyzer.Config
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.Func("catalog", "the catalog `FILE` to check and print; more than once: the files to merge (default: print the embedded catalog)", func(path string) error {
		if path == "" {
			return fmt.Errorf("empty path")
		}
		cfg.CatalogPaths = append(cfg.CatalogPaths, path)
		cfg.CatalogPath = cfg.CatalogPaths[0]
		return nil
	})
	if err := fs.Parse(args); err != nil {
		if driver.IsHelp(err) {
			driver.PrintUsage(stdout, fs, catalogUsage)
			return 0
		}
		io.WriteString(stderr, driver.UsageError(fs, err, cmd))
		return 2
	}
	if fs.NArg() > 0 {
		io.WriteString(stderr, driver.ErrorText(fmt.Sprintf("unexpected argument %q: name a catalog with -catalog FILE", fs.Arg(0)), cmd))
		return 2
	}
	if cfg.CatalogPath == "" {
		stdout.Write(catalog.DefaultMarkdown())
		return 0
	}
	if err := cfg.LoadCatalog(""); err != nil {
		io.WriteString(stderr, driver.ErrorText(err.Error(), cmd))
		return 2
	}
	stdout.Write(cfg.Catalog.Markdown())
	stdout.Write(cfg.Catalog.ContractMarkdown())
	msg := fmt.Sprintf("%s: %s, each with one HTTP status", cfg.CatalogName, driver.Plural(cfg.Catalog.Len(), "code", "codes"))
	if ops := cfg.Catalog.Operations(); ops != nil {
		msg += "; " + driver.Plural(len(ops), "operation", "operations")
	}
	fmt.Fprintln(stderr, msg)
	return 0
}
