// Package logger is a stub of github.com/go-pkgz/rest/logger v1.24.0.
package logger

// Backend is logging backend
type Backend interface {
	Logf(format string, args ...any)
}
