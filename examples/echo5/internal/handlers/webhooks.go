package handlers

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"time"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/ratelimit"
	"example.com/echo5svc/internal/respond"
)

const maxPending = 512

// WebhookReceiver accepts partner webhooks. It is a plain http.Handler
// because the partners' SDK tests run it without echo.
type WebhookReceiver struct {
	Secret  []byte
	Relay   *http.Client
	RelayTo string
	pending atomic.Int64
	paused  atomic.Bool
}

// Webhooks returns the webhook receiver.
func (h *Handler) Webhooks() *WebhookReceiver {
	return &WebhookReceiver{
		Secret:  []byte(h.Cfg.WebhookSecret),
		Relay:   &http.Client{Timeout: 3 * time.Second},
		RelayTo: "http://events.internal/ingest",
	}
}

func (wr *WebhookReceiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/webhooks/ping" {
		respond.Text(w, http.StatusOK, "pong")
		return
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, 1<<20))
	if err != nil {
		respond.WriteJSONError(w, http.StatusBadRequest, apierr.CodeBadRequest, "Unreadable body")
		return
	}
	if !wr.validSignature(body, r.Header.Get("X-Signature")) {
		respond.WriteJSONError(w, http.StatusUnauthorized, apierr.CodeInvalidSignature, "Webhook signature validation failed")
		return
	}
	if wr.paused.Load() {
		ratelimit.SetRetryAfter(w.Header(), 30*time.Second)
		respond.WriteJSONError(w, http.StatusTooManyRequests, apierr.CodeRateLimited, "Webhook intake is paused")
		return
	}
	if wr.pending.Load() >= maxPending {
		w.WriteHeader(http.StatusServiceUnavailable)
		return
	}
	wr.pending.Add(1)
	defer wr.pending.Add(-1)

	resp, err := wr.Relay.Post(wr.RelayTo, "application/json", bytes.NewReader(body))
	if err != nil {
		respond.Text(w, http.StatusBadGateway, "relay failed: "+err.Error())
		return
	}
	resp.Body.Close()
	w.WriteHeader(http.StatusAccepted)
}

func (wr *WebhookReceiver) validSignature(body []byte, sig string) bool {
	mac := hmac.New(sha256.New, wr.Secret)
	mac.Write(body)
	want := hex.EncodeToString(mac.Sum(nil))
	return hmac.Equal([]byte(want), []byte(strings.TrimPrefix(sig, "sha256=")))
}
