package handlers

import (
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/payments"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

// reservationErrors maps failures of store.ReservePet to responses.
var reservationErrors = []struct {
	err    error
	status int
	code   apierr.Code
	msg    string
}{
	{store.ErrNotFound, http.StatusNotFound, apierr.CodeNotFound, "pet not found"},
	{store.ErrOutOfStock, http.StatusConflict, apierr.CodeConflict, "pet is no longer available"},
}

// PlaceOrder: POST /orders
func (h *Handler) PlaceOrder(w http.ResponseWriter, r *http.Request) {
	user := middleware.MustUser(r.Context())
	if ok, _ := h.checkoutLimiter.Allow(user.ID); !ok {
		apierr.WriteCode(w, r, apierr.CodeRateLimitExceeded, "too many checkout attempts, please wait a moment")
		return
	}
	var req struct {
		PetID string `json:"pet_id"`
	}
	if err := decodeJSON(w, r, &req); err != nil || req.PetID == "" {
		apierr.BadRequest(w, r, "body must be a JSON object with a pet_id")
		return
	}

	order, err := h.Store.ReservePet(r.Context(), user.ID, req.PetID)
	if err != nil {
		for _, m := range reservationErrors {
			if errors.Is(err, m.err) {
				apierr.Write(w, r, m.status, m.code, m.msg)
				return
			}
		}
		respond.DBError(w, r, err)
		return
	}

	if err := h.Payments.Charge(r.Context(), user.ID, order.ID, order.TotalCents); err != nil {
		if _, relErr := h.Store.ReleaseOrder(r.Context(), order.ID); relErr != nil {
			h.Logger.ErrorContext(r.Context(), "release order after failed charge", "order", order.ID, "err", relErr)
		}
		if errors.Is(err, payments.ErrDeclined) {
			apierr.Write(w, r, http.StatusPaymentRequired, apierr.CodePaymentRequired, "your card was declined")
			return
		}
		h.Logger.ErrorContext(r.Context(), "charge failed", "order", order.ID, "err", err)
		apierr.Unavailable(w, r, 30*time.Second, "payment provider unavailable, your card was not charged")
		return
	}
	respond.Created(w, "/orders/"+order.ID, order)
}

// loadOwnOrder fetches an order that belongs to the caller (admins may see
// every order). It reports false after writing a response.
func (h *Handler) loadOwnOrder(w http.ResponseWriter, r *http.Request) (store.Order, bool) {
	user := middleware.MustUser(r.Context())
	order, err := h.Store.GetOrder(r.Context(), r.PathValue("id"))
	if err == nil && order.UserID != user.ID && user.Role != "admin" {
		err = store.ErrNotFound
	}
	if errors.Is(err, store.ErrNotFound) {
		respond.NotFound(w, r, "order")
		return store.Order{}, false
	}
	if err != nil {
		respond.Err(w, r, err)
		return store.Order{}, false
	}
	return order, true
}

// GetOrder: GET /orders/{id}
func (h *Handler) GetOrder(w http.ResponseWriter, r *http.Request) {
	user := middleware.MustUser(r.Context())
	order, err := h.Store.GetOrder(r.Context(), r.PathValue("id"))
	if errors.Is(err, store.ErrNotFound) || (err == nil && order.UserID != user.ID && user.Role != "admin") {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		json.NewEncoder(w).Encode(map[string]any{"code": "ORDER_NOT_FOUND", "message": "order not found", "request_id": apierr.RequestID(r)})
		return
	}
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	respond.OK(w, order)
}

// CancelOrder: POST /orders/{id}/cancel
func (h *Handler) CancelOrder(w http.ResponseWriter, r *http.Request) {
	order, ok := h.loadOwnOrder(w, r)
	if !ok {
		return
	}
	cancelled, err := h.Store.ReleaseOrder(r.Context(), order.ID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		apierr.WriteError(w, r, &apierr.Error{Status: http.StatusBadRequest, Code: apierr.CodeNotFound, Message: "order no longer exists"})
		return
	case errors.Is(err, store.ErrConflict):
		apierr.WriteError(w, r, &apierr.Error{Status: http.StatusConflict, Code: apierr.CodeConflict, Message: "only placed orders can be cancelled"})
		return
	case err != nil:
		respond.DBError(w, r, err)
		return
	}
	if err := h.Payments.Refund(r.Context(), order.ID); err != nil {
		h.Logger.ErrorContext(r.Context(), "refund failed", "order", order.ID, "err", err)
	}
	respond.OK(w, cancelled)
}

// OrderReceipt: GET /orders/{id}/receipt, a plain-text receipt for printing.
func (h *Handler) OrderReceipt(w http.ResponseWriter, r *http.Request) {
	order, ok := h.loadOwnOrder(w, r)
	if !ok {
		return
	}
	pet, err := h.Store.GetPet(r.Context(), order.PetID)
	switch {
	case err != nil && !errors.Is(err, store.ErrNotFound):
		respond.DBError(w, r, err)
	default:
		name := "(no longer listed)"
		if err == nil {
			name = pet.Name + " the " + pet.Species
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintf(w, "Pet Store receipt\n\nOrder:  %s\nDate:   %s\nItem:   %s\nTotal:  $%d.%02d\nStatus: %s\n",
			order.ID, order.CreatedAt.Format(time.DateOnly), name,
			order.TotalCents/100, order.TotalCents%100, order.Status)
	}
}

// ExportOrders: GET /admin/orders.csv
func (h *Handler) ExportOrders(w http.ResponseWriter, r *http.Request) {
	orders, err := h.Store.ListOrders(r.Context())
	if err != nil {
		h.Logger.ErrorContext(r.Context(), "export orders", "err", err)
		w.WriteHeader(http.StatusInternalServerError)
		fmt.Fprintf(w, "export failed: %v\n", err)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="orders.csv"`)
	cw := csv.NewWriter(w)
	cw.Write([]string{"id", "user_id", "pet_id", "total_cents", "status", "created_at"})
	for _, o := range orders {
		cw.Write([]string{o.ID, o.UserID, o.PetID, strconv.FormatInt(o.TotalCents, 10), o.Status, o.CreatedAt.Format(time.RFC3339)})
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		h.Logger.ErrorContext(r.Context(), "export orders: write", "err", err)
	}
}
