// Package vets: handlers and a Routes function whose paths are composed
// in another package (routes/composed): it cannot know their operations,
// so it reports nothing and exports what its handlers can answer.
package vets

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

// Routes registers the vets' routes on the router it is given.
func Routes(r chi.Router) { // want Routes:`routes\(param0 GET / \[200@vets/vets.go:21 202@vets/vets.go:23\]; param0 GET /\{id\} \[203@vets/vets.go:28 200@vets/vets.go:31\]; param0 GET /\{id\}/visits \[\]\)`
	r.Get("/", list)
	r.Get("/{id}", get)
	r.Get("/{id}/visits", func(w http.ResponseWriter, r *http.Request) {}) // no constant status, and not in the document: the fact has it
}

func list(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("page") == "" {
		w.WriteHeader(http.StatusOK)
	}
	w.WriteHeader(http.StatusAccepted)
}

func get(w http.ResponseWriter, r *http.Request) {
	if chi.URLParam(r, "id") == "0" {
		w.WriteHeader(http.StatusNonAuthoritativeInfo)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// List lists specialties.
func List(w http.ResponseWriter, r *http.Request) { // want List:`statuses\(207@vets/vets.go:37 200@vets/vets.go:40\)`
	if r.Method == "" {
		w.WriteHeader(http.StatusMultiStatus)
		return
	}
	w.WriteHeader(http.StatusOK)
}
