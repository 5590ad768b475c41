// Package config reads .apierrlint.yml, the configuration file that every
// driver finds from its working directory upwards (as staticcheck finds
// staticcheck.conf and golangci-lint its .golangci.yml): the settings of
// the golangci-lint plugin (internal/settings), with the same validation,
// and errors that name the file, the line and the setting. Command-line
// flags override it.
package config

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/internal/settings"
)

// Names are the file's names, in the order they are looked for in a
// directory.
var Names = []string{".apierrlint.yml", ".apierrlint.yaml"}

// Find returns the configuration file that applies in dir ("" means the
// working directory): the first of Names in dir or in one of its parents;
// "" when there is none.
func Find(dir string) (string, error) {
	if dir == "" {
		wd, err := os.Getwd()
		if err != nil {
			return "", err
		}
		dir = wd
	}
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; {
		for _, n := range Names {
			p := filepath.Join(d, n)
			if fi, err := os.Stat(p); err == nil && !fi.IsDir() {
				return p, nil
			} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
				return "", err
			}
		}
		parent := filepath.Dir(d)
		if parent == d {
			return "", nil
		}
		d = parent
	}
}

// File is a configuration file, read and validated.
type File struct {
	Path     string
	Settings settings.Settings
	Config   analyzer.Config // the catalog loaded
	Catalogs []string        // the catalog files it names, absolute (nil for none)
	Baseline string          // the baseline file it names, absolute ("" for none)
}

// Load reads and validates a configuration file. A relative catalog path is
// relative to the file's directory. Errors read "FILE:LINE: setting:
// problem".
func Load(path string) (*File, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, unwrapPathError(err))
	}
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		return nil, yamlError(path, err)
	}
	var conf any
	doc := &root
	if doc.Kind == yaml.DocumentNode && len(doc.Content) > 0 {
		doc = doc.Content[0]
	}
	if root.Kind != 0 {
		if err := doc.Decode(&conf); err != nil {
			return nil, yamlError(path, err)
		}
	}
	s, err := settings.Decode(conf)
	if err != nil {
		return nil, fileError(path, doc, err)
	}
	if s.ConfigFile != "" {
		return nil, fileError(path, doc, settings.Errorf("config: a configuration file cannot name another one"))
	}
	f := &File{Path: path, Settings: s}
	written := s.Catalog.String()
	abs := make(settings.Paths, len(s.Catalog))
	for i, c := range s.Catalog {
		abs[i] = c
		if !filepath.IsAbs(c) {
			abs[i] = filepath.Join(filepath.Dir(path), c)
		}
		if _, err := os.Stat(abs[i]); err != nil {
			return nil, fileError(path, doc, settings.Errorf("catalog: %s: %v (a relative path is relative to %s)", c, unwrapPathError(err), filepath.Dir(path)))
		}
	}
	if len(abs) > 0 {
		s.Catalog, f.Catalogs = abs, abs
	}
	if s.Baseline != "" {
		written := s.Baseline
		if !filepath.IsAbs(s.Baseline) {
			s.Baseline = filepath.Join(filepath.Dir(path), s.Baseline)
		}
		f.Baseline = s.Baseline
		if _, err := os.Stat(s.Baseline); err != nil {
			return nil, fileError(path, doc, settings.Errorf("baseline: %s: %v (a relative path is relative to %s)", written, unwrapPathError(err), filepath.Dir(path)))
		}
	}
	cfg, err := s.Config()
	if err != nil {
		return nil, fileError(path, doc, err)
	}
	if written != "" {
		cfg.CatalogName = written
	} else if s.Codes != nil {
		cfg.CatalogName = "codes of " + filepath.Base(path)
	}
	f.Config = cfg
	return f, nil
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlError is a YAML syntax or type error as FILE:LINE: problem.
func yamlError(path string, err error) error {
	msg := err.Error()
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		return fmt.Errorf("%s:%s: %s", path, m[1], m[2])
	}
	return fmt.Errorf("%s: %s", path, strings.TrimPrefix(msg, "yaml: "))
}

var settingPath = regexp.MustCompile(`^([a-z-]+)(?:\[(\d+)\])?(?:\.([a-z0-9-]+))?:`)

