package apierr // want package:"holds error helpers or types" package:`renders\(genhttp/apierr.Error by apierr.\(HandlerFunc\).ServeHTTP\)`

// Package apierr is the code that apierrlint gen writes from the embedded
// catalog for net/http (errors_gen.go, kept up to date by the gen package's
// TestGenAnalyzerFixtures), with the request id function it names. The
// analysis infers its writer and constructors as helpers although
// generated files are not checked: their facts are still exported.
