package catalog

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Find returns the file that a catalog path given in configuration refers
// to: path itself if it is absolute, else the first of DIR/path that exists,
// where DIR is dir and then each of its parents in turn, up to the root. This
// is how golangci-lint finds its configuration file, and it lets one relative
// path (usually relative to the module root) work from every package
// directory, which is where go vet runs its tool. dir "" means the working
// directory, where a path that exists as given is returned as given. A path
// found nowhere is an [*Error] that names the directories searched.
func Find(path, dir string) (string, error) {
	if filepath.IsAbs(path) {
		return path, nil
	}
	if dir == "" {
		// Found in the working directory: the path as given, so that
		// errors name the file as the user wrote it (docs/errors.md:14).
		if _, err := os.Stat(path); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return path, nil
		}
		wd, err := os.Getwd()
		if err != nil {
			return "", &Error{File: path, Msg: "cannot resolve a relative path: " + err.Error(), err: err}
		}
		dir = wd
	}
	for d := dir; ; {
		p := filepath.Join(d, path)
		if _, err := os.Stat(p); err == nil || !errors.Is(err, fs.ErrNotExist) {
			return p, nil // a problem other than absence is reported by Load
		}
		parent := filepath.Dir(d)
		if parent == d {
			break
		}
		d = parent
	}
	return "", &Error{File: path, Msg: fmt.Sprintf("no such file in %s or any of its parent directories", dir), err: fs.ErrNotExist}
}
