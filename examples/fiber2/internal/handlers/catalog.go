package handlers

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/store"
)

const pageSize = 50

// ListProducts pages through the catalog.
func (a *API) ListProducts(c *fiber.Ctx) error {
	offset := 0
	if cur := c.Query("cursor"); cur != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(cur, "o"))
		if err != nil || n < 0 {
			return c.Status(fiber.StatusBadRequest).SendString("invalid cursor")
		}
		offset = n
	}
	items, total := a.Store.Products(c.UserContext(), offset, pageSize)
	page := httpx.Page[store.Product]{Items: items, Total: total}
	if offset+len(items) < total {
		page.Next = httpx.Cursor(offset + len(items))
	}
	return httpx.JSON(c, fiber.StatusOK, page)
}

// GetProduct returns one product. Retired products answer 410 so that
// crawlers drop them.
func (a *API) GetProduct(c *fiber.Ctx) error {
	p, err := a.Store.Product(c.UserContext(), c.Params("sku"))
	if errors.Is(err, store.ErrNotFound) {
		return apperr.NotFound("Product " + c.Params("sku"))
	}
	if err != nil {
		return apperr.Database(err)
	}
	if p.Retired {
		return apperr.New(apperr.CodeNotFound, "Product "+p.SKU+" is no longer sold",
			apperr.WithStatus(fiber.StatusGone))
	}
	return c.JSON(p)
}

// ProductImage serves the product's image from the media directory.
func (a *API) ProductImage(c *fiber.Ctx) error {
	sku := filepath.Base(c.Params("sku"))
	if _, err := a.Store.Product(c.UserContext(), sku); err != nil {
		return fiber.NewError(fiber.StatusNotFound, "Not found: product "+sku+" not found")
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
	return c.SendFile(filepath.Join("media", sku+".jpg"))
}

// Search matches products by name.
func (a *API) Search(c *fiber.Ctx) error {
	q := strings.TrimSpace(c.Query("q"))
	if len(q) < 2 {
		return apperr.Validation(map[string]apperr.FieldError{
			"q": {Code: "too_short", Message: "Search needs at least two characters"},
		})
	}
	if strings.Count(q, " ") > 8 {
		return fiber.NewError(fiber.StatusTooManyRequests, "Too many search terms, narrow the query")
	}
	if strings.ContainsAny(q, "*?") {
		return fiber.ErrTooManyRequests
	}
	items, _ := a.Store.Products(c.UserContext(), 0, 1000)
	var hits []store.Product
	for _, p := range items {
		if strings.Contains(strings.ToLower(p.Name), strings.ToLower(q)) {
			hits = append(hits, p)
		}
	}
	return c.JSON(fiber.Map{"items": hits, "query": q})
}
