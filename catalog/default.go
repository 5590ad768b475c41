package catalog

import (
	_ "embed"
	"sync"
)

// DefaultSource is the [Catalog.Source] of the [Default] catalog.
const DefaultSource = "default catalog (embedded)"

//go:embed default.md
var defaultMarkdown string

// defaultCatalog parses the embedded catalog once.
var defaultCatalog = sync.OnceValue(func() *Catalog {
	c, err := ParseMarkdown(DefaultSource, []byte(defaultMarkdown))
	if err != nil {
		panic("catalog: embedded default catalog is broken: " + err.Error())
	}
	return c
})

// Default returns the catalog embedded in the linter: the codes of the
// team's API error documentation (UNAUTHORIZED 401, NOT_FOUND 404, ...).
// It panics only if the embedded document is broken, which the package's
// tests rule out.
func Default() *Catalog {
	return defaultCatalog()
}
