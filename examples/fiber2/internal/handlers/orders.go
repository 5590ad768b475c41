package handlers

import (
	"errors"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/middleware"
	"example.com/fiber2svc/internal/store"
)

type placeOrderRequest struct {
	Lines []store.OrderLine `json:"lines"`
}

// Check implements the body checks run by httpx.Parse.
func (r *placeOrderRequest) Check() []string {
	var problems []string
	if len(r.Lines) == 0 {
		problems = append(problems, "lines: at least one line is required")
	}
	for i, l := range r.Lines {
		if l.Qty <= 0 {
			problems = append(problems, "lines["+strconv.Itoa(i)+"].qty: must be positive")
		}
	}
	return problems
}

// PlaceOrder places an order for the authenticated customer.
func (a *API) PlaceOrder(c *fiber.Ctx) error {
	var req placeOrderRequest
	if err := httpx.Parse(c, &req); err != nil {
		return err
	}
	ctx := c.UserContext()
	for _, l := range req.Lines {
		p, err := a.Store.Product(ctx, l.SKU)
		if errors.Is(err, store.ErrNotFound) {
			return apperr.New(apperr.CodeUnprocessable, "Unknown product "+l.SKU,
				apperr.WithDetail("sku", l.SKU))
		}
		if err != nil {
			return apperr.Database(err)
		}
		if p.Stock < l.Qty {
			return apperr.Conflict("only " + strconv.Itoa(p.Stock) + " of " + p.SKU + " left")
		}
	}
	cust, _ := middleware.Customer(c)
	o, err := a.Store.PlaceOrder(ctx, store.Order{CustomerID: cust.ID, Lines: req.Lines})
	if err != nil {
		return apperr.Database(err)
	}
	c.Location("/api/v1/orders/" + o.ID)
	return c.Status(fiber.StatusCreated).JSON(o)
}

// GetOrder returns an order of the authenticated customer.
func (a *API) GetOrder(c *fiber.Ctx) error {
	o, err := a.Store.Order(c.UserContext(), c.Params("id"))
	if err != nil {
		return orderErr(err, c.Params("id"))
	}
	if cust, _ := middleware.Customer(c); o.CustomerID != cust.ID && !cust.Staff {
		return apperr.NotFound("order " + o.ID)
	}
	return c.JSON(o)
}

// CancelOrder cancels an order that has not shipped.
func (a *API) CancelOrder(c *fiber.Ctx) error {
	version, err := strconv.Atoi(c.Get(fiber.HeaderIfMatch))
	if err != nil {
		return apperr.BadRequest("If-Match must carry the order version")
	}
	o, err := a.Store.Order(c.UserContext(), c.Params("id"))
	if err != nil {
		return orderErr(err, c.Params("id"))
	}
	if o.State == "shipped" {
		return c.Status(fiber.StatusConflict).JSON(fiber.Map{
			"code":       apperr.CodeUnprocessable,
			"message":    "Shipped orders cannot be cancelled; request a return instead",
			"request_id": httpx.RequestID(c),
		})
	}
	o, err = a.Store.Transition(c.UserContext(), o.ID, version, "cancelled")
	if errors.Is(err, store.ErrConflict) {
		return apperr.New("ORDER_LOCKED", "Order "+o.ID+" is being edited, reload it and try again",
			apperr.WithStatus(fiber.StatusConflict))
	}
	if err != nil {
		return orderErr(err, c.Params("id"))
	}
	return c.JSON(o)
}

// ShipOrder marks an order shipped. Staff only.
func (a *API) ShipOrder(c *fiber.Ctx) error {
	version, _ := strconv.Atoi(c.Get(fiber.HeaderIfMatch))
	o, err := a.Store.Transition(c.UserContext(), c.Params("id"), version, "shipped")
	if err != nil {
		return orderErr(err, c.Params("id"))
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{
		"code":    "SHIPMENT_CREATED",
		"message": "The carrier has been notified",
		"order":   o,
	})
}
