package handlers

import (
	"errors"
	"net/http"
	"strconv"
	"strings"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

var knownSpecies = map[string]bool{"dog": true, "cat": true, "bird": true, "fish": true, "rabbit": true}

// ListPets: GET /pets?species=cat&limit=20&q=tabby
func (h *Handler) ListPets(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit := 50
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > 200 {
			apierr.BadRequest(w, r, "limit must be an integer between 1 and 200")
			return
		}
		limit = n
	}
	search := strings.TrimSpace(q.Get("q"))
	if search != "" {
		if ok, wait := h.searchLimiter.Allow(middleware.ClientIP(r)); !ok {
			respond.Throttled(w, r, wait)
			return
		}
	}
	pets, err := h.Store.ListPets(r.Context(), q.Get("species"), limit)
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	if search != "" {
		matched := pets[:0]
		for _, p := range pets {
			if strings.Contains(strings.ToLower(p.Name), strings.ToLower(search)) {
				matched = append(matched, p)
			}
		}
		pets = matched
	}
	respond.OK(w, map[string]any{"pets": pets, "count": len(pets)})
}

// GetPet: GET /pets/{id}
func (h *Handler) GetPet(w http.ResponseWriter, r *http.Request) {
	pet, err := h.Store.GetPet(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) {
		http.NotFound(w, r)
		return
	}
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	respond.OK(w, pet)
}

type petRequest struct {
	Name       string   `json:"name"`
	Species    string   `json:"species"`
	PriceCents int64    `json:"price_cents"`
	Tags       []string `json:"tags"`
}

func (p petRequest) validate() map[string]string {
	problems := make(map[string]string)
	if strings.TrimSpace(p.Name) == "" {
		problems["name"] = "is required"
	} else if len(p.Name) > 80 {
		problems["name"] = "must be at most 80 characters"
	}
	if !knownSpecies[strings.ToLower(p.Species)] {
		problems["species"] = "must be one of dog, cat, bird, fish, rabbit"
	}
	if p.PriceCents <= 0 {
		problems["price_cents"] = "must be positive"
	}
	if len(p.Tags) > 10 {
		problems["tags"] = "at most 10 tags are allowed"
	}
	return problems
}

// CreatePet: POST /pets (staff only)
func (h *Handler) CreatePet(w http.ResponseWriter, r *http.Request) {
	var req petRequest
	if err := decodeJSON(w, r, &req); err != nil {
		http.Error(w, "invalid request body: "+err.Error(), http.StatusBadRequest)
		return
	}
	if problems := req.validate(); len(problems) > 0 {
		apierr.WriteError(w, r, apierr.New(http.StatusBadRequest, apierr.CodeValidation, "invalid pet").WithDetails(problems))
		return
	}
	pet, err := h.Store.CreatePet(r.Context(), store.Pet{
		Name:       strings.TrimSpace(req.Name),
		Species:    strings.ToLower(req.Species),
		PriceCents: req.PriceCents,
		Tags:       req.Tags,
	})
	if errors.Is(err, store.ErrConflict) {
		apierr.Conflict(w, r, "a pet with this name and species already exists")
		return
	}
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	respond.Created(w, "/pets/"+pet.ID, pet)
}

// UpdatePet: PATCH /pets/{id} (staff only)
func (h *Handler) UpdatePet(w http.ResponseWriter, r *http.Request) {
	var req struct {
		PriceCents *int64   `json:"price_cents"`
		Tags       []string `json:"tags"`
	}
	if err := decodeJSON(w, r, &req); err != nil {
		apierr.BadRequest(w, r, "invalid request body: "+err.Error())
		return
	}
	if req.PriceCents != nil && *req.PriceCents <= 0 {
		respond.Invalid(w, r, map[string]string{"price_cents": "must be positive"})
		return
	}
	pet, err := h.Store.UpdatePet(r.Context(), r.PathValue("id"), func(p *store.Pet) {
		if req.PriceCents != nil {
			p.PriceCents = *req.PriceCents
		}
		if req.Tags != nil {
			p.Tags = req.Tags
		}
	})
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

// DeletePet: DELETE /pets/{id} (staff only)
func (h *Handler) DeletePet(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	pet, err := h.Store.GetPet(r.Context(), id)
	if err == nil && pet.Status == "pending" {
		apierr.Conflict(w, r, "pet has an open order and cannot be removed")
		return
	}
	if err == nil {
		err = h.Store.DeletePet(r.Context(), id)
	}
	if err != nil {
		h.Logger.ErrorContext(r.Context(), "delete pet", "id", id, "err", err)
		apierr.Write(w, r, http.StatusInternalServerError, apierr.CodeNotFound, "could not delete pet "+id)
		return
	}
	respond.NoContent(w)
}
