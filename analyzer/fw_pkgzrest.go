package analyzer

// pkgzRestFW is github.com/go-pkgz/rest (v1.24.0), a toolkit of net/http
// helpers: RenderJSON encodes its value into a buffer and writes it with
// the status set before; SendErrorJSON writes {"error": msg} with its status
// argument. Its module is not the project's, so the command and go vet do
// not analyze it from source (unless -helper-modules names it): these rows
// say what its helpers do, in every driver alike.
var pkgzRestFW = &framework{
	name:       "go-pkgz/rest",
	pkgs:       []string{"github.com/go-pkgz/rest"},
	mapBodies:  []typeName{{"github.com/go-pkgz/rest", "JSON"}},
	retryAfter: `%[1]s.Header().Set("Retry-After", %[2]s)`,
	starts:     true, // it writes through the ResponseWriter
	prims: map[string]primitive{
		"github.com/go-pkgz/rest.RenderJSON":    p(roleJSON, -1, 1).on(0),
		"github.com/go-pkgz/rest.SendErrorJSON": p(roleJSON, 3, -1).on(0).withFixedBody(`{"error": ""}`),
	},
}
