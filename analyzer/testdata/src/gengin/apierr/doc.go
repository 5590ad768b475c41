package apierr // want package:"holds error helpers or types" package:`renders\(gengin/apierr.Error by apierr.\(HandlerFunc\).ServeHTTP\)`

// Package apierr is the code that apierrlint gen writes from the embedded
// catalog for gin (errors_gen.go, kept up to date by the gen package's
// TestGenAnalyzerFixtures), taking the request id from gengin/reqid.
