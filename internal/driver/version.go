package driver

import (
	"runtime/debug"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// ModuleVersion returns the version of the apierrlint module that the
// running binary was built from: v1.2.3 when it was installed as a module
// (go install ...@v1.2.3, go get -tool), "(devel)" when it was built from a
// clone without version control information.
func ModuleVersion() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok || bi.Main.Version == "" {
		return "(devel)"
	}
	return bi.Main.Version
}

// Tagged reports whether v is a released version, for which a tag of that
// name exists: a semantic version without build metadata (+dirty) that is
// not a pseudo-version (v0.0.0-20260101120000-abcdefabcdef).
func Tagged(v string) bool {
	return semver.IsValid(v) && semver.Build(v) == "" && !module.IsPseudoVersion(v)
}
