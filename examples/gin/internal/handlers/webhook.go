package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"runtime"
	"sync"
	"time"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/store"
)

// writeJSONError is the net/http counterpart of respond.Error for handlers
// that are mounted with gin.WrapH.
func writeJSONError(w http.ResponseWriter, status int, code apierr.Code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(apierr.Error{Code: code, Message: msg})
}

type paymentEvent struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	OrderID string `json:"order_id"`
}

// PaymentsWebhook receives events from the payment provider.
type PaymentsWebhook struct {
	Secret   []byte
	Store    *store.Memory
	mu       sync.Mutex
	seen     map[string]time.Time
	inflight chan struct{}
}

func NewPaymentsWebhook(secret []byte, st *store.Memory) *PaymentsWebhook {
	return &PaymentsWebhook{Secret: secret, Store: st, seen: map[string]time.Time{}, inflight: make(chan struct{}, 8)}
}

func (p *PaymentsWebhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	select {
	case p.inflight <- struct{}{}:
		defer func() { <-p.inflight }()
	default:
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusTooManyRequests)
		w.Header().Set("Retry-After", "5")
		_ = json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeRateLimited, Message: "too many concurrent deliveries"})
		return
	}

	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, 64<<10))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			http.Error(w, "payload too large", http.StatusRequestEntityTooLarge)
			return
		}
		writeJSONError(w, http.StatusBadRequest, apierr.CodeBadRequest, "could not read body")
		return
	}

	mac := hmac.New(sha256.New, p.Secret)
	mac.Write(body)
	if !hmac.Equal([]byte(hex.EncodeToString(mac.Sum(nil))), []byte(r.Header.Get("X-Signature"))) {
		writeJSONError(w, http.StatusUnauthorized, apierr.CodeInvalidSignature, "signature mismatch")
		return
	}

	var ev paymentEvent
	if err := json.Unmarshal(body, &ev); err != nil {
		writeJSONError(w, http.StatusBadRequest, apierr.CodeBadRequest, "payload is not valid JSON")
		return
	}

	p.mu.Lock()
	_, dup := p.seen[ev.ID]
	p.seen[ev.ID] = time.Now()
	p.mu.Unlock()
	if dup {
		writeJSONError(w, http.StatusBadRequest, apierr.CodeConflict, "event already processed")
		return
	}

	switch ev.Type {
	case "payment.succeeded":
		err = p.Store.SetOrderStatus(r.Context(), ev.OrderID, store.OrderPaid)
	case "payment.refunded":
		err = p.Store.SetOrderStatus(r.Context(), ev.OrderID, store.OrderCancelled)
	default:
		w.WriteHeader(http.StatusUnprocessableEntity)
		fmt.Fprintf(w, "unsupported event type %q\n", ev.Type)
		return
	}
	if errors.Is(err, store.ErrNotFound) {
		writeJSONError(w, http.StatusNotFound, apierr.CodeNotFound, "order not found")
		return
	}
	if err != nil {
		slog.Error("webhook", "err", err, "event", ev.ID)
		writeJSONError(w, http.StatusInternalServerError, apierr.CodeDatabase, "could not apply event")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// DebugVars prints runtime counters for the ops dashboard.
func DebugVars(w http.ResponseWriter, r *http.Request) {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintf(w, "goroutines %d\nheap_alloc %d\nnum_gc %d\n", runtime.NumGoroutine(), ms.HeapAlloc, ms.NumGC)
}
