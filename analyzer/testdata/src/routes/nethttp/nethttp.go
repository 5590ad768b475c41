// Package nethttp: ServeMux patterns with and without a method, handlers // want package:"holds error helpers or types"
// as functions, method values, closures and closures from factories.
package nethttp

import (
	"encoding/json"
	"net/http"
)

const petsPath = "/h/pets"

var prefix = "/h" // assigned once: a known prefix

type body struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) { // want writeError:`helper\(status=1 code=2 writes\)`
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(body{Code: code, Message: msg})
}

func getPet(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("x") != "" {
		writeError(w, http.StatusConflict, "CONFLICT", "taken") // want `undocumented-status: GET /h/pets/\{petId\} can answer 409 here; the OpenAPI document lists 200, 404`
		return
	}
	if r.URL.Query().Get("y") != "" {
		writeError(w, http.StatusNotFound, "NOT_FOUND", "no pet") // documented
		return
	}
	w.WriteHeader(http.StatusOK)
}

type server struct{ code int } // want server:`errortype\(status=code\)`

// createPet answers 200 where only 201 is documented: every class counts.
func (s *server) createPet(w http.ResponseWriter, r *http.Request) {
	if r.URL.Query().Get("x") != "" {
		w.WriteHeader(s.code) // a run-time status: silent
		return
	}
	w.WriteHeader(http.StatusOK) // want `undocumented-status: POST /h/pets can answer 200 here; the OpenAPI document lists 201, 400`
}

// listPets: 404 is in the documented range 4XX.
func listPets(w http.ResponseWriter, r *http.Request) {
	writeError(w, http.StatusNotFound, "NOT_FOUND", "none")
}

// withDB is a handler factory; http.Redirect's constant status counts
// (net/http's own code gives Redirect a helper fact).
func withDB(db string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if db == "" {
			http.Redirect(w, r, "/elsewhere", http.StatusMovedPermanently) // want `undocumented-status: PUT /h/pets/\{id\} can answer 301 here; the OpenAPI document lists 200`
		}
	}
}

// implicit writes nothing: an implicit 200, not counted.
func implicit(w http.ResponseWriter, r *http.Request) {}

func setup() {
	mux := http.NewServeMux()
	s := &server{}
	mux.HandleFunc("GET "+prefix+"/pets/{id}", getPet)
	mux.HandleFunc("POST "+petsPath, s.createPet)
	mux.HandleFunc("GET /h/pets/{$}", listPets)
	mux.Handle("PUT /h/pets/{id}", withDB("x"))
	mux.HandleFunc("DELETE /h/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		writeError(w, http.StatusConflict, "CONFLICT", "in use") // a default response documents every status
	})
	mux.HandleFunc("/h/api/v1/owners", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: GET, POST /h/api/v1/owners can answer 202 here; the OpenAPI document lists 200, 201`
	})
	mux.HandleFunc("GET /h/undocumented", func(w http.ResponseWriter, r *http.Request) { // want `undocumented-status: GET /h/undocumented is not in the OpenAPI document; document its operation, or remove the route`
		w.WriteHeader(http.StatusCreated) // its statuses are not reported one by one
	})
	mux.HandleFunc("/h/anything", implicit) // no method: not reported
	// Behind http.StripPrefix, a mux's paths are not the request's: its
	// routes are left alone, described or not.
	sub := http.NewServeMux()
	sub.HandleFunc("GET /undocumented", implicit)
	sub.HandleFunc("GET /h/pets/{id}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // the request's path is /api/h/pets/{id}, not the operation GET /h/pets/{petId}
	})
	mux.Handle("/api/", http.StripPrefix("/api", sub))
	mux.HandleFunc("GET /h/old", implicit)
	http.Handle("POST /h/api/v1/owners", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNonAuthoritativeInfo) // want `undocumented-status: POST /h/api/v1/owners can answer 203 here; the OpenAPI document lists 201`
	}))
	http.HandleFunc("GET /h/files/{path...}", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusPartialContent) // want `undocumented-status: GET /h/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
	})
	http.ListenAndServe(":8080", mux)
}

// auth is a middleware: its 401 belongs to every route it wraps.
func auth(next http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") == "" {
			writeError(w, http.StatusUnauthorized, "UNAUTHORIZED", "who are you")
			return
		}
		next(w, r)
	}
}

// router is a package-level router: its routes are complete.
var router = http.NewServeMux()

func init() {
	router.HandleFunc("GET /h/pets/{id}", auth(getPet))
	router.HandleFunc("GET /h/old", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusAccepted) // want `undocumented-status: GET /h/old can answer 202 here; the OpenAPI document lists 200`
	})
}
