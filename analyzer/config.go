package analyzer

import (
	"flag"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"

	"github.com/apierrlint/apierrlint/baseline"
	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/contractcache"
)

// Config holds everything that shapes one analyzer. The CLI fills it from flags,
// the golangci-lint plugin from its settings; both build the analyzer with New.
type Config struct {
	// Catalog is the error catalog; nil means the embedded default.
	Catalog *catalog.Catalog
	// CatalogName names the catalog in messages (unknown-code): the path
	// as the user gave it, which is the same in every driver. "" means the
	// catalog's Source.
	CatalogName string
	// CatalogPath is a catalog file to load (the -catalog flag) when
	// Catalog is nil: see [Config.LoadCatalog].
	CatalogPath string
	// CatalogPaths are catalog files to load and merge (-catalog given more
	// than once: a Markdown catalog and an OpenAPI document, say) when
	// Catalog is nil; when set, CatalogPath is its first element.
	CatalogPaths []string
	// RetryAfterStatuses are the statuses whose responses must carry a
	// Retry-After header; nil means {429}.
	RetryAfterStatuses []int
	// Disabled lists rule ids that are not reported.
	Disabled []string
	// IncludeTests checks *_test.go files too.
	IncludeTests bool
	// IncludeGenerated checks generated files too.
	IncludeGenerated bool
	// RetryAfterValue is the value that the missing-retry-after fix sets;
	// "" means "60".
	RetryAfterValue string
	// ErrorWriter names the project's error writer, "import/path.Func", that
	// the raw-http-error fix calls; "" lets the analysis infer it.
	ErrorWriter string
	// DefaultCodes maps a status that several catalogued codes document to
	// the code that the fixes use for it (the default-codes setting): a
	// raw 401 becomes the writer's call with UNAUTHORIZED, say. Without an
	// entry, a status with several codes gets no fix.
	DefaultCodes map[int]string
	// HelperModules are module paths, besides the main module, whose
	// packages may hold error helpers (a company-wide apierr module). The
	// apierrlint command analyzes them from source for their facts; other
	// dependencies come from export data. Drivers that analyze every
	// package from source (golangci-lint) do not need it.
	HelperModules []string
	// Baseline holds findings that are not reported (see package
	// baseline); nil: none.
	Baseline *baseline.Baseline
	// Shape is the documented error body (the shape: setting, the -shape
	// flag); nil: the catalog's ([catalog.Catalog.Shape]). The one place
	// where the configuration wins over the document is
	// [Config.settings].
	Shape *catalog.Shape
	// BaselinePath is a baseline file to load (the -baseline flag) when
	// Baseline is nil: see [Config.LoadBaseline].
	BaselinePath string
	// Routes collects the complete routes of each package into its
	// [Result] (Result.Routes), whether or not the catalog has operations
	// and undocumented-status is enabled: for `apierrlint routes`. Off,
	// the analysis does no work for it.
	Routes bool

	catalogFlagSet bool // -catalog was given: its next use adds a file
}

// LoadBaseline loads the baseline file that BaselinePath names, unless a
// baseline is loaded already. A relative path is looked up in dir ("": the
// working directory), then in each of its parents, as [Config.LoadCatalog]
// looks up a catalog (go vet runs the tool in each package's directory).
func (c *Config) LoadBaseline(dir string) error {
	if c.Baseline != nil || c.BaselinePath == "" {
		return nil
	}
	file, err := catalog.Find(c.BaselinePath, dir)
	if err != nil {
		return err
	}
	b, err := baseline.Load(file)
	if err != nil {
		return err
	}
	c.Baseline = b
	return nil
}

// LoadCatalog loads the catalog file that CatalogPath names, unless a
// catalog is loaded already. A relative path is looked up in dir ("": the
// working directory), then in each of its parents (see [catalog.Find]): go
// vet runs the tool in each package's directory, and a path relative to the
// module root must work there as it does in the golangci-lint plugin. The
// error names the file, the line and the problem.
//
// Several files (CatalogPaths) are merged by [catalog.Merge]: their codes
// must agree. An OpenAPI document's parsed contract comes from the contract
// cache (internal/contractcache) when it is there: go vet loads the catalog
// in every package's process.
//
// The default codes are checked against the catalog, loaded or not.
func (c *Config) LoadCatalog(dir string) error {
	if err := c.loadCatalog(dir); err != nil {
		return err
	}
	cat := c.Catalog
	if cat == nil {
		cat = catalog.Default()
	}
	return CheckDefaultCodes(c.DefaultCodes, cat)
}

