// Package apierr holds the service's API errors. errors_gen.go is written
// by apierrlint gen from docs/errors.md (the catalog that .apierrlint.yml
// names): the codes, their statuses, the error body and its writer. CI
// checks that it is up to date with apierrlint gen -check.
package apierr

//go:generate apierrlint gen -o errors_gen.go -request-id RequestID
