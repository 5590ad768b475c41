//go:build race

package main_test

// lspRace: the tests run with -race, and so does the language server they
// start (see lspServer).
const lspRace = true
