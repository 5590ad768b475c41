package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/respond"
)

// PaymentEvent is the payload the card processor posts to us.
type PaymentEvent struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	OrderID string `json:"order_id"`
	Amount  int64  `json:"amount"`
}

// webhookError is the error body documented in the processor's integration
// guide; their retry logic keys off it.
type webhookError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e webhookError) Error() string { return e.Code + ": " + e.Message }

func validMAC(secret, body []byte, signature string) bool {
	sig, err := hex.DecodeString(strings.TrimPrefix(signature, "sha256="))
	if err != nil {
		return false
	}
	mac := hmac.New(sha256.New, secret)
	mac.Write(body)
	return hmac.Equal(sig, mac.Sum(nil))
}

// PaymentWebhook: /webhooks/payments
func (h *Handler) PaymentWebhook(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		respond.MethodNotAllowed(w, r, http.MethodPost)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		apierr.BadRequest(w, r, "could not read body")
		return
	}
	if !validMAC(h.WebhookSecret, body, r.Header.Get("X-Processor-Signature")) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnauthorized)
		json.NewEncoder(w).Encode(webhookError{Code: "BAD_SIGNATURE", Message: "signature verification failed"})
		return
	}
	var evt PaymentEvent
	if err := json.Unmarshal(body, &evt); err != nil || evt.ID == "" {
		apierr.BadRequest(w, r, "malformed event")
		return
	}
	select {
	case h.events <- evt:
	default:
		h.Logger.WarnContext(r.Context(), "payment event queue full", "event", evt.ID)
		http.Error(w, "event queue full, retry later", http.StatusTooManyRequests)
		return
	}
	w.WriteHeader(http.StatusAccepted)
	io.WriteString(w, "accepted\n")
}

// shipmentUpdate is posted by the courier when a parcel changes state.
type shipmentUpdate struct {
	OrderID  string `json:"order_id"`
	Status   string `json:"status"`
	Tracking string `json:"tracking_number"`
}

// ShippingWebhook: POST /webhooks/shipping
func (h *Handler) ShippingWebhook(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBodyBytes))
	if err != nil {
		apierr.BadRequest(w, r, "could not read body")
		return
	}
	if !validMAC(h.ShipperSecret, body, r.Header.Get("X-Courier-Signature")) {
		apierr.Write(w, r, http.StatusBadRequest, apierr.CodeInvalidSignature, "invalid courier signature")
		return
	}
	var upd shipmentUpdate
	if err := json.Unmarshal(body, &upd); err != nil {
		apierr.BadRequest(w, r, "malformed shipment update")
		return
	}
	if upd.OrderID == "" || upd.Status == "" {
		respond.Invalid(w, r, map[string]string{"order_id": "is required", "status": "is required"})
		return
	}
	if _, err := h.Store.GetOrder(r.Context(), upd.OrderID); err != nil {
		respond.Err(w, r, err)
		return
	}
	h.Logger.InfoContext(r.Context(), "shipment update", "order", upd.OrderID, "status", upd.Status, "tracking", upd.Tracking)
	respond.NoContent(w)
}
