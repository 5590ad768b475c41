package version

import (
	"runtime/debug"
	"testing"
)

// TestFromBuildInfo: the version of each kind of build, as the build info
// records it: go install at a version, go tool (apierrlint a dependency of
// the team's module, or replaced by a directory), a clone with and without
// VCS stamping.
func TestFromBuildInfo(t *testing.T) {
	vcs := []debug.BuildSetting{{Key: "vcs.revision", Value: "0123456789abcdef"}, {Key: "vcs.time", Value: "2026-01-02T03:04:05Z"}, {Key: "vcs.modified", Value: "true"}}
	for _, c := range []struct {
		name string
		bi   debug.BuildInfo
		want string
	}{
		{"go install", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "v1.2.3"}}, "v1.2.3"},
		{"go tool", debug.BuildInfo{Main: debug.Module{Path: "example.com/svc", Version: "(devel)"}, Deps: []*debug.Module{{Path: "golang.org/x/tools", Version: "v0.52.0"}, {Path: ModulePath, Version: "v1.2.3"}}}, "v1.2.3"},
		{"replaced by a directory", debug.BuildInfo{Main: debug.Module{Path: "example.com/svc"}, Deps: []*debug.Module{{Path: ModulePath, Version: "v1.2.3", Replace: &debug.Module{Path: "../apierrlint"}}}}, "(devel)"},
		{"clone", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "v0.0.0-20260102030405-0123456789ab+dirty"}, Settings: vcs},
			"v0.0.0-20260102030405-0123456789ab+dirty (revision 0123456789abcdef, 2026-01-02T03:04:05Z, modified)"},
		{"clone, -buildvcs=false", debug.BuildInfo{Main: debug.Module{Path: ModulePath, Version: "(devel)"}}, "(devel)"},
		{"not in the build", debug.BuildInfo{Main: debug.Module{Path: "example.com/other"}}, "(devel)"},
	} {
		if got := FromBuildInfo(&c.bi).String(); got != c.want {
			t.Errorf("%s: %q, want %q", c.name, got, c.want)
		}
	}
}
