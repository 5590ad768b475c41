package handlers

import (
	"errors"
	"net/http"

	"example.com/petstore/internal/api"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

// LegacyV1 serves the read-only v1 API that the mobile app still uses.
// Routing and parameter parsing are generated from openapi/v1.yaml.
type LegacyV1 struct {
	h *Handler
}

var _ api.ServerInterface = LegacyV1{}

func (h *Handler) LegacyV1() LegacyV1 { return LegacyV1{h: h} }

func (l LegacyV1) FindPets(w http.ResponseWriter, r *http.Request, params api.FindPetsParams) {
	limit, species := 100, ""
	if params.Limit != nil {
		limit = int(*params.Limit)
	}
	if params.Species != nil {
		species = *params.Species
	}
	pets, err := l.h.Store.ListPets(r.Context(), species, max(limit, 1))
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	respond.OK(w, pets)
}

func (l LegacyV1) FindPetByID(w http.ResponseWriter, r *http.Request, petID string) {
	pet, err := l.h.Store.GetPet(r.Context(), petID)
	if errors.Is(err, store.ErrNotFound) {
		respond.NotFound(w, r, "pet")
		return
	}
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	respond.OK(w, pet)
}
