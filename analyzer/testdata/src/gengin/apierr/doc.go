package apierr // want package:"holds error helpers or types"

// Package apierr is the code that apierrlint gen writes from the embedded
// catalog for gin (errors_gen.go, kept up to date by the gen package's
// TestGenAnalyzerFixtures), taking the request id from gengin/reqid.
