package standalone

import (
	"go/types"
	"slices"

	"golang.org/x/tools/go/packages"

	"github.com/apierrlint/apierrlint/analyzer"
)

// genWriter finds, for -fix without an error-writer setting, the writer
// that apierrlint gen wrote among the packages loaded from source: the
// Write of the one package that has a file with gen's header. Right after
// gen no package imports it, so no fact can tell the analysis about it;
// the driver sees it because ./... loads it. "" when there is none, or
// more than one (which one is the user's to say, with error-writer). The
// go vet driver sees one package at a time and cannot do this: there,
// error-writer names the writer.
func genWriter(pkgs []*packages.Package) string {
	var found []string
	for _, p := range pkgs {
		if p.Types == nil || slices.Contains(found, p.PkgPath) || !slices.ContainsFunc(p.Syntax, analyzer.IsGenFile) {
			continue
		}
		if fn, ok := p.Types.Scope().Lookup("Write").(*types.Func); ok && fn.Exported() {
			found = append(found, p.PkgPath)
		}
	}
	if len(found) != 1 {
		return ""
	}
	return found[0] + ".Write"
}
