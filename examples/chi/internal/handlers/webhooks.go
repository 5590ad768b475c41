package handlers

import (
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"

	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/respond"
)

type supplierEvent struct {
	Type  string `json:"type"`
	SKU   string `json:"sku"`
	Stock int    `json:"stock"`
}

// DeliveryResponse acknowledges a webhook delivery. LastStatus echoes the
// status our previous attempt returned, for the supplier's dashboard.
type DeliveryResponse struct {
	Accepted   bool `json:"accepted"`
	LastStatus int  `json:"last_status"`
}

func (d *DeliveryResponse) Render(w http.ResponseWriter, r *http.Request) error {
	w.Header().Set("Cache-Control", "no-store")
	return nil
}

// SupplierWebhook receives stock updates from suppliers (plain net/http:
// suppliers ignore Accept headers).
func (h *Handlers) SupplierWebhook(w http.ResponseWriter, r *http.Request) {
	var ev supplierEvent
	if err := json.NewDecoder(r.Body).Decode(&ev); err != nil {
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, "invalid payload: %v", err)
		return
	}
	if ev.Type == "" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		_ = json.NewEncoder(w).Encode(apierr.ErrResponse{Code: apierr.CodeUnprocessable, Message: "event type is required"})
		return
	}

	switch ev.Type {
	case "stock.updated":
		p, err := h.Store.Get(r.Context(), ev.SKU)
		if err != nil {
			respond.WriteError(w, r, http.StatusNotFound, apierr.CodeNotFound, "unknown sku "+ev.SKU)
			return
		}
		slog.Info("stock update", "sku", p.SKU, "from", p.Stock, "to", ev.Stock)
		w.WriteHeader(http.StatusNoContent)
	case "ping":
		_ = render.Render(w, r, &DeliveryResponse{Accepted: true, LastStatus: http.StatusInternalServerError})
	default:
		respond.WriteJSON(w, http.StatusAccepted, map[string]string{"status": "ignored", "type": ev.Type})
	}
}
