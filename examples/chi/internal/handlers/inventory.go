package handlers

import (
	"encoding/json"
	"errors"
	"net/http"
	"strconv"
	"sync"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/catalog"
	"example.com/chisvc/internal/respond"
)

// PricingClient calls the pricing service for coupon quotes.
type PricingClient struct {
	BaseURL string
	HTTP    *http.Client
}

type quote struct {
	Valid      bool  `json:"valid"`
	Expired    bool  `json:"expired"`
	TotalCents int64 `json:"total_cents"`
}

// Quote asks the pricing service to apply coupon to sku. It returns the
// upstream response when the upstream refused the call.
func (c *PricingClient) Quote(r *http.Request, sku, coupon string) (*quote, *http.Response, error) {
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, c.BaseURL+"/quote?sku="+sku+"&coupon="+coupon, nil)
	if err != nil {
		return nil, nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, nil, err
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, resp, nil
	}
	var q quote
	if err := json.NewDecoder(resp.Body).Decode(&q); err != nil {
		return nil, nil, err
	}
	return &q, nil, nil
}

// HotSKULimiter throttles reservations on SKUs under a flash sale.
type HotSKULimiter struct {
	mu     sync.Mutex
	every  time.Duration
	last   map[string]time.Time
	queued map[string]int
}

func NewHotSKULimiter(every time.Duration) *HotSKULimiter {
	return &HotSKULimiter{every: every, last: map[string]time.Time{}, queued: map[string]int{}}
}

// Allow reports whether a reservation on sku may proceed now; when it may
// not, wait is how long until the next slot, or 0 if unknown.
func (l *HotSKULimiter) Allow(sku string) (wait time.Duration, ok bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.queued[sku] > 100 {
		return 0, false
	}
	if since := time.Since(l.last[sku]); since < l.every {
		l.queued[sku]++
		return l.every - since, false
	}
	l.last[sku] = time.Now()
	l.queued[sku] = 0
	return 0, true
}

type reserveRequest struct {
	Quantity int `json:"quantity"`
}

func (h *Handlers) Reserve(w http.ResponseWriter, r *http.Request) {
	sku := chi.URLParam(r, "sku")
	if wait, ok := h.HotSKUs.Allow(sku); !ok {
		if wait > 0 {
			w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		}
		render.Status(r, http.StatusTooManyRequests)
		render.JSON(w, r, apierr.ErrResponse{Code: apierr.CodeRateLimited, Message: "this product is in high demand, retry shortly"})
		return
	}

	var req reserveRequest
	if err := render.DecodeJSON(r.Body, &req); err != nil || req.Quantity <= 0 {
		respond.Error(w, r, http.StatusBadRequest, apierr.CodeBadRequest, "quantity must be a positive integer")
		return
	}
	left, err := h.Store.Reserve(r.Context(), sku, req.Quantity)
	switch {
	case errors.Is(err, catalog.ErrOutOfStock):
		respond.Error(w, r, http.StatusConflict, apierr.CodeOutOfStock, "only "+strconv.Itoa(left)+" left in stock")
		return
	case errors.Is(err, catalog.ErrNotFound):
		respond.Err(w, r, apierr.ErrNotFound("product"))
		return
	case errors.Is(err, catalog.ErrBackend):
		_ = render.Render(w, r, &apierr.ErrResponse{Err: err, HTTPStatusCode: http.StatusInternalServerError, Code: apierr.CodeUnavailable, Message: "inventory backend unavailable"})
		return
	case err != nil:
		respond.Err(w, r, apierr.ErrDatabase(err))
		return
	}
	render.Status(r, http.StatusCreated)
	render.JSON(w, r, render.M{"sku": sku, "reserved": req.Quantity, "left": left})
}

// ApplyCoupon quotes the cart total with a coupon via the pricing service.
func (h *Handlers) ApplyCoupon(w http.ResponseWriter, r *http.Request) {
	sku, coupon := chi.URLParam(r, "sku"), r.URL.Query().Get("coupon")
	if coupon == "" {
		respond.Err(w, r, apierr.FromCode(apierr.CodeBadRequest, "coupon query parameter is required"))
		return
	}
	q, upstream, err := h.Pricing.Quote(r, sku, coupon)
	if err != nil {
		respond.Error(w, r, http.StatusServiceUnavailable, apierr.CodeUnavailable, "pricing service unavailable")
		return
	}
	if upstream != nil {
		switch upstream.StatusCode {
		case http.StatusTooManyRequests:
			respond.CopyHeaders(w, upstream.Header)
			respond.Error(w, r, http.StatusTooManyRequests, apierr.CodeRateLimited, "pricing service is busy")
		case http.StatusNotFound:
			respond.Err(w, r, apierr.ErrNotFound("coupon"))
		default:
			respond.Err(w, r, apierr.FromCode(apierr.CodeUnavailable, "pricing service error"))
		}
		return
	}
	if !q.Valid {
		e := apierr.New(http.StatusUnprocessableEntity, apierr.CodeUnprocessable, "coupon cannot be applied to this product")
		if q.Expired {
			e.Code = "COUPON_EXPIRED"
		}
		_ = render.Render(w, r, e)
		return
	}
	render.JSON(w, r, render.M{"sku": sku, "coupon": coupon, "total_cents": q.TotalCents})
}

// cart is a short-lived reservation bundle.
type cart struct {
	ID        string
	ExpiresAt time.Time
	Items     map[string]int
}

var (
	cartsMu sync.Mutex
	carts   = map[string]*cart{}
)

// checkoutSlots bounds concurrent checkouts.
var checkoutSlots = make(chan struct{}, 64)

func (h *Handlers) Checkout(w http.ResponseWriter, r *http.Request) {
	cartsMu.Lock()
	c, ok := carts[chi.URLParam(r, "cartID")]
	cartsMu.Unlock()
	if !ok {
		_ = render.Render(w, r, apierr.ErrNotFound("cart"))
		return
	}
	if time.Now().After(c.ExpiresAt) {
		_ = render.Render(w, r, &apierr.ErrResponse{HTTPStatusCode: http.StatusGone, Code: "CART_EXPIRED", Message: "cart has expired"})
		return
	}

	select {
	case checkoutSlots <- struct{}{}:
		defer func() { <-checkoutSlots }()
	default:
		_ = render.Render(w, r, &apierr.ErrResponse{HTTPStatusCode: http.StatusTooManyRequests, Code: apierr.CodeRateLimited, Message: "checkout is busy"})
		return
	}

	for sku, qty := range c.Items {
		if _, err := h.Store.Reserve(r.Context(), sku, qty); err != nil {
			respond.Error(w, r, statusFor(err), codeFor(err), "could not reserve "+sku)
			return
		}
	}
	render.Status(r, http.StatusAccepted)
	render.JSON(w, r, render.M{"cart_id": c.ID, "status": "processing"})
}

// StockLevels is polled by the warehouse; it is cheap but noisy, so bursts
// get a fixed back-off.
func (h *Handlers) StockLevels(w http.ResponseWriter, r *http.Request) {
	if wait, ok := h.HotSKUs.Allow("stock-levels"); !ok {
		w.Header().Set("Retry-After", strconv.Itoa(int(wait.Seconds())+1))
		_ = render.Render(w, r, &apierr.ErrResponse{HTTPStatusCode: http.StatusTooManyRequests, Code: apierr.CodeRateLimited, Message: "poll at most once per second"})
		return
	}
	levels := map[string]int{}
	for _, p := range h.Store.List(r.Context(), 0, 10000) {
		levels[p.SKU] = p.Stock
	}
	render.JSON(w, r, levels)
}
