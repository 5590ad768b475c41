package handlers

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/middleware"
	"example.com/ginsvc/internal/respond"
	"example.com/ginsvc/internal/store"
)

// invalidOrderStatus is what the v1 mobile clients expect for a malformed
// order payload.
const invalidOrderStatus = http.StatusBadRequest

type createOrderRequest struct {
	Items []store.Item `json:"items"`
}

func (r createOrderRequest) validate() map[string]string {
	fields := map[string]string{}
	if len(r.Items) == 0 {
		fields["items"] = "at least one item is required"
	}
	for i, it := range r.Items {
		if it.SKU == "" {
			fields[fmt.Sprintf("items[%d].sku", i)] = "is required"
		}
		if it.Quantity <= 0 || it.Quantity > 100 {
			fields[fmt.Sprintf("items[%d].quantity", i)] = "must be between 1 and 100"
		}
	}
	return fields
}

// CreateOrder places an order for the authenticated user.
func (h *Handler) CreateOrder(c *gin.Context) {
	cl := middleware.ClaimsFrom(c)
	ctx := c.Request.Context()

	if n := h.Store.CountOrdersSince(ctx, cl.UserID, time.Now().Add(-time.Minute)); n >= h.Cfg.OrdersPerMinute {
		if h.Cfg.AdvertiseRetry {
			c.Header("Retry-After", "60")
		}
		respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "too many orders, slow down")
		return
	}
	monthStart := time.Now().UTC().AddDate(0, 0, -time.Now().UTC().Day()+1).Truncate(24 * time.Hour)
	if h.Store.CountOrdersSince(ctx, cl.UserID, monthStart) >= h.Cfg.MonthlyQuota {
		respond.Error(c, http.StatusForbidden, apierr.CodeQuotaExceeded, "monthly order quota reached")
		return
	}

	var req createOrderRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		respond.BadRequest(c, "request body must be valid JSON")
		return
	}
	if fields := req.validate(); len(fields) > 0 {
		respond.ErrorDetails(c, invalidOrderStatus, apierr.CodeValidation, "invalid order", fields)
		return
	}
	o := &store.Order{UserID: cl.UserID, Items: req.Items}
	for _, it := range req.Items {
		o.TotalCents += int64(it.Quantity) * it.Cents
	}
	if err := h.Store.CreateOrder(ctx, o); err != nil {
		respond.Err(c, err)
		return
	}
	respond.Created(c, "/v1/orders/"+o.ID, o)
}

// loadOwnOrder fetches an order and hides orders of other users.
func (h *Handler) loadOwnOrder(c *gin.Context) (*store.Order, bool) {
	cl := middleware.ClaimsFrom(c)
	o, err := h.Store.Order(c.Request.Context(), c.Param("id"))
	if errors.Is(err, store.ErrNotFound) || (err == nil && o.UserID != cl.UserID && cl.Role != "admin") {
		c.AbortWithStatusJSON(http.StatusNotFound, apierr.Error{Code: apierr.CodeNotFound, Message: "order not found"})
		return nil, false
	}
	if err != nil {
		respond.Internal(c, err)
		return nil, false
	}
	return o, true
}

// GetOrder returns one order.
func (h *Handler) GetOrder(c *gin.Context) {
	o, ok := h.loadOwnOrder(c)
	if !ok {
		return
	}
	c.JSON(http.StatusOK, o)
}

// CancelOrder cancels a pending or paid order.
func (h *Handler) CancelOrder(c *gin.Context) {
	o, ok := h.loadOwnOrder(c)
	if !ok {
		return
	}
	if o.Status == store.OrderShipped || o.Status == store.OrderCancelled {
		e := apierr.New(http.StatusConflict, apierr.CodeConflict, "order can no longer be cancelled")
		if o.Status == store.OrderCancelled {
			e.Code = "ALREADY_CANCELLED"
		}
		respond.Err(c, e.WithDetails(gin.H{"status": o.Status}))
		return
	}
	if err := h.Store.SetOrderStatus(c.Request.Context(), o.ID, store.OrderCancelled); err != nil {
		respond.Err(c, err)
		return
	}
	c.Status(http.StatusNoContent)
}

// ListOrders returns the caller's orders.
func (h *Handler) ListOrders(c *gin.Context) {
	cl := middleware.ClaimsFrom(c)
	orders, err := h.Store.OrdersByUser(c.Request.Context(), cl.UserID)
	if err != nil {
		respond.Error(c, http.StatusInternalServerError, apierr.CodeDatabase, "could not list orders")
		return
	}
	c.JSON(http.StatusOK, gin.H{"orders": orders, "count": len(orders)})
}

// ExportOrders streams the caller's orders as CSV.
func (h *Handler) ExportOrders(c *gin.Context) {
	cl := middleware.ClaimsFrom(c)
	orders, err := h.Store.OrdersByUser(c.Request.Context(), cl.UserID)
	if err != nil {
		body, _ := json.Marshal(apierr.Error{Code: apierr.CodeUnavailable, Message: "export temporarily unavailable"})
		c.Data(http.StatusServiceUnavailable, "application/json; charset=utf-8", body)
		return
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	_ = w.Write([]string{"id", "status", "total_cents", "created_at"})
	for _, o := range orders {
		_ = w.Write([]string{o.ID, string(o.Status), strconv.FormatInt(o.TotalCents, 10), o.CreatedAt.Format(time.RFC3339)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		c.Data(http.StatusInternalServerError, "text/csv; charset=utf-8", []byte("error generating export\n"))
		return
	}
	c.Header("Content-Disposition", `attachment; filename="orders.csv"`)
	c.Data(http.StatusOK, "text/csv; charset=utf-8", buf.Bytes())
}

type receipt struct {
	XMLName xml.Name `xml:"receipt"`
	OrderID string   `xml:"order_id,attr"`
	Total   int64    `xml:"total_cents"`
	Error   string   `xml:"error,omitempty"`
}

// Receipt serves the XML receipt consumed by the accounting system.
func (h *Handler) Receipt(c *gin.Context) {
	o, err := h.Store.Order(c.Request.Context(), c.Param("id"))
	if err != nil {
		c.XML(http.StatusNotFound, receipt{OrderID: c.Param("id"), Error: "order not found"})
		return
	}
	if o.Status != store.OrderPaid && o.Status != store.OrderShipped {
		respond.Error(c, http.StatusConflict, apierr.CodeConflict, "receipt is available once the order is paid")
		return
	}
	c.XML(http.StatusOK, receipt{OrderID: o.ID, Total: o.TotalCents})
}
