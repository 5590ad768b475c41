// Package handlers serves the order API. Its errors go through the writer
// that apierrlint gen wrote (apierr.Write, apierr.WriteError), which sends
// each code with its documented status.
package handlers

import (
	"encoding/json"
	"errors"
	"net/http"
	"strings"

	"example.com/newsvc/internal/apierr"
	"example.com/newsvc/internal/orders"
)

// Orders serves /orders.
type Orders struct {
	Store *orders.Store
}

// sendError sends err: an *apierr.Error as it is, anything else as
// INTERNAL_ERROR.
func sendError(w http.ResponseWriter, r *http.Request, err error) {
	var e *apierr.Error
	if errors.As(err, &e) {
		apierr.WriteError(w, r, e)
		return
	}
	apierr.Write(w, r, apierr.CodeInternalError, "internal error")
}

// Get serves GET /orders/{id}.
func (h *Orders) Get(w http.ResponseWriter, r *http.Request) {
	o, err := h.Store.Get(r.PathValue("id"))
	if err != nil {
		sendError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, o)
}

// Create serves POST /orders.
func (h *Orders) Create(w http.ResponseWriter, r *http.Request) {
	var o orders.Order
	if err := json.NewDecoder(r.Body).Decode(&o); err != nil {
		apierr.Write(w, r, apierr.CodeBadRequest, "the body is not an order: "+err.Error())
		return
	}
	fields := map[string]any{}
	if strings.TrimSpace(o.Item) == "" {
		fields["item"] = map[string]any{"code": "required", "message": "Item is required"}
	}
	if o.Quantity < 1 {
		fields["quantity"] = map[string]any{"code": "too_small", "message": "Quantity must be at least 1"}
	}
	if len(fields) > 0 {
		apierr.WriteError(w, r, apierr.New(apierr.CodeValidationError, "the order is not valid").WithDetails(fields))
		return
	}
	writeJSON(w, http.StatusCreated, h.Store.Add(o))
}

// Cancel serves DELETE /orders/{id}.
func (h *Orders) Cancel(w http.ResponseWriter, r *http.Request) {
	if err := h.Store.Cancel(r.PathValue("id")); err != nil {
		sendError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// Ship serves POST /orders/{id}/ship. (Planted: a code typed by hand that
// the catalog does not have, and a raw error beside the writer.)
func (h *Orders) Ship(w http.ResponseWriter, r *http.Request) {
	o, err := h.Store.Get(r.PathValue("id"))
	if err != nil {
		apierr.Write(w, r, apierr.Code("NOT_FOUND"), "no such order")
		return
	}
	if o.Shipped {
		http.Error(w, "already shipped", http.StatusConflict)
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

// Return serves POST /orders/{id}/return. (Planted: the error body written
// by hand, with a status that is not its code's.)
func (h *Orders) Return(w http.ResponseWriter, r *http.Request) {
	o, err := h.Store.Get(r.PathValue("id"))
	if err != nil {
		sendError(w, r, err)
		return
	}
	if !o.Shipped {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeOrderAlreadyShipped, Message: "only a shipped order can be returned"})
		return
	}
	w.WriteHeader(http.StatusAccepted)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(v)
}
