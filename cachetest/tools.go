//go:build tools

// Package cachetest tests go vet with apierrlint across machines that share
// a build cache through GOCACHEPROG: gocached (the server) and go-cacher (the
// client) of github.com/bradfitz/go-tool-cache, built from this module. It is
// a module of its own, so that their dependencies stay out of apierrlint's.
package cachetest

import (
	_ "github.com/bradfitz/go-tool-cache/cmd/go-cacher"
	_ "github.com/bradfitz/go-tool-cache/cmd/gocached"
)
