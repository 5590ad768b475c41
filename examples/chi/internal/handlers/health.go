package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/respond"
)

func (h *Handlers) Healthz(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/plain")
	_, _ = w.Write([]byte("ok"))
}

func (h *Handlers) Readyz(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), time.Second)
	defer cancel()
	if err := h.Store.Ping(ctx); err != nil {
		render.Status(r, http.StatusServiceUnavailable)
		render.JSON(w, r, apierr.ErrResponse{Code: apierr.CodeUnavailable, Message: "catalog backend not reachable"})
		return
	}
	render.PlainText(w, r, "ready")
}

func (h *Handlers) Livez(w http.ResponseWriter, r *http.Request) {
	respond.Text(w, r, http.StatusOK, "alive")
}

func (h *Handlers) Version(w http.ResponseWriter, r *http.Request) {
	render.JSON(w, r, render.M{"code": "OK", "message": "catalog " + h.Build})
}

// NotFound and MethodNotAllowed replace chi's plain-text defaults.
func NotFound(w http.ResponseWriter, r *http.Request) {
	respond.Error(w, r, http.StatusNotFound, apierr.CodeNotFound, "no route for "+r.URL.Path)
}

func MethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	respond.Error(w, r, http.StatusMethodNotAllowed, apierr.CodeBadRequest, r.Method+" is not allowed here")
}