func (c *Config) loadCatalog(dir string) error {
	paths := c.AllCatalogPaths()
	if c.Catalog != nil || len(paths) == 0 {
		return nil
	}
	files := make([]string, len(paths))
	for i, p := range paths {
		file, err := catalog.Find(p, dir)
		if err != nil {
			return err
		}
		files[i] = file
	}
	cat, err := contractcache.Load(files...)
	if err != nil {
		return err
	}
	c.Catalog, c.CatalogName = cat, strings.Join(paths, ", ")
	return nil
}

// AllCatalogPaths returns the catalog files to load: CatalogPaths, or
// CatalogPath alone.
func (c *Config) AllCatalogPaths() []string {
	if len(c.CatalogPaths) > 0 {
		return c.CatalogPaths
	}
	if c.CatalogPath != "" {
		return []string{c.CatalogPath}
	}
	return nil
}

// Validate reports the first problem of c.
func (c *Config) Validate() error {
	for _, r := range c.Disabled {
		if err := checkDisable(r); err != nil {
			return err
		}
	}
	if c.Shape != nil {
		if p := c.Shape.Problems(); len(p) > 0 {
			return fmt.Errorf("shape.%s", p[0])
		}
	}
	for _, s := range c.RetryAfterStatuses {
		if s < 400 || s > 599 {
			return fmt.Errorf("retry-after status %d is not an HTTP error status (400-599)", s)
		}
	}
	if c.RetryAfterValue != "" {
		if err := CheckRetryAfterValue(c.RetryAfterValue); err != nil {
			return err
		}
	}
	cat := c.Catalog
	if cat == nil && len(c.AllCatalogPaths()) > 0 {
		return nil // checked when the catalog is loaded (settings)
	}
	if cat == nil {
		cat = catalog.Default()
	}
	return CheckDefaultCodes(c.DefaultCodes, cat)
}

// CheckDefaultCodes checks default-codes against the catalog: each code
// must be catalogued with its status. An error starts with
// "default-codes.STATUS: ", the first by status.
func CheckDefaultCodes(codes map[int]string, cat *catalog.Catalog) error {
	for _, st := range slices.Sorted(maps.Keys(codes)) {
		code := codes[st]
		doc, ok := cat.Status(code)
		switch {
		case st < 400 || st > 599:
			return fmt.Errorf("default-codes.%d: %d is not an HTTP error status (400-599)", st, st)
		case !ok:
			return fmt.Errorf("default-codes.%d: %s is not in the error catalog (%s); the codes documented with %d are %s", st, code, cat.Source(), st, codeList(cat.CodesWithStatus(st)))
		case doc != st:
			return fmt.Errorf("default-codes.%d: %s is documented with %d, not %d; the codes documented with %d are %s", st, code, doc, st, st, codeList(cat.CodesWithStatus(st)))
		}
	}
	return nil
}

// codeList lists codes for a message: "none" for none.
func codeList(codes []string) string {
	if len(codes) == 0 {
		return "none"
	}
	return strings.Join(codes, ", ")
}

// CheckRetryAfterValue checks the value that the missing-retry-after fix
// writes: a whole number of seconds, as clients parse it (and as the
// retry-after-format rule demands).
func CheckRetryAfterValue(v string) error {
	if !wholeSeconds(v) {
		return fmt.Errorf("retry-after value %q is not a whole number of seconds, such as \"60\" (clients parse Retry-After as an integer)", v)
	}
	return nil
}

// settings is the resolved, immutable form of a Config used by the passes.
type settings struct {
	cat     *catalog.Catalog
	catName string // in messages: "embedded default", a path
	// shape is the documented error body: the configuration's, else the
	// catalog's.
	shape bodyShape
	// defaultCatalog: no catalog was configured; the codes that messages
	// suggest come from the embedded one, and say so.
	defaultCatalog bool
	retryAfter     map[int]bool
	disabled       map[string]bool
	tests          bool
	generated      bool

	retryAfterValue string
	errorWriter     string
	defaultCodes    map[int]string
	baseline        *baseline.Baseline

	// ops are the catalog's OpenAPI operations, their paths split once
	// (undocumented-status; none without an OpenAPI document).
	ops []opShape
	// routes: collect the routes into the Result (Config.Routes).
	routes bool
}

