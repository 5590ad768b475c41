// Command pets is the module of the routes command's tests
// (cmd/apierrlint/routes_test.go): chi routes under a prefix, a closure
// handler, routes that a package of its own registers on a router
// parameter (vets) or on the router it returns (admin), and a router kept
// in a struct field (server).
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

// server keeps its router in a field: something may mount it under a
// prefix the analysis does not see, so the path of its route is not
// certain (printed after "…"), and it implements the operations whose
// path ends with its own (PUT /pets/{petId}).
type server struct{ router http.Handler }

func newServer() *server {
	r := chi.NewRouter()
	r.Put("/pets/{id}", func(w http.ResponseWriter, req *http.Request) {
		w.WriteHeader(http.StatusAccepted)
	})
	return &server{router: r}
}
