// Command pets is the module of the routes command's tests
// (cmd/apierrlint/routes_test.go): chi routes under a prefix, a closure
// handler, routes that a package of its own registers on a router
// parameter (vets) or on the router it returns (admin).
package main

import (
	"encoding/json"
	"net/http"

	"github.com/go-chi/chi/v5"

	"example.com/pets/admin"
	"example.com/pets/vets"
)

func main() {
	r := chi.NewRouter()
	r.Route("/api/v1", func(r chi.Router) {
		r.Get("/pets", listPets)
		r.Get("/pets/{id}", getPet)
		r.Post("/pets", func(w http.ResponseWriter, req *http.Request) {
			w.WriteHeader(http.StatusCreated)
		})
		r.Get("/health", health)
		r.Route("/vets", vets.Routes)
	})
	r.Mount("/admin", admin.Handler())
	http.ListenAndServe(":8080", r)
}

func listPets(w http.ResponseWriter, r *http.Request) {
	json.NewEncoder(w).Encode([]string{})
}

func getPet(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("x") == "" {
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(map[string]string{"code": "NOT_FOUND", "message": "no pet"})
		return
	}
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(map[string]string{"code": "CONFLICT", "message": "busy"})
}

func health(w http.ResponseWriter, r *http.Request) {}