func (c *Config) settings() *settings {
	s := &settings{
		cat:        c.Catalog,
		retryAfter: map[int]bool{},
		disabled:   map[string]bool{},
		tests:      c.IncludeTests,
		generated:  c.IncludeGenerated,

		retryAfterValue: c.RetryAfterValue,
		errorWriter:     c.ErrorWriter,
		defaultCodes:    maps.Clone(c.DefaultCodes),
		baseline:        c.Baseline,
		routes:          c.Routes,
	}
	if s.retryAfterValue == "" {
		s.retryAfterValue = "60"
	}
	if s.cat == nil {
		s.cat = catalog.Default()
	}
	if c.Shape != nil {
		s.shape = newBodyShape(*c.Shape)
	} else {
		s.shape = newBodyShape(s.cat.Shape())
	}
	s.catName = c.CatalogName
	if s.catName == "" {
		s.catName = s.cat.Source()
	}
	if s.cat == catalog.Default() {
		s.catName = "embedded default"
		s.defaultCatalog = true
	}
	s.ops = opShapes(s.cat)
	ra := c.RetryAfterStatuses
	if ra == nil {
		ra = []int{429}
	}
	for _, st := range ra {
		s.retryAfter[st] = true
	}
	for _, r := range c.Disabled {
		s.disabled[r] = true
	}
	return s
}

// flagConfig binds a Config to command-line flags. Values are validated as
// they are parsed, so a broken catalog stops the tool before any package is
// loaded, with the file, line and problem.
type flagConfig struct{ cfg *Config }

func (f flagConfig) register(fs *flag.FlagSet) {
	fs.Var(catalogFlag(f), "catalog", "error catalog: a Markdown document with a Code | HTTP Status table, .json/.yaml, or an OpenAPI/Swagger document; given twice, the two are merged (default: the embedded catalog)")
	fs.Var(statusListFlag{&f.cfg.RetryAfterStatuses}, "retry-after", "comma-separated statuses that require a Retry-After header")
	fs.Var(ruleListFlag{&f.cfg.Disabled}, "disable", "comma-separated rule ids not to report ("+strings.Join(Rules, ", ")+", "+RuleIgnoreDirective+")")
	fs.BoolVar(&f.cfg.IncludeTests, "tests", false, "report findings in *_test.go files too (apierrlint loads them unless -test=false)")
	fs.BoolVar(&f.cfg.IncludeGenerated, "generated", false, "also check generated files")
	fs.Var(retryAfterValueFlag{&f.cfg.RetryAfterValue}, "retry-after-value", "the Retry-After value, in whole seconds, that the missing-retry-after fix sets (default 60)")
	fs.Var(stringListFlag{&f.cfg.HelperModules}, "helper-modules", "comma-separated module paths, besides the main module, whose packages may hold error helpers")
	fs.Var(baselineFlag(f), "baseline", "report only the findings that this baseline `file` (written by -write-baseline) does not hold")
	fs.Var(shapeFlag{&f.cfg.Shape}, "shape", "the error body's shape: `preset` document, problem (RFC 9457) or envelope ({\"error\": {...}}); its keys are set in .apierrlint.yml (default: the catalog's response-format block)")
	fs.Var(defaultCodesFlag{&f.cfg.DefaultCodes}, "default-codes", "comma-separated `status=CODE` pairs: the code that the fixes use for a status that several codes document (401=UNAUTHORIZED,500=INTERNAL_ERROR)")
	fs.StringVar(&f.cfg.ErrorWriter, "error-writer", "", "the project's error writer `import/path.Func` that the raw-http-error fix calls (default: inferred)")
}

type catalogFlag flagConfig

func (f catalogFlag) String() string {
	if f.cfg == nil {
		return ""
	}
	return strings.Join(f.cfg.AllCatalogPaths(), ",")
}

