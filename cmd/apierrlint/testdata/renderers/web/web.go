package web

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"

	"example.com/rend/apierr"
)

type Handler func(w http.ResponseWriter, r *http.Request) error

func (h Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if err := h(w, r); err != nil {
		render(w, err)
	}
}

func render(w http.ResponseWriter, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		if e.Wait > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(e.Wait))
		}
		w.WriteHeader(e.HTTP)
		json.NewEncoder(w).Encode(map[string]string{"code": e.Kind, "message": e.Text})
		return
	}
	w.WriteHeader(500)
	json.NewEncoder(w).Encode(map[string]string{"code": "INTERNAL_ERROR", "message": "internal"})
}
