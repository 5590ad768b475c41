// Package settings holds apierrlint's settings as a mapping, with their
// validation: the golangci-lint plugin's settings and the .apierrlint.yml
// configuration file are the same settings, checked by the same code.
package settings

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/token"
	"maps"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/apierrlint/apierrlint/analyzer"
	"github.com/apierrlint/apierrlint/baseline"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/contractcache"
	"github.com/apierrlint/apierrlint/internal/textdist"
)

// Settings are apierrlint's settings: the "settings" mapping under
// linters.settings.custom.apierrlint in a golangci-lint v2 configuration,
// and the .apierrlint.yml configuration file. Each one corresponds to a
// flag of the apierrlint command.
//
// golangci-lint lower-cases every key of the configuration, which is why
// the codes of an inline catalog are values in a list, never keys.
type Settings struct {
	// Catalog is the path of the error catalog file: Markdown (.md,
	// .markdown, .txt) with a Code | HTTP Status table, JSON or YAML
	// (.json, .yaml, .yml), or an OpenAPI 3.0/3.1 or Swagger 2.0
	// document (.json, .yaml, .yml). Like the command's -catalog flag.
	// A list of paths names several files, merged (a Markdown catalog and
	// an OpenAPI document; their codes must agree): like -catalog given
	// more than once.
	//
	// golangci-lint passes the path on unchanged and does not change the
	// working directory. A relative path is looked up in the working
	// directory of golangci-lint, then in each of its parent directories in
	// turn, up to the root: the same way golangci-lint looks up its own
	// configuration file. The first file found is used; a path found
	// nowhere is an error. An absolute path is used as it is.
	//
	// Empty, and no Codes: the catalog embedded in apierrlint.
	Catalog Paths `json:"catalog"`

	// Codes is an inline catalog, for projects whose catalog lives nowhere
	// else. It cannot be combined with Catalog.
	Codes []Code `json:"codes"`

	// RetryAfter lists the statuses whose responses must carry a
	// Retry-After header (the -retry-after flag). Absent: [429]. An empty
	// list turns the missing-retry-after rule off for every status.
	RetryAfter []int `json:"retry-after"`

	// RetryAfterValue is the value of the Retry-After header that the
	// missing-retry-after fix inserts, in whole seconds, for example "120"
	// (the -retry-after-value flag; the retry-after-format rule accepts
	// nothing else). Absent: "60".
	RetryAfterValue *string `json:"retry-after-value"`

	// ErrorWriter names the project's error writer that the raw-http-error
	// fix calls, as import/path.Name, for example
	// example.com/app/apierr.Write (the -error-writer flag). Empty: inferred,
	// the one function the file can call whose parameters include a status
	// and a code. A name that is no such function means no fix is offered.
	ErrorWriter string `json:"error-writer"`

	// DefaultCodes maps a status that several codes of the catalog
	// document to the code that the fixes use for it (the -default-codes
	// flag), for example {401: UNAUTHORIZED, 500: INTERNAL_ERROR}: the
	// raw-http-error and error-body-shape fixes then rewrite a raw 401.
	// Each code must be in the catalog with that status. Absent: a status
	// with several codes gets no fix.
	DefaultCodes map[string]string `json:"default-codes"`

	// Disable lists the ids of rules not to report (the -disable flag):
	// raw-http-error, unknown-code, status-mismatch, missing-retry-after,
	// error-body-shape, retry-after-format, default-error-response,
	// undocumented-status, ignore-directive.
	Disable []string `json:"disable"`

	// Tests also checks _test.go files (the -tests flag). golangci-lint
	// must load them too, which it does unless run.tests is false.
	Tests bool `json:"tests"`

	// Generated also checks generated files (the -generated flag).
	// golangci-lint drops issues in generated files unless
	// linters.exclusions.generated is "disable".
	Generated bool `json:"generated"`

	// HelperModules are module paths, besides the main module, whose
	// packages hold error helpers (the -helper-modules flag). The apierrlint
	// command and go vet read them from source for their facts;
	// golangci-lint analyzes every package from source and needs none.
	HelperModules []string `json:"helper-modules"`

	// Baseline is the path of a baseline file (written by the command's
	// -write-baseline): its findings are not reported (the -baseline flag;
	// docs/baseline.md). In .apierrlint.yml a relative path is relative to
	// the file's directory; in the plugin's settings it is looked up as
	// Catalog is.
	Baseline string `json:"baseline"`

	// ConfigFile, in the golangci-lint plugin's settings only, names an
	// .apierrlint.yml file to take the settings from instead (then no other
	// setting may be given). A relative path is looked up as Catalog is.
	ConfigFile string `json:"config"`

	// Shape is the documented error body (the -shape flag gives a preset):
	// a preset (document, problem, envelope) and its keys. It wins over
	// the catalog's response-format block. Absent: the catalog's block,
	// else the document preset. See [ShapeSetting].
	Shape *ShapeSetting `json:"shape"`
}

