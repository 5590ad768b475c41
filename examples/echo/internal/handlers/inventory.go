package handlers

import (
	"errors"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/catalog"
	"example.com/echosvc/internal/middleware"
	"example.com/echosvc/internal/respond"
)

const (
	reservationTTL     = 15 * time.Minute
	reservationsPerMin = 30
)

// toAPIError maps catalog errors to API errors.
func toAPIError(err error) *apierr.Error {
	switch {
	case errors.Is(err, catalog.ErrNotFound):
		return apierr.ErrNotFound
	case errors.Is(err, catalog.ErrLocked):
		e := *apierr.ErrConflict
		e.Code = "SKU_LOCKED"
		e.Message = "sku is locked by a running stock count"
		return &e
	case errors.Is(err, catalog.ErrInsufficient):
		return apierr.New(http.StatusConflict, apierr.CodeConflict, "not enough stock")
	}
	return apierr.ErrDatabase
}

// allowReservation applies the per-client reservation limit.
func (h *Handler) allowReservation(client string, now time.Time) (int, time.Time, bool) {
	h.reserveMu.Lock()
	defer h.reserveMu.Unlock()
	cut := now.Add(-time.Minute)
	hits := h.reserveHits[client][:0]
	for _, t := range h.reserveHits[client] {
		if t.After(cut) {
			hits = append(hits, t)
		}
	}
	if len(hits) >= reservationsPerMin {
		h.reserveHits[client] = hits
		return 0, hits[0].Add(time.Minute), false
	}
	hits = append(hits, now)
	h.reserveHits[client] = hits
	return reservationsPerMin - len(hits), hits[0].Add(time.Minute), true
}

type reserveRequest struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
}

// Reserve holds stock for a checkout.
func (h *Handler) Reserve(c echo.Context) error {
	key, _ := middleware.Client(c)
	remaining, reset, ok := h.allowReservation(key.Client, time.Now())
	respond.RateHeaders(c, reservationsPerMin, remaining, reset)
	if !ok {
		return respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "too many reservations, slow down")
	}

	var req reserveRequest
	if err := c.Bind(&req); err != nil {
		return respond.BadRequest(c, "invalid JSON body")
	}
	if req.Quantity <= 0 {
		return respond.Invalid(c, map[string]string{"quantity": "must be positive"})
	}
	r, err := h.Store.Reserve(req.SKU, req.Quantity, reservationTTL)
	if errors.Is(err, catalog.ErrInsufficient) {
		p, _ := h.Store.Get(req.SKU)
		return echo.NewHTTPError(http.StatusConflict, apierr.Error{Code: "OUT_OF_STOCK", Message: "not enough stock", Details: echo.Map{"available": p.Stock}})
	}
	if err != nil {
		return respond.FromError(c, toAPIError(err))
	}
	return c.JSON(http.StatusCreated, r)
}

// Confirm turns a reservation into a sale.
func (h *Handler) Confirm(c echo.Context) error {
	r, err := h.Store.Confirm(c.Param("id"))
	switch {
	case errors.Is(err, catalog.ErrNotFound):
		return respond.NotFound(c, "reservation")
	case errors.Is(err, catalog.ErrExpired):
		return c.JSON(http.StatusGone, echo.Map{"code": "RESERVATION_EXPIRED", "message": "reservation has expired, reserve again"})
	case err != nil:
		return respond.FromError(c, toAPIError(err))
	}
	return c.JSON(http.StatusOK, r)
}

type adjustRequest struct {
	Delta  int    `json:"delta"`
	Reason string `json:"reason"`
}

// AdjustStock applies a manual stock correction.
func (h *Handler) AdjustStock(c echo.Context) error {
	var req adjustRequest
	if err := c.Bind(&req); err != nil || req.Reason == "" {
		return respond.ErrorWithDetails(c, http.StatusUnprocessableEntity, apierr.CodeValidation, "delta and reason are required", echo.Map{"reason": "is required"})
	}
	p, err := h.Store.Adjust(c.Param("sku"), req.Delta)
	if err != nil {
		status, code := http.StatusInternalServerError, apierr.CodeDatabase
		switch {
		case errors.Is(err, catalog.ErrNotFound):
			status, code = http.StatusNotFound, apierr.CodeNotFound
		case errors.Is(err, catalog.ErrInsufficient):
			status, code = http.StatusConflict, apierr.CodeConflict
		}
		return respond.Error(c, status, code, err.Error())
	}
	return c.JSON(http.StatusOK, p)
}

// ReservationStatus lets clients poll a reservation; polling is limited to
// once every few seconds per reservation.
func (h *Handler) ReservationStatus(c echo.Context) error {
	id := c.Param("id")
	if last, ok := h.lastPoll(id); ok && time.Since(last) < 2*time.Second {
		c.Response().Before(func() {
			c.Response().Header().Set("Retry-After", "2")
		})
		return respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "poll at most every 2 seconds")
	}
	r, err := h.Store.Reservation(id)
	if err != nil {
		return respond.FromError(c, toAPIError(err))
	}
	return c.JSON(http.StatusOK, r)
}

func (h *Handler) lastPoll(id string) (time.Time, bool) {
	h.reserveMu.Lock()
	defer h.reserveMu.Unlock()
	key := "poll:" + id
	var last time.Time
	if hits := h.reserveHits[key]; len(hits) > 0 {
		last = hits[len(hits)-1]
	}
	h.reserveHits[key] = []time.Time{time.Now()}
	return last, !last.IsZero()
}
