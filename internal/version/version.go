// Package version says which apierrlint a binary is: the module version
// that `go install ...@vX.Y.Z` or `go get -tool` recorded in the build info,
// or, for a build from a clone, "(devel)" with the VCS revision that go
// build stamped. It answers `apierrlint -version` as staticcheck's -version
// does. (go vet's -V=full is another question, answered by
// internal/vetdriver: a hash of the executable, for go vet's cache.)
package version

import (
	"runtime/debug"
	"strings"

	"golang.org/x/mod/module"
	"golang.org/x/mod/semver"
)

// ModulePath is the module whose version is reported.
const ModulePath = "github.com/apierrlint/apierrlint"

// Info is what the build info says about apierrlint's module.
type Info struct {
	Version  string // v1.2.3, a pseudo-version, or "(devel)"
	Revision string // vcs.revision of a build from a clone (-buildvcs)
	Time     string // vcs.time
	Modified bool   // vcs.modified: the clone had uncommitted changes
}

// Read reads the running binary's build info.
func Read() Info {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return Info{Version: "(devel)"}
	}
	return FromBuildInfo(bi)
}

// FromBuildInfo finds apierrlint's module in bi: the main module when the
// binary was built from apierrlint's own module (go install ...@v1.2.3, a
// clone), else a dependency (`go tool apierrlint` builds the tool as part of
// the team's module, whose go.mod pins apierrlint). A replaced dependency
// reports the replacement's version, "(devel)" for a directory.
func FromBuildInfo(bi *debug.BuildInfo) Info {
	var info Info
	switch {
	case bi.Main.Path == ModulePath:
		info.Version = bi.Main.Version
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				info.Revision = s.Value
			case "vcs.time":
				info.Time = s.Value
			case "vcs.modified":
				info.Modified = s.Value == "true"
			}
		}
	default:
		for _, m := range bi.Deps {
			if m.Path != ModulePath {
				continue
			}
			info.Version = m.Version
			if m.Replace != nil {
				info.Version = m.Replace.Version
			}
		}
	}
	if info.Version == "" {
		info.Version = "(devel)"
	}
	return info
}

// String is the version: "v1.2.3" for an installed version. A build from
// a clone adds what go build stamped from git (-buildvcs): the revision,
// its time and whether the clone had uncommitted changes, "v0.0.0-2026...
// -0123456789ab+dirty (revision 0123...ef, 2026-01-02T03:04:05Z, modified)".
// (Go 1.24 and later set a clone's version to a pseudo-version, "(devel)"
// before; "(devel)" alone is a build without VCS information.)
func (i Info) String() string {
	if i.Revision == "" {
		return i.Version
	}
	vcs := []string{"revision " + i.Revision}
	if i.Time != "" {
		vcs = append(vcs, i.Time)
	}
	if i.Modified {
		vcs = append(vcs, "modified")
	}
	return i.Version + " (" + strings.Join(vcs, ", ") + ")"
}

// Tagged reports whether v is a released version, for which a tag of that
// name exists: a semantic version without build metadata (+dirty) that is
// not a pseudo-version (v0.0.0-20260101120000-abcdefabcdef).
func Tagged(v string) bool {
	return semver.IsValid(v) && semver.Build(v) == "" && !module.IsPseudoVersion(v)
}