// Paths is a setting that holds one path or a list of them: in YAML or
// JSON, a string or a list of strings.
type Paths []string

// UnmarshalJSON accepts a string (one path; "" is none) or a list of
// strings.
func (p *Paths) UnmarshalJSON(data []byte) error {
	var one string
	if err := json.Unmarshal(data, &one); err == nil {
		*p = nil
		if one != "" {
			*p = Paths{one}
		}
		return nil
	}
	var list []string
	if err := json.Unmarshal(data, &list); err != nil {
		return err
	}
	if slices.Contains(list, "") {
		return errors.New("empty path")
	}
	*p = list
	return nil
}

// String returns the paths joined by ", ", as messages name them.
func (p Paths) String() string { return strings.Join(p, ", ") }

// Code is one entry of an inline catalog.
type Code struct {
	Code   string `json:"code"`
	Status int    `json:"status"`
	// Description and Resolution are optional prose, as the catalog
	// document's columns: apierrlint gen writes them into the constants'
	// comments.
	Description string `json:"description"`
	Resolution  string `json:"resolution"`
}

// Prefix starts the text of every settings error.
const Prefix = analyzer.Name + ": settings: "

// settingsError returns an error whose text starts with Prefix.
func settingsError(format string, args ...any) error {
	return fmt.Errorf(Prefix+format, args...)
}

// Errorf returns an error whose text starts with Prefix.
func Errorf(format string, args ...any) error { return settingsError(format, args...) }

// Decode decodes settings given as a generic mapping (what golangci-lint
// passes, or a decoded YAML file), rejecting unknown keys, as
// plugin-module-register's DecodeSettings does. When decoding fails, the
// error names the offending setting (with its list index), what was
// expected and what was found.
func Decode(conf any) (Settings, error) {
	conf = stringKeys(conf)
	s, err := decode(conf)
	if err != nil {
		if d := diagnose(conf); d != nil {
			return Settings{}, d
		}
		return Settings{}, settingsError("%v", err)
	}
	return s, nil
}

// stringKeys turns the mappings with keys that are not strings, which
// YAML decodes as map[any]any (default-codes: {401: UNAUTHORIZED}), into
// map[string]any, as JSON needs them.
func stringKeys(v any) any {
	switch v := v.(type) {
	case map[any]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[fmt.Sprint(k)] = stringKeys(e)
		}
		return m
	case map[string]any:
		m := make(map[string]any, len(v))
		for k, e := range v {
			m[k] = stringKeys(e)
		}
		return m
	case []any:
		l := make([]any, len(v))
		for i, e := range v {
			l[i] = stringKeys(e)
		}
		return l
	}
	return v
}

// settingNames lists the settings in documentation order.
var settingNames = []string{"catalog", "codes", "retry-after", "retry-after-value", "error-writer", "default-codes", "disable", "tests", "generated", "helper-modules", "baseline", "shape", "config"}

