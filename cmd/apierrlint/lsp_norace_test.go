//go:build !race

package main_test

const lspRace = false
