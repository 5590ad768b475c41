package standalone

// -new-from-rev and -new-from-patch: only the findings on lines that a diff
// added or changed, as golangci-lint's options of the same names report
// them. Both use golangci-lint's own diff reader, github.com/golangci/revgrep
// (it runs git diff --relative in the working directory, takes the files
// that git does not track as new with -new-from-rev, and expects a patch's
// paths relative to the working directory with git's a/ and b/ prefixes).

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/golangci/revgrep"
)

// changedLines answers whether a line of a file is new.
type changedLines struct {
	c  *revgrep.Checker
	wd string
}

// newChangedLines reads the diff of the working tree against rev, or the
// patch file, before anything is loaded: a bad revision or patch is an
// error of the command line.
func newChangedLines(rev, patch, wd string) (_ *changedLines, err error) {
	c := &revgrep.Checker{RevisionFrom: rev}
	what := "-new-from-rev=" + rev
	if patch != "" {
		what = "-new-from-patch=" + patch
		f, err := os.Open(patch)
		if err != nil {
			return nil, fmt.Errorf("%s: %v", what, err)
		}
		defer f.Close()
		c.Patch = f
	}
	defer func() {
		// revgrep panics on a hunk header it cannot parse.
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: not a unified diff: %v", what, r)
		}
	}()
	if err := c.Prepare(context.Background()); err != nil {
		return nil, fmt.Errorf("%s: %v", what, err)
	}
	return &changedLines{c, wd}, nil
}

// isNew reports whether line of file (an absolute path) was added or
// changed by the diff.
func (l *changedLines) isNew(file string, line int) bool {
	r, err := filepath.Rel(l.wd, file)
	if err != nil {
		return false
	}
	_, ok := l.c.IsNew(r, line)
	return ok
}
