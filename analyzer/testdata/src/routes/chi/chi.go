// Package chi: chi's routes, sub-routers (Route, Group, With, Mount),
// and look-alikes that are not chi's.
package chi

import (
	"net/http"

	"github.com/go-chi/chi/v5"
)

func mw(next http.Handler) http.Handler { return next }

func getPet(w http.ResponseWriter, r *http.Request) {
	if chi.URLParam(r, "id") == "0" {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: GET /c/pets/\{petId\} can answer 202 here; the OpenAPI document lists 200, 404`
		return
	}
	w.WriteHeader(http.StatusOK)
}

// ownersRouter returns a router: its routes are relative to where it is
// mounted.
func ownersRouter() http.Handler {
	r := chi.NewRouter()
	r.Get("/", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusResetContent) // want `undocumented-status: GET /c/api/v1/owners can answer 205 here; the OpenAPI document lists 200`
	})
	return r
}

// fake is not a router: its Get is not chi's.
type fake struct{}

func (fake) Get(pattern string, h http.HandlerFunc) {}

func setup() {
	r := chi.NewRouter()
	r.Get("/c/pets/{id:[0-9]+}", getPet)
	r.Post("/c/pets", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusOK) // want `undocumented-status: POST /c/pets can answer 200 here; the OpenAPI document lists 201, 400`
	})
	r.Put("/c/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: PUT /c/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	r.Patch("/c/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: PATCH /c/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	r.Delete("/c/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: DELETE /c/old can answer 202 here; the OpenAPI document lists 204`
	})
	r.Handle("/c/api/v1/owners", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: GET, POST /c/api/v1/owners can answer 202 here; the OpenAPI document lists 200, 201`
	}))
	r.HandleFunc("/c/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: GET, DELETE /c/old can answer 203 here; the OpenAPI document lists 200, 204`
	})
	r.Method(http.MethodGet, "/c/pets", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: GET /c/pets can answer 203 here; the OpenAPI document lists 200, 4XX`
	}))
	r.MethodFunc(http.MethodPost, "/c/pets", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: POST /c/pets can answer 202 here; the OpenAPI document lists 201, 400`
	})
	r.Route("/c", func(sr chi.Router) {
		sr.Get("/files/*", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusPartialContent) // want `undocumented-status: GET /c/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
		})
		sr.Post("/api/v1/owners", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: POST /c/api/v1/owners can answer 203 here; the OpenAPI document lists 201`
		})
		sr.Put("/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: PUT /c/pets/\{id\} can answer 203 here; the OpenAPI document lists 200`
		})
		sr.Patch("/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusCreated) // want `undocumented-status: PATCH /c/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
		})
		sr.Delete("/old", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: DELETE /c/old can answer 203 here; the OpenAPI document lists 204`
		})
		sr.Delete("/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNonAuthoritativeInfo) // a default response documents every status
		})
		sr.Route("/api", func(ar chi.Router) {
			ar.Get("/v1/owners", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: GET /c/api/v1/owners can answer 203 here; the OpenAPI document lists 200`
			})
		})
		sr.Group(func(gr chi.Router) {
			gr.Get("/old", func(w http.ResponseWriter, r *http.Request) {
				w.WriteHeader(http.StatusResetContent) // want `undocumented-status: GET /c/old can answer 205 here; the OpenAPI document lists 200`
			})
		})
		sr.With(mw).Get("/pets/{petId}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusResetContent) // want `undocumented-status: GET /c/pets/\{petId\} can answer 205 here; the OpenAPI document lists 200, 404`
		})
		sr.Mount("/api/v1/owners", ownersRouter())
		sr.Handle("/pets/{id}", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusMultiStatus) // every method: DELETE's default response documents it
		}))
		sr.Handle("/api/v1/owners", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusIMUsed) // want `undocumented-status: GET, POST /c/api/v1/owners can answer 226 here; the OpenAPI document lists 200, 201`
		}))
		sr.HandleFunc("/files/{path}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusMultiStatus) // want `undocumented-status: GET /c/files/\{path\} can answer 207 here; the OpenAPI document lists 200`
		})
		sr.Method(http.MethodGet, "/old", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusMultiStatus) // want `undocumented-status: GET /c/old can answer 207 here; the OpenAPI document lists 200`
		}))
		sr.MethodFunc(http.MethodPut, "/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusMultiStatus) // want `undocumented-status: PUT /c/pets/\{id\} can answer 207 here; the OpenAPI document lists 200`
		})
	})
	r.Group(func(gr chi.Router) {
		gr.Get("/c/pets", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusResetContent) // want `undocumented-status: GET /c/pets can answer 205 here; the OpenAPI document lists 200, 4XX`
		})
	})
	r.With(mw).Post("/c/pets", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusResetContent) // want `undocumented-status: POST /c/pets can answer 205 here; the OpenAPI document lists 201, 400`
	})
	files := chi.NewRouter()
	files.Get("/{path}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: GET /c/files/\{path\} can answer 203 here; the OpenAPI document lists 200`
	})
	r.Mount("/c/files", files)
	var f fake
	f.Get("/c/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // not a route: fake is not chi's
	})
	var prefix string
	if len(prefix) == 0 {
		prefix = "/c"
	}
	r.Get(prefix+"/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // a prefix assigned twice: not followed
	})
	r.Get("/c/pets/{id}/photo", func(w http.ResponseWriter, r *http.Request) { // want `undocumented-status: GET /c/pets/\{id\}/photo is not in the OpenAPI document; document its operation, or remove the route`
		w.WriteHeader(http.StatusAccepted) // a route the document does not describe: its statuses are not reported one by one
	})
	http.ListenAndServe(":8080", r)
}

// server keeps its router in a field: another function may mount it under
// a prefix, so its paths are not certain.
type server struct{ router chi.Router }

func newServer() *server {
	r := chi.NewRouter()
	r.Get("/c/mounted/elsewhere", func(w http.ResponseWriter, r *http.Request) {}) // not reported: the router escapes to a field
	return &server{router: r}
}

// A router handed to the server keeps its paths.
func serveDirect() {
	r := chi.NewRouter()
	r.Get("/c/served", func(w http.ResponseWriter, r *http.Request) {}) // want `undocumented-status: GET /c/served is not in the OpenAPI document; document its operation, or remove the route`
	srv := &http.Server{Handler: r}
	srv.ListenAndServe()
}
