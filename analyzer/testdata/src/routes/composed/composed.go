// Package composed composes routes whose handlers, or parts, are in other
// packages: their findings are reported at the call that composes them,
// naming the write.
package composed

import (
	"net/http"

	"github.com/go-chi/chi/v5"

	"routes/composed/api"
	"routes/composed/owners"
	"routes/composed/vets"
)

func getVet(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusAccepted) // want `undocumented-status: GET /x/vets/\{id\} can answer 202 here; the OpenAPI document lists 200, 404`
}

// registerLocal's routes get their prefix from setup, in this package:
// reported at the write.
func registerLocal(r chi.Router) {
	r.Get("/{id}", getVet)
	r.Get("/{id}/notes", getVet) // its full path is known where setup composes it
}

func setup() {
	r := chi.NewRouter()
	r.Route("/x/vets", vets.Routes)           // want `undocumented-status: GET /x/vets can answer 202 \(vets/vets.go:23\); the OpenAPI document lists 200` `undocumented-status: GET /x/vets/\{id\} can answer 203 \(vets/vets.go:28\); the OpenAPI document lists 200, 404` `undocumented-status: GET /x/vets/\{id\}/visits is not in the OpenAPI document; document its operation, or remove the route`
	r.Get("/x/api/v1/specialties", vets.List) // want `undocumented-status: GET /x/api/v1/specialties can answer 207 \(vets/vets.go:37\); the OpenAPI document lists 200`
	owners.Register(r)                        // want `undocumented-status: POST /x/api/owners can answer 202 \(owners/owners.go:22\); the OpenAPI document lists 201, 400`
	r.Mount("/x/api", api.Router())           // want `undocumented-status: GET /x/api/owners can answer 203 \(api/api.go:18\); the OpenAPI document lists 200`
	r.Route("/x/vets", registerLocal)         // want `undocumented-status: GET /x/vets/\{id\}/notes is not in the OpenAPI document; document its operation, or remove the route`
	http.ListenAndServe(":8080", r)
}
