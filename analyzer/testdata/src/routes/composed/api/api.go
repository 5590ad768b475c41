// Package api returns a router that the app mounts.
package api

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Router returns the API's router.
func Router() http.Handler { // want Router:`routes\(result GET /owners \[203@api/api.go:18\]\)`
	r := chi.NewRouter()
	r.Get("/owners", Owners)
	return r
}

// Owners lists owners.
func Owners(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNonAuthoritativeInfo) } // want Owners:`statuses\(203@api/api.go:18\)`
