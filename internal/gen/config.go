package gen

// gen's part of .apierrlint.yml: the default-codes: starting map, printed,
// or written with -config FILE together with error-writer:, so that
// apierrlint -fix finds the writer that gen wrote before any package
// imports it. The file is only ever appended to: what it holds stays as
// it is, byte for byte.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"go.yaml.in/yaml/v3"
	"golang.org/x/mod/modfile"
)

// configEdit is what gen adds to a configuration file.
type configEdit struct {
	DefaultCodes string // the default-codes: block ("" for none)
	ErrorWriter  string // import/path.Write ("" for none)
}

// topKeys returns the top-level keys of a configuration file's text, and
// whether more can be appended to it as block-style lines: it is empty (or
// comments only), or a block mapping.
func topKeys(data []byte) (map[string]bool, bool) {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, false
	}
	keys := map[string]bool{}
	if root.Kind == 0 {
		return keys, true
	}
	if root.Kind != yaml.DocumentNode || len(root.Content) != 1 {
		return nil, false
	}
	m := root.Content[0]
	if m.Kind != yaml.MappingNode || m.Style&yaml.FlowStyle != 0 {
		return nil, false
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		keys[m.Content[i].Value] = true
	}
	return keys, true
}

// mergeConfig appends to a configuration file's text (nil: no file) the
// settings of e that it does not have. It returns the new text and what it
// did or left, one sentence each. An error says why the text cannot be
// appended to.
func mergeConfig(data []byte, e configEdit) ([]byte, []string, error) {
	keys, ok := topKeys(data)
	if !ok {
		return nil, nil, errors.New("it is not a block mapping of settings that lines can be added to")
	}
	var add strings.Builder
	var notes []string
	switch {
	case e.DefaultCodes == "":
	case keys["default-codes"]:
		notes = append(notes, "has default-codes: already; left as it is")
	default:
		add.WriteString("# The code that apierrlint -fix sends for a status that the catalog documents\n# with several codes (apierrlint gen wrote the first of each; pick yours).\n")
		add.WriteString(e.DefaultCodes)
		notes = append(notes, "default-codes: added")
	}
	switch {
	case e.ErrorWriter == "":
	case keys["error-writer"]:
		notes = append(notes, "has error-writer: already; left as it is")
	default:
		add.WriteString("# The writer that apierrlint gen wrote, which apierrlint -fix calls.\n")
		add.WriteString("error-writer: " + yamlString(e.ErrorWriter) + "\n")
		notes = append(notes, "error-writer: "+e.ErrorWriter+" added")
	}
	if add.Len() == 0 {
		return data, notes, nil
	}
	out := bytes.Clone(data)
	if len(out) > 0 && out[len(out)-1] != '\n' {
		out = append(out, '\n')
	}
	out = append(out, add.String()...)
	// What was appended must read back as the settings it adds (a file
	// that ends in a document end marker, say, would not).
	if k, ok := topKeys(out); !ok || e.DefaultCodes != "" && !k["default-codes"] || e.ErrorWriter != "" && !k["error-writer"] {
		return nil, nil, errors.New("the lines added to it would not read as settings")
	}
	return out, notes, nil
}

// writeConfig adds e to the configuration file at file, created if absent,
// and returns what it did, for the standard error.
func writeConfig(file string, e configEdit) (string, error) {
	data, err := os.ReadFile(file)
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", err
	}
	out, notes, err := mergeConfig(data, e)
	if err != nil {
		text := e.DefaultCodes
		if e.ErrorWriter != "" {
			text += "error-writer: " + e.ErrorWriter + "\n"
		}
		return "", fmt.Errorf("%s: %v; add these lines by hand:\n%s", file, err, text)
	}
	if !bytes.Equal(out, data) {
		if err := os.WriteFile(file, out, 0o644); err != nil {
			return "", err
		}
	}
	if len(notes) == 0 {
		return "", nil
	}
	return file + ": " + strings.Join(notes, "; ") + "\n", nil
}

// importPath returns the import path of the package in dir, from the
// go.mod file of the module that holds it.
func importPath(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := abs; ; {
		data, err := os.ReadFile(filepath.Join(d, "go.mod"))
		if err == nil {
			mod := modfile.ModulePath(data)
			if mod == "" {
				return "", fmt.Errorf("%s has no module line", filepath.Join(d, "go.mod"))
			}
			rel, err := filepath.Rel(d, abs)
			if err != nil {
				return "", err
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", fmt.Errorf("no go.mod in %s or above it", abs)
		}
		d = parent
	}
}
