package handlers

import (
	"bytes"
	"encoding/json"
	"net/http"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/middleware"
)

type refundRequest struct {
	AmountCts int64  `json:"amount_cents"`
	Reason    string `json:"reason"`
}

// Refund asks the payment provider to refund part of an order.
func (a *API) Refund(c *fiber.Ctx) error {
	staff, _ := middleware.Customer(c)
	if _, ok := a.Refunds.Hit(staff.ID); !ok {
		return apperr.New(apperr.CodeRateLimited, "Daily refund limit reached")
	}
	var req refundRequest
	if err := c.BodyParser(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "Malformed refund request")
	}
	if req.AmountCts <= 0 {
		return apperr.Validation(map[string]apperr.FieldError{
			"amount_cents": {Code: "invalid_value", Message: "Amount must be positive"},
		})
	}
	o, err := a.Store.Order(c.UserContext(), c.Params("id"))
	if err != nil {
		return orderErr(err, c.Params("id"))
	}

	body, _ := json.Marshal(map[string]any{"order": o.ID, "amount": req.AmountCts, "reason": req.Reason})
	preq, err := http.NewRequestWithContext(c.UserContext(), http.MethodPost, a.Cfg.PaymentsURL+"/v2/refunds", bytes.NewReader(body))
	if err != nil {
		return apperr.Internal(err)
	}
	preq.Header.Set("Content-Type", "application/json")
	resp, err := a.Payments.Do(preq)
	if err != nil {
		return apperr.Unavailable("Payment provider unreachable", 30*time.Second)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		return apperr.New(apperr.CodeRateLimited, "Payment provider is busy",
			apperr.WithStatus(resp.StatusCode))
	case resp.StatusCode == http.StatusUnauthorized:
		return apperr.New(apperr.CodeInternal, "Payment provider rejected our credentials")
	case resp.StatusCode >= 400:
		status := fiber.StatusBadRequest
		if resp.StatusCode >= 500 {
			status = fiber.StatusServiceUnavailable
		}
		return apperr.New(codeForStatus(status), "Payment provider refused the refund", apperr.WithStatus(status))
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{
		"code":    "REFUND_PENDING",
		"message": "The refund was submitted to the payment provider",
	})
}

func codeForStatus(status int) string {
	if status >= 500 {
		return apperr.CodeUnavailable
	}
	return apperr.CodeBadRequest
}
