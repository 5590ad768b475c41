// Package owners registers its routes on a router parameter, with a
// handler factory.
package owners

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Register adds the owners' routes.
func Register(r chi.Router) { // want Register:`routes\(param0 POST /x/api/owners \[202@owners/owners.go:22 201@owners/owners.go:25\]\)`
	r.Post("/x/api/owners", create(nil))
}

type store interface{ Save() error }

// create is a handler factory.
func create(s store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s == nil {
			w.WriteHeader(http.StatusAccepted)
			return
		}
		w.WriteHeader(http.StatusCreated)
	}
}
