#!/bin/sh
# Builds golangci-lint (the version in go.mod) with the apierrlint plugin, without git:
# what `golangci-lint custom` does with ../.custom-gcl.yml after its clone.
#
#   sh gcl/build.sh [OUTPUT]      (default OUTPUT: bin/custom-gcl of the repository)
#
# The version ends with a hash of the plugin's sources, as custom's does.
# golangci-lint salts its cache of results with the version: a version that
# stayed the same while the analyzer changed would replay stale results.
set -eu
go=${GO:-go}
gcl=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$gcl")
out=${1:-$root/bin/custom-gcl}
case $out in /*) ;; *) out=$(pwd)/$out ;; esac

# The files of the root module's packages that the plugin is built from.
files=$(cd "$root" && $go list -deps -f '{{if .Module}}{{if eq .Module.Path "github.com/apierrlint/apierrlint"}}{{$d := .Dir}}{{range .GoFiles}}{{$d}}/{{.}}
{{end}}{{range .EmbedFiles}}{{$d}}/{{.}}
{{end}}{{end}}{{end}}' ./plugin | sed "s#^$root/##" | sort)
if command -v sha256sum >/dev/null 2>&1; then sum="sha256sum"; else sum="shasum -a 256"; fi
hash=$(cd "$root" && for f in go.mod go.sum gcl/go.mod gcl/go.sum $files; do echo "$f"; cat "$f"; done | $sum | cut -c1-12)
gclversion=$(cd "$gcl" && $go list -m -f '{{.Version}}' github.com/golangci/golangci-lint/v2)
version="$gclversion-custom-gcl-apierrlint-$hash"
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)

cd "$gcl"
$go build -trimpath -ldflags "-s -w -X 'main.version=$version' -X 'main.date=$date'" -o "$out" .
echo "built $out ($version)"