// Set records the path; the catalog is loaded by [Config.LoadCatalog],
// where the directory that a relative path is relative to is known. The
// flag's first use replaces the paths set before flags were parsed; each
// further use adds a file to merge.
func (f catalogFlag) Set(path string) error {
	if path == "" {
		return fmt.Errorf("empty path")
	}
	if !f.cfg.catalogFlagSet {
		f.cfg.CatalogPaths, f.cfg.catalogFlagSet = nil, true
	}
	f.cfg.CatalogPaths = append(f.cfg.CatalogPaths, path)
	f.cfg.CatalogPath, f.cfg.Catalog = f.cfg.CatalogPaths[0], nil
	return nil
}

type shapeFlag struct{ p **catalog.Shape }

func (f shapeFlag) String() string {
	if f.p == nil || *f.p == nil {
		return ""
	}
	return (*f.p).Preset
}

func (f shapeFlag) Set(v string) error {
	s, ok := catalog.PresetShape(v)
	if !ok || v == "" {
		return fmt.Errorf("unknown preset %q; the presets are %s", v, strings.Join(catalog.Presets, ", "))
	}
	*f.p = &s
	return nil
}

type baselineFlag flagConfig

func (f baselineFlag) String() string {
	if f.cfg == nil {
		return ""
	}
	return f.cfg.BaselinePath
}

// Set records the path; the file is loaded by [Config.LoadBaseline].
func (f baselineFlag) Set(path string) error {
	if path == "" {
		return fmt.Errorf("empty path")
	}
	f.cfg.BaselinePath, f.cfg.Baseline = path, nil
	return nil
}

type statusListFlag struct{ p *[]int }

func (f statusListFlag) String() string {
	if f.p == nil || *f.p == nil {
		return "429"
	}
	var s []string
	for _, v := range *f.p {
		s = append(s, strconv.Itoa(v))
	}
	return strings.Join(s, ",")
}

func (f statusListFlag) Set(v string) error {
	list := []int{}
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 400 || n > 599 {
			return fmt.Errorf("%q is not an HTTP error status (400-599)", part)
		}
		if !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	*f.p = list
	return nil
}

type retryAfterValueFlag struct{ p *string }

func (f retryAfterValueFlag) String() string {
	if f.p == nil || *f.p == "" {
		return "60"
	}
	return *f.p
}

func (f retryAfterValueFlag) Set(v string) error {
	if err := CheckRetryAfterValue(v); err != nil {
		return err
	}
	*f.p = v
	return nil
}

type ruleListFlag struct{ p *[]string }

func (f ruleListFlag) String() string {
	if f.p == nil {
		return ""
	}
	return strings.Join(*f.p, ",")
}

func (f ruleListFlag) Set(v string) error {
	rules, err := ParseRules(v)
	if err != nil {
		return err
	}
	*f.p = rules
	return nil
}

type stringListFlag struct{ p *[]string }

func (f stringListFlag) String() string {
	if f.p == nil {
		return ""
	}
	return strings.Join(*f.p, ",")
}

func (f stringListFlag) Set(v string) error {
	*f.p = nil
	for _, s := range strings.Split(v, ",") {
		if s = strings.TrimSpace(s); s != "" {
			*f.p = append(*f.p, s)
		}
	}
	return nil
}

type defaultCodesFlag struct{ p *map[int]string }

func (f defaultCodesFlag) String() string {
	if f.p == nil || len(*f.p) == 0 {
		return ""
	}
	var s []string
	for _, st := range slices.Sorted(maps.Keys(*f.p)) {
		s = append(s, strconv.Itoa(st)+"="+(*f.p)[st])
	}
	return strings.Join(s, ",")
}

// Set parses status=CODE pairs; the codes are checked against the catalog
// by [Config.Validate] and when the catalog is loaded.
func (f defaultCodesFlag) Set(v string) error {
	m := map[int]string{}
	for _, part := range strings.Split(v, ",") {
		part = strings.TrimSpace(part)
		if part == "" {
			continue
		}
		st, code, ok := strings.Cut(part, "=")
		n, err := strconv.Atoi(strings.TrimSpace(st))
		if !ok || err != nil || strings.TrimSpace(code) == "" {
			return fmt.Errorf("%q is not status=CODE, such as 401=UNAUTHORIZED", part)
		}
		m[n] = strings.TrimSpace(code)
	}
	*f.p = m
	return nil
}
