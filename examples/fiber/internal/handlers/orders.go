package handlers

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/middleware"
	"example.com/fibersvc/internal/respond"
	"example.com/fibersvc/internal/store"
)

// creditLimitCents is the maximum open balance of a customer.
const creditLimitCents = 500_000

// ThrottledError is returned by the payment gateway client when the gateway
// itself rate limits us; Headers are the gateway's rate-limit headers.
type ThrottledError struct {
	Headers map[string]string
}

func (e *ThrottledError) Error() string { return "payment gateway throttled" }

// orderLockedStatus is the status sent when an order can no longer change.
var orderLockedStatus = map[store.OrderStatus]int{
	store.OrderShipped:   fiber.StatusConflict,
	store.OrderCancelled: fiber.StatusGone,
}

type createOrderRequest struct {
	TotalCents int64  `json:"total_cents"`
	Address    string `json:"address"`
}

type refundRequest struct {
	AmountCents int64  `json:"amount_cents"`
	Reason      string `json:"reason"`
}

// itemResult is one line of a bulk operation report.
type itemResult struct {
	ID      string `json:"id"`
	Code    string `json:"code"`
	Message string `json:"message,omitempty"`
}

func (a *API) GetOrder(c fiber.Ctx) error {
	o, err := a.Store.Order(c.Context(), c.Params("id"))
	if errors.Is(err, store.ErrNotFound) {
		return respond.Error(c, fiber.StatusNotFound, apierr.CodeNotFound, "order not found")
	}
	if err != nil {
		return respond.HTTPError(c, apierr.Database(err))
	}
	if claims := middleware.ClaimsFrom(c); !claims.HasRole("support") && claims.Subject != o.UserID {
		return apierr.Forbidden("order belongs to another customer")
	}
	return c.JSON(o)
}

func (a *API) CreateOrder(c fiber.Ctx) error {
	claims := middleware.ClaimsFrom(c)
	var req createOrderRequest
	if err := c.Bind().Body(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "malformed JSON body")
	}
	if req.TotalCents <= 0 {
		return apierr.Validation(map[string]string{"total_cents": "must be positive"})
	}

	open, err := a.Store.OrdersFor(c.Context(), claims.Subject)
	if err != nil {
		return apierr.Database(err)
	}
	var balance int64
	for _, o := range open {
		if o.Status == store.OrderPending {
			balance += o.TotalCents
		}
	}
	if balance+req.TotalCents > creditLimitCents {
		body := apierr.Error{Message: "order total exceeds the credit limit", RequestID: respond.RequestID(c)}
		body.Code = "CREDIT_LIMIT_EXCEEDED"
		body.Details = fiber.Map{"limit_cents": creditLimitCents, "balance_cents": balance}
		return c.Status(fiber.StatusUnprocessableEntity).JSON(body)
	}

	o := store.Order{ID: newID(), UserID: claims.Subject, TotalCents: req.TotalCents, Status: store.OrderPending, Address: req.Address, CreatedAt: time.Now().UTC()}
	if err := a.Payments.Charge(o.ID, o.TotalCents); err != nil {
		var te *ThrottledError
		switch {
		case errors.Is(err, ErrInsufficientFunds):
			return c.Status(fiber.StatusPaymentRequired).JSON(apierr.Error{Code: apierr.CodePaymentRequired, Message: "payment declined", RequestID: respond.RequestID(c)})
		case errors.As(err, &te):
			respond.WithHeaders(c, te.Headers)
			return respond.Error(c, fiber.StatusTooManyRequests, apierr.CodeRateLimited, "payment provider is busy, retry later")
		case errors.Is(err, ErrGatewayUnavailable):
			c.Response().Header.Set(fiber.HeaderRetryAfter, "30")
			return c.Status(fiber.StatusServiceUnavailable).JSON(apierr.Error{Code: apierr.CodeUnavailable, Message: "payment provider unavailable"})
		default:
			return respond.ServerError(c, fiber.StatusInternalServerError, err)
		}
	}
	o.Status = store.OrderPaid
	if err := a.Store.SaveOrder(c.Context(), o); err != nil {
		return apierr.Database(err)
	}
	return c.Status(fiber.StatusCreated).JSON(o)
}