// fileError turns a settings error ("apierrlint: settings: retry-after[1]:
// problem") into FILE:LINE: retry-after[1]: problem, the line that of the
// setting in the file.
func fileError(path string, doc *yaml.Node, err error) error {
	msg := strings.TrimPrefix(err.Error(), settings.Prefix)
	line := 0
	if m := settingPath.FindStringSubmatch(msg); m != nil {
		line = settingLine(doc, m[1], m[2], m[3])
	} else if m := regexp.MustCompile(`^unknown setting "([^"]+)"`).FindStringSubmatch(msg); m != nil {
		line = settingLine(doc, m[1], "", "")
	}
	// A catalog error names its own file and line on lines of their own.
	msg = strings.ReplaceAll(msg, "\n\t", "\n")
	if line > 0 {
		return fmt.Errorf("%s:%d: %s", path, line, msg)
	}
	return fmt.Errorf("%s: %s", path, msg)
}

// settingLine finds the line of key (its index-th element, its sub key) in a
// mapping node; 0 when it is not there.
func settingLine(doc *yaml.Node, key, index, sub string) int {
	if doc == nil || doc.Kind != yaml.MappingNode {
		return 0
	}
	for i := 0; i+1 < len(doc.Content); i += 2 {
		k, v := doc.Content[i], doc.Content[i+1]
		if k.Value != key {
			continue
		}
		line := k.Line
		if index == "" {
			if sub != "" && v.Kind == yaml.MappingNode {
				for j := 0; j+1 < len(v.Content); j += 2 {
					if v.Content[j].Value == sub {
						return v.Content[j].Line
					}
				}
			}
			return line
		}
		n, _ := strconv.Atoi(index)
		if v.Kind != yaml.SequenceNode || n >= len(v.Content) {
			return line
		}
		elem := v.Content[n]
		line = elem.Line
		if sub != "" && elem.Kind == yaml.MappingNode {
			for j := 0; j+1 < len(elem.Content); j += 2 {
				if elem.Content[j].Value == sub {
					return elem.Content[j].Line
				}
			}
		}
		return line
	}
	return 0
}

// Stamp identifies the contents of a configuration file and of the catalog
// and baseline it names, for cache keys (go vet's -V=full) and to notice edits (the
// language server). An unreadable file stamps as its error.
func Stamp(path string) string {
	h := sha256.New()
	data, err := os.ReadFile(path)
	fmt.Fprintf(h, "%s\x00%v\x00", path, err)
	h.Write(data)
	if f, err := Load(path); err == nil {
		for _, name := range append(slices.Clone(f.Catalogs), f.Baseline) {
			if name != "" {
				data, err := os.ReadFile(name)
				fmt.Fprintf(h, "\x00%s\x00%v\x00", name, err)
				h.Write(data)
			}
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Apply fills dst, a configuration from command-line flags, with the file's
// settings, except where a flag was given (set reports whether it was): the
// flags override the file.
func (f *File) Apply(dst *analyzer.Config, set func(flag string) bool) {
	c := f.Config
	s := f.Settings
	if !set("catalog") && (len(s.Catalog) > 0 || s.Codes != nil) {
		dst.Catalog, dst.CatalogName, dst.CatalogPath, dst.CatalogPaths = c.Catalog, c.CatalogName, "", nil
	}
	if !set("retry-after") && s.RetryAfter != nil {
		dst.RetryAfterStatuses = c.RetryAfterStatuses
	}
	if !set("retry-after-value") && s.RetryAfterValue != nil {
		dst.RetryAfterValue = c.RetryAfterValue
	}
	if !set("error-writer") && s.ErrorWriter != "" {
		dst.ErrorWriter = c.ErrorWriter
	}
	if !set("default-codes") && s.DefaultCodes != nil {
		dst.DefaultCodes = c.DefaultCodes
	}
	if !set("disable") && s.Disable != nil {
		dst.Disabled = c.Disabled
	}
	if !set("tests") && s.Tests {
		dst.IncludeTests = true
	}
	if !set("generated") && s.Generated {
		dst.IncludeGenerated = true
	}
	if !set("helper-modules") && s.HelperModules != nil {
		dst.HelperModules = c.HelperModules
	}
	if !set("shape") && s.Shape != nil {
		dst.Shape = c.Shape
	}
	if !set("baseline") && s.Baseline != "" {
		dst.Baseline, dst.BaselinePath = c.Baseline, c.BaselinePath
	}
}