// decode round-trips conf through JSON into Settings, unknown keys
// rejected.
func decode(conf any) (Settings, error) {
	var s Settings
	if conf == nil {
		return s, nil
	}
	data, err := json.Marshal(conf)
	if err != nil {
		return s, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	err = dec.Decode(&s)
	return s, err
}

// diagnose explains why register.DecodeSettings rejected conf, or returns
// nil if it finds nothing wrong.
func diagnose(conf any) error {
	data, err := json.Marshal(conf)
	if err != nil {
		return settingsError("cannot read them: %v", err)
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		return settingsError("want a mapping of settings (%s), got %s", strings.Join(settingNames, ", "), describe(data))
	}
	keys := make([]string, 0, len(top))
	for k := range top {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !slices.Contains(settingNames, k) {
			msg := fmt.Sprintf("unknown setting %q", k)
			if s := textdist.Nearest(k, settingNames); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return settingsError("%s; the settings are: %s", msg, strings.Join(settingNames, ", "))
		}
	}
	for _, k := range keys {
		if err := checkSetting(k, top[k]); err != nil {
			return err
		}
	}
	return nil
}

// checkSetting checks the type of the value of one known setting.
func checkSetting(key string, raw json.RawMessage) error {
	switch key {
	case "catalog":
		var list []string
		if json.Unmarshal(raw, new(string)) != nil && json.Unmarshal(raw, &list) != nil {
			return settingsError("catalog: want the path of a catalog file (a string) or a list of paths, got %s", describe(raw))
		}
		if slices.Contains(list, "") {
			return settingsError("catalog: an empty path in the list %s", describe(raw))
		}
	case "baseline":
		if json.Unmarshal(raw, new(string)) != nil {
			return settingsError("baseline: want the path of a baseline file (a string), got %s", describe(raw))
		}
	case "config":
		if json.Unmarshal(raw, new(string)) != nil {
			return settingsError("config: want the path of an .apierrlint.yml file (a string), got %s", describe(raw))
		}
	case "helper-modules":
		return checkList(key, raw, "a list of module paths such as [github.com/acme/apierr]", func(name string, elem json.RawMessage) error {
			if json.Unmarshal(elem, new(string)) != nil {
				return settingsError("%s: want a module path (a string), got %s", name, describe(elem))
			}
			return nil
		})
	case "tests", "generated":
		if json.Unmarshal(raw, new(bool)) != nil {
			return settingsError("%s: want true or false, got %s", key, describe(raw))
		}
	case "retry-after-value":
		if json.Unmarshal(raw, new(string)) != nil {
			return settingsError("retry-after-value: want the header value (a string such as \"60\"; quote numbers), got %s", describe(raw))
		}
	case "error-writer":
		if json.Unmarshal(raw, new(string)) != nil {
			return settingsError("error-writer: want import/path.Name (a string such as example.com/app/apierr.Write), got %s", describe(raw))
		}
	case "default-codes":
		var m map[string]json.RawMessage
		if json.Unmarshal(raw, &m) != nil {
			return settingsError("default-codes: want a mapping of HTTP statuses to codes such as {401: UNAUTHORIZED}, got %s", describe(raw))
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if json.Unmarshal(m[k], new(string)) != nil {
				return settingsError("default-codes.%s: want an error code (a string), got %s", k, describe(m[k]))
			}
		}
	case "retry-after":
		return checkList(key, raw, "a list of HTTP statuses such as [429, 503]", func(name string, elem json.RawMessage) error {
			if json.Unmarshal(elem, new(int)) != nil {
				return settingsError("%s: want an HTTP status (an integer), got %s", name, describe(elem))
			}
			return nil
		})
	case "disable":
		return checkList(key, raw, "a list of rule ids such as [missing-retry-after]", func(name string, elem json.RawMessage) error {
			if json.Unmarshal(elem, new(string)) != nil {
				return settingsError("%s: want a rule id (%s), got %s", name, strings.Join(analyzer.Rules, ", "), describe(elem))
			}
			return nil
		})
	case "codes":
		return checkList(key, raw, "a list of {code, status} mappings", checkCode)
	case "shape":
		return checkShapeSetting(raw)
	}
	return nil
}

// checkList checks that raw is a list and calls check on each element.
func checkList(key string, raw json.RawMessage, want string, check func(name string, elem json.RawMessage) error) error {
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) != nil {
		return settingsError("%s: want %s, got %s", key, want, describe(raw))
	}
	for i, elem := range list {
		if err := check(fmt.Sprintf("%s[%d]", key, i), elem); err != nil {
			return err
		}
	}
	return nil
}

func checkCode(name string, elem json.RawMessage) error {
	var m map[string]json.RawMessage
	if json.Unmarshal(elem, &m) != nil {
		return settingsError("%s: want a mapping with keys code and status, got %s", name, describe(elem))
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		switch k {
		case "code":
			if json.Unmarshal(m[k], new(string)) != nil {
				return settingsError("%s.code: want an error code (a string), got %s", name, describe(m[k]))
			}
		case "status":
			if json.Unmarshal(m[k], new(int)) != nil {
				return settingsError("%s.status: want an HTTP status (an integer), got %s", name, describe(m[k]))
			}
		case "description", "resolution":
			if json.Unmarshal(m[k], new(string)) != nil {
				return settingsError("%s.%s: want text (a string), got %s", name, k, describe(m[k]))
			}
		default:
			msg := fmt.Sprintf("%s: unknown key %q", name, k)
			if s := textdist.Nearest(k, []string{"code", "status", "description", "resolution"}); s != "" {
				msg += fmt.Sprintf(" (did you mean %q?)", s)
			}
			return settingsError("%s; the keys are code and status, and optionally description and resolution", msg)
		}
	}
	return nil
}