func (a *API) CancelOrder(c fiber.Ctx) error {
	o, err := a.Store.Order(c.Context(), c.Params("id"))
	if err != nil {
		return apierr.FromCode(codeFor(err), "order not found")
	}
	if st, locked := orderLockedStatus[o.Status]; locked {
		return respond.Error(c, st, apierr.CodeConflict, "order can no longer be cancelled")
	}
	if o.Fulfilling {
		return apierr.FromCode(apierr.CodeOrderLocked, "order is being fulfilled")
	}
	o.Status = store.OrderCancelled
	if err := a.Store.SaveOrder(c.Context(), o); err != nil {
		if errors.Is(err, store.ErrLocked) {
			return apierr.FromCode(apierr.CodeConflict, "order is being fulfilled")
		}
		return apierr.Database(err)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

// bulkRunning holds the users with a bulk operation in flight.
var bulkRunning sync.Map

// BulkCancel cancels several orders and reports per-order results.
func (a *API) BulkCancel(c fiber.Ctx) error {
	claims := middleware.ClaimsFrom(c)
	if _, busy := bulkRunning.LoadOrStore(claims.Subject, struct{}{}); busy {
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": apierr.CodeRateLimited, "message": "a bulk operation is already running", "request_id": respond.RequestID(c)})
	}
	defer bulkRunning.Delete(claims.Subject)

	var ids []string
	if err := c.Bind().Body(&ids); err != nil {
		return respond.BadRequest(c, "expected a JSON array of order ids")
	}
	results := make([]itemResult, 0, len(ids))
	for _, id := range ids {
		o, err := a.Store.Order(c.Context(), id)
		if err != nil {
			results = append(results, itemResult{ID: id, Code: "SKIPPED", Message: "not found"})
			continue
		}
		o.Status = store.OrderCancelled
		if err := a.Store.SaveOrder(c.Context(), o); err != nil {
			results = append(results, itemResult{ID: id, Code: "SKIPPED", Message: "locked"})
			continue
		}
		results = append(results, itemResult{ID: id, Code: "CANCELLED"})
	}
	return c.Status(fiber.StatusMultiStatus).JSON(results)
}

func (a *API) RefundOrder(c fiber.Ctx) error {
	status := fiber.StatusBadRequest
	var req refundRequest
	if err := c.Bind().Body(&req); err != nil {
		return respond.Error(c, status, apierr.CodeBadRequest, "malformed JSON body")
	}
	if req.AmountCents <= 0 {
		return respond.Error(c, status, apierr.CodeValidation, "amount_cents must be positive")
	}
	o, err := a.Store.Order(c.Context(), c.Params("id"))
	if err != nil {
		return respond.Error(c, statusFor(err), codeFor(err), "order not found")
	}
	if req.AmountCents > o.TotalCents {
		return respond.Unprocessable(c, apierr.CodeUnprocessable, "refund exceeds order total", fiber.Map{"total_cents": o.TotalCents})
	}
	if err := a.Payments.Refund(o.ID, req.AmountCents); err != nil {
		if errors.Is(err, ErrGatewayUnavailable) {
			return respond.ServerError(c, fiber.StatusServiceUnavailable, err)
		}
		return respond.ServerError(c, fiber.StatusInternalServerError, err)
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"order_id": o.ID, "refunded_cents": req.AmountCents})
}

// ShipOrder sets the shipping address and marks the order shipped.
func (a *API) ShipOrder(c fiber.Ctx) error {
	o, err := a.Store.Order(c.Context(), c.Params("id"))
	if err != nil {
		return respond.Error(c, statusFor(err), codeFor(err), "order not found")
	}
	addr := strings.TrimSpace(c.FormValue("address", o.Address))
	problems := map[string]string{}
	if addr == "" {
		problems["address"] = "is required"
	} else if len(addr) > 200 {
		problems["address"] = "is too long"
	}
	if len(problems) > 0 {
		c.Status(fiber.StatusBadRequest)
		return c.JSON(apierr.Error{
			Code:      apierr.CodeValidation,
			Message:   "invalid shipping address",
			Details:   problems,
			RequestID: respond.RequestID(c),
		})
	}
	if o.Status != store.OrderPaid {
		c.Status(fiber.StatusConflict)
		return c.JSON(apierr.Error{Code: apierr.CodeConflict, Message: "only paid orders can be shipped", RequestID: respond.RequestID(c)})
	}
	o.Address, o.Status = addr, store.OrderShipped
	if err := a.Store.SaveOrder(c.Context(), o); err != nil {
		return apierr.Database(err)
	}
	return c.JSON(o)
}

// ExportQuota limits CSV exports: a monthly allowance and a cooldown.
type ExportQuota struct {
	mu       sync.Mutex
	Monthly  int
	Cooldown time.Duration
	used     map[string]int
	last     map[string]time.Time
}

// Take records one export for user and reports how long to wait, if at all,
// and how many exports are left this month.
func (q *ExportQuota) Take(user string) (wait time.Duration, left int) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.used == nil {
		q.used, q.last = map[string]int{}, map[string]time.Time{}
	}
	if since := time.Since(q.last[user]); since < q.Cooldown {
		return q.Cooldown - since, q.Monthly - q.used[user]
	}
	if q.used[user] >= q.Monthly {
		return 0, 0
	}
	q.used[user]++
	q.last[user] = time.Now()
	return 0, q.Monthly - q.used[user]
}

