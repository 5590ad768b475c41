package plugin

import (
	"os"

	"github.com/apierrlint/apierrlint/catalog"
	"github.com/apierrlint/apierrlint/internal/settings"
)

// Settings are the plugin's settings: the "settings" mapping under
// linters.settings.custom.apierrlint in a golangci-lint v2 configuration.
// They are the settings of an .apierrlint.yml file, plus config, which names
// such a file to take them from.
type Settings = settings.Settings

// Code is one entry of an inline catalog.
type Code = settings.Code

// DecodeSettings decodes the settings that golangci-lint passes to New,
// rejecting unknown keys. The error names the offending setting (with its
// list index), what was expected and what was found.
func DecodeSettings(conf any) (Settings, error) { return settings.Decode(conf) }

// FindCatalog returns the file that the catalog setting path refers to: path
// itself if it is absolute, else the first of DIR/path that exists, where DIR
// is the working directory and then each of its parents in turn (see
// [catalog.Find]).
func FindCatalog(path string) (string, error) {
	wd, err := os.Getwd()
	if err != nil {
		return catalog.Find(path, "")
	}
	return catalog.Find(path, wd)
}
