package handlers

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sync"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
)

// paymentEvent is the payment provider's webhook payload.
type paymentEvent struct {
	ID      string `json:"id"`
	Type    string `json:"type"`
	OrderID string `json:"order_id"`
}

var seenEvents sync.Map

// PaymentWebhook receives refund and chargeback events from the payment
// provider. The provider retries anything that is not 2xx.
func (a *API) PaymentWebhook(secret []byte) fiber.Handler {
	return func(c *fiber.Ctx) error {
		mac := hmac.New(sha256.New, secret)
		mac.Write(c.Body())
		want := hex.EncodeToString(mac.Sum(nil))
		if !hmac.Equal([]byte(want), []byte(c.Get("X-Provider-Signature"))) {
			return apperr.New(apperr.CodeInvalidSignature, "Webhook signature validation failed")
		}
		var ev paymentEvent
		if err := json.Unmarshal(c.Body(), &ev); err != nil {
			return apperr.BadRequest("Malformed event")
		}
		if _, dup := seenEvents.LoadOrStore(ev.ID, struct{}{}); dup {
			return c.SendStatus(fiber.StatusNoContent)
		}
		switch ev.Type {
		case "refund.succeeded", "refund.failed":
			if _, err := a.Store.Order(c.UserContext(), ev.OrderID); err != nil {
				seenEvents.Delete(ev.ID)
				return orderErr(err, ev.OrderID)
			}
		case "chargeback.opened":
			// Chargebacks are handled by finance from the provider's console.
		default:
			return apperr.New(apperr.CodeUnprocessable, "Unsupported event type "+ev.Type,
				apperr.WithDetail("type", ev.Type))
		}
		return c.SendStatus(fiber.StatusAccepted)
	}
}