// ExportOrders streams the caller's orders as CSV.
func (a *API) ExportOrders(c fiber.Ctx) error {
	claims := middleware.ClaimsFrom(c)
	wait, left := a.Exports.Take(claims.Subject)
	if wait > 0 {
		return respond.TooManyRequests(c, wait, "exports are limited to one per minute")
	}
	if left <= 0 {
		return respond.Error(c, fiber.StatusTooManyRequests, apierr.CodeRateLimited, "monthly export quota reached")
	}

	orders, err := a.Store.OrdersFor(c.Context(), claims.Subject)
	if err != nil {
		return c.Status(fiber.StatusInternalServerError).SendString("export failed: " + err.Error())
	}
	var sb strings.Builder
	w := csv.NewWriter(&sb)
	_ = w.Write([]string{"id", "status", "total_cents", "created_at"})
	for _, o := range orders {
		_ = w.Write([]string{o.ID, string(o.Status), strconv.FormatInt(o.TotalCents, 10), o.CreatedAt.Format(time.RFC3339)})
	}
	w.Flush()
	c.Set(fiber.HeaderContentType, "text/csv")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="orders.csv"`)
	return c.SendString(sb.String())
}

// legacyOrderStatus is the XML document the old partner integration expects.
type legacyOrderStatus struct {
	XMLName xml.Name `xml:"order"`
	ID      string   `xml:"id"`
	Status  string   `xml:"status"`
	Error   string   `xml:"error,omitempty"`
}

// PartnerOrderStatus is polled by fulfilment partners (XML, v0 contract).
func (a *API) PartnerOrderStatus(c fiber.Ctx) error {
	id := c.Query("order_id")
	if id == "" {
		return c.Status(fiber.StatusBadRequest).XML(legacyOrderStatus{Error: "order_id is required"})
	}
	o, err := a.Store.Order(c.Context(), id)
	if err != nil {
		return respond.HTTPError(c, apierr.NotFound("order"))
	}
	return c.XML(legacyOrderStatus{ID: o.ID, Status: string(o.Status)})
}

// SearchOrders lists the caller's orders, optionally filtered by status.
func (a *API) SearchOrders(c fiber.Ctx) error {
	claims := middleware.ClaimsFrom(c)
	orders, err := a.Store.OrdersFor(c.Context(), claims.Subject)
	if err != nil {
		return apierr.Database(err)
	}
	want := store.OrderStatus(c.Query("status"))
	out := orders[:0]
	for _, o := range orders {
		if want == "" || o.Status == want {
			out = append(out, o)
		}
	}
	if n := limitQuery(c, 50, 200); len(out) > n {
		out = out[:n]
	}
	return c.JSON(fiber.Map{"items": out, "count": len(out)})
}