// describe names the kind of a JSON value for an error message.
func describe(raw json.RawMessage) string {
	s := strings.TrimSpace(string(raw))
	if s == "" {
		return "nothing"
	}
	short := s
	if len(short) > 40 {
		short = short[:37] + "..."
	}
	switch s[0] {
	case '"':
		return "the string " + short
	case '[':
		return "a list"
	case '{':
		return "a mapping"
	case 't', 'f':
		return "the boolean " + s
	case 'n':
		return "nothing (null)"
	}
	return "the number " + short
}

// Config validates s and returns the analyzer configuration it describes,
// loading the catalog file if one is named. Errors start with
// "apierrlint: settings: " and name the setting.
func (s Settings) Config() (analyzer.Config, error) {
	var cfg analyzer.Config
	if s.ConfigFile != "" {
		return cfg, settingsError("config: only the golangci-lint plugin's settings can name a configuration file, and then nothing else")
	}
	switch {
	case len(s.Catalog) > 0 && s.Codes != nil:
		return cfg, settingsError("catalog and codes are both set; use one of them: catalog names a catalog file, codes lists the codes inline")
	case len(s.Catalog) > 0:
		c, err := loadCatalog(s.Catalog)
		if err != nil {
			return cfg, err
		}
		cfg.Catalog, cfg.CatalogName = c, s.Catalog.String()
	case s.Codes != nil:
		c, err := inlineCatalog(s.Codes)
		if err != nil {
			return cfg, err
		}
		cfg.Catalog = c
	}

	for i, st := range s.RetryAfter {
		if st < 400 || st > 599 {
			return cfg, settingsError("retry-after[%d]: %d is not an HTTP error status (400-599)", i, st)
		}
	}
	if s.RetryAfter != nil {
		cfg.RetryAfterStatuses = slices.Clone(s.RetryAfter)
	}

	for i, r := range s.Disable {
		rules, err := analyzer.ParseRules(r)
		if err == nil && (len(rules) != 1 || rules[0] != r) {
			err = fmt.Errorf("want one rule id (%s), got %q", strings.Join(analyzer.Rules, ", "), r)
		}
		if err != nil {
			return cfg, settingsError("disable[%d]: %v", i, err)
		}
		cfg.Disabled = append(cfg.Disabled, r)
	}

	if s.RetryAfterValue != nil {
		if err := checkRetryAfterValue(*s.RetryAfterValue); err != nil {
			return cfg, settingsError("retry-after-value: %v", err)
		}
		cfg.RetryAfterValue = *s.RetryAfterValue
	}

	if s.ErrorWriter != "" {
		if err := checkErrorWriter(s.ErrorWriter); err != nil {
			return cfg, settingsError("error-writer: %v", err)
		}
		cfg.ErrorWriter = s.ErrorWriter
	}

	if len(s.DefaultCodes) > 0 {
		cfg.DefaultCodes = map[int]string{}
		for _, k := range slices.Sorted(maps.Keys(s.DefaultCodes)) {
			st, err := strconv.Atoi(k)
			if err != nil {
				return cfg, settingsError("default-codes.%s: %q is not an HTTP status (an integer such as 401)", k, k)
			}
			cfg.DefaultCodes[st] = s.DefaultCodes[k]
		}
	}

	cfg.IncludeTests = s.Tests
	cfg.HelperModules = slices.Clone(s.HelperModules)
	cfg.IncludeGenerated = s.Generated

	if s.Baseline != "" {
		file, err := catalog.Find(s.Baseline, "")
		if err != nil {
			return cfg, settingsError("baseline: %v", err)
		}
		b, err := baseline.Load(file)
		if err != nil {
			return cfg, settingsError("baseline: %v", err)
		}
		cfg.Baseline, cfg.BaselinePath = b, s.Baseline
	}

	if s.Shape != nil {
		shape, err := s.Shape.Shape()
		if err != nil {
			return cfg, err
		}
		cfg.Shape = &shape
	}

	if err := cfg.Validate(); err != nil {
		return cfg, settingsError("%v", err)
	}
	return cfg, nil
}

// checkRetryAfterValue checks the value that the missing-retry-after fix
// writes into a string literal: one non-empty line of text.
func checkRetryAfterValue(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("the value is empty; give the header value that the fix sets, such as \"60\" (seconds), or leave retry-after-value out for \"60\"")
	}
	return analyzer.CheckRetryAfterValue(v)
}

