#!/bin/sh
# Builds and tests the packages that make gopls compiles into gopls
# (analyzer/, catalog/ and plugin/, which shares the analyzer's settings)
# against the golang.org/x/tools that gopls pins, as well as against the
# root go.mod's: gopls uses x/tools internals and cannot build with another
# x/tools, so the analyzer must build with gopls's.
#
#   sh gopls/xtools.sh
#
# It works on copies of go.mod and go.sum in bin/xtools (go -modfile); the
# root go.mod is not changed.
set -eu
go=${GO:-go}
root=$(cd "$(dirname "$0")/.." && pwd)
tools=$(cd "$root/gopls" && $go run . -tools-version)
tmp=$root/bin/xtools
mkdir -p "$tmp"
cp "$root/go.mod" "$tmp/go.mod"
cp "$root/go.sum" "$tmp/go.sum"
cd "$root"
$go mod edit -modfile="$tmp/go.mod" -replace "golang.org/x/tools=golang.org/x/tools@$tools"
echo "golang.org/x/tools $tools (gopls's), in place of $($go list -m -f '{{.Version}}' golang.org/x/tools)"
$go vet -mod=mod -modfile="$tmp/go.mod" ./analyzer ./catalog ./plugin
$go test -mod=mod -modfile="$tmp/go.mod" -count=1 ./analyzer ./catalog ./plugin
