// Package collect: the routes that Config.Routes collects into the
// Result (TestCollectRoutes), with undocumented-status disabled: a
// closure, a method value, a handler factory and a handler it cannot see
// into; the code sent with a status; a gin path without its leading slash; a chi router stored in a
// field, which may be served under a prefix the analysis does not see.
package collect

import (
	"encoding/json"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/go-chi/chi/v5"
)

type server struct{ router http.Handler }

func (s *server) getPet(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusNoContent)
}

func created() http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusCreated)
	}
}

func conflict(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusConflict)
	json.NewEncoder(w).Encode(map[string]string{"code": "CONFLICT", "message": "taken"})
}

func engine() *gin.Engine {
	g := gin.New()
	g.GET("g/old", func(c *gin.Context) {
		c.Status(http.StatusAccepted)
	})
	return g
}

func (s *server) mux(h http.Handler) {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /h/pets/{id}", s.getPet)
	mux.Handle("POST /h/pets", created())
	mux.Handle("GET /h/pets", h)
	mux.HandleFunc("PUT /h/pets/{id}", conflict)
	http.ListenAndServe(":8080", mux)
}

func (s *server) field() {
	r := chi.NewRouter()
	r.Get("/pets/{id}", s.getPet)
	s.router = r
}