// checkErrorWriter checks that w looks like import/path.Name: a dot after
// the last slash, a Go identifier after the last such dot, and a path of
// non-empty elements without spaces before it.
func checkErrorWriter(w string) error {
	const want = "want import/path.Name, for example example.com/app/apierr.Write"
	dot := strings.LastIndexByte(w, '.')
	if dot < 0 || dot < strings.LastIndexByte(w, '/') {
		return fmt.Errorf("%s has no dot after the last slash; %s", strconv.Quote(w), want)
	}
	path, name := w[:dot], w[dot+1:]
	if !token.IsIdentifier(name) {
		return fmt.Errorf("%s: %s is not a Go identifier; %s", strconv.Quote(w), strconv.Quote(name), want)
	}
	if path == "" {
		return fmt.Errorf("%s has no import path before .%s; %s", strconv.Quote(w), name, want)
	}
	if i := strings.IndexFunc(path, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) || r == '\\' }); i >= 0 {
		r, _ := utf8.DecodeRuneInString(path[i:])
		return fmt.Errorf("%s: the import path %s contains %U; %s", strconv.Quote(w), strconv.Quote(path), r, want)
	}
	for _, elem := range strings.Split(path, "/") {
		if elem == "" {
			return fmt.Errorf("%s: the import path %s has an empty element; %s", strconv.Quote(w), strconv.Quote(path), want)
		}
	}
	return nil
}

// loadCatalog resolves paths as documented on [Settings.Catalog] and
// loads the catalog (merged, for several).
func loadCatalog(paths Paths) (*catalog.Catalog, error) {
	files := make([]string, len(paths))
	for i, path := range paths {
		file, err := catalog.Find(path, "")
		if err != nil {
			return nil, settingsError("catalog: %v", err)
		}
		files[i] = file
	}
	c, err := contractcache.Load(files...)
	if err != nil {
		// catalog errors name the file and line; put each on its own line.
		return nil, settingsError("catalog: %s", strings.ReplaceAll(err.Error(), "\n", "\n\t"))
	}
	return c, nil
}

// inlineSource names the inline catalog in diagnostics and errors.
const inlineSource = "golangci-lint settings codes"

// inlineCatalog validates the codes setting with catalog.New. Problems are
// reported as "codes[INDEX]: problem", all of them (catalog.New stops at 10).
func inlineCatalog(codes []Code) (*catalog.Catalog, error) {
	if len(codes) == 0 {
		return nil, settingsError("codes: the list is empty; list {code, status} mappings, or leave codes out to use the embedded catalog")
	}
	var problems []string
	first := map[string]int{}
	entries := make([]catalog.Entry, 0, len(codes))
	for i, c := range codes {
		if j, dup := first[c.Code]; dup && c.Code != "" {
			problems = append(problems, fmt.Sprintf("codes[%d]: duplicate code %s (first listed as codes[%d])", i, c.Code, j))
			continue
		}
		first[c.Code] = i
		// Line carries the index (1-based) so that catalog errors can name it.
		entries = append(entries, catalog.Entry{Code: c.Code, Status: c.Status, Line: i + 1, Description: c.Description, Resolution: c.Resolution})
	}
	cat, err := catalog.New(inlineSource, entries)
	if err != nil {
		for _, e := range flatten(err) {
			var ce *catalog.Error
			switch {
			case errors.As(e, &ce) && ce.Line > 0:
				problems = append(problems, "codes["+strconv.Itoa(ce.Line-1)+"]: "+ce.Msg)
			case errors.As(e, &ce):
				problems = append(problems, "codes: "+ce.Msg)
			default:
				problems = append(problems, "codes: "+e.Error())
			}
		}
	}
	if len(problems) > 0 {
		slices.SortStableFunc(problems, func(a, b string) int { return indexOf(a) - indexOf(b) })
		return nil, settingsError("%s", strings.Join(problems, "; "))
	}
	return cat, nil
}

// indexOf returns INDEX of a "codes[INDEX]: ..." problem, or a large number.
func indexOf(problem string) int {
	rest, ok := strings.CutPrefix(problem, "codes[")
	if !ok {
		return 1 << 30
	}
	end := strings.IndexByte(rest, ']')
	if end < 0 {
		return 1 << 30
	}
	n, err := strconv.Atoi(rest[:end])
	if err != nil {
		return 1 << 30
	}
	return n
}

// flatten returns the errors joined in err (one level of errors.Join).
func flatten(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
