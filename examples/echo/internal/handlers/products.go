package handlers

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/catalog"
	"example.com/echosvc/internal/middleware"
	"example.com/echosvc/internal/respond"
)

var skuPattern = regexp.MustCompile(`^[A-Z0-9]{3,12}(-[A-Z0-9]{1,6})?$`)

// ListProducts lists products, optionally filtered by category.
func (h *Handler) ListProducts(c echo.Context) error {
	limit := 50
	if raw := c.QueryParam("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n <= 0 {
			return echo.NewHTTPError(http.StatusBadRequest, "limit must be a positive integer")
		}
		limit = min(n, 500)
	}
	products := h.Store.List(c.QueryParam("category"), limit)
	return c.JSON(http.StatusOK, echo.Map{"products": products, "count": len(products)})
}

// GetProduct returns one product.
func (h *Handler) GetProduct(c echo.Context) error {
	sku := strings.ToUpper(c.Param("sku"))
	if !skuPattern.MatchString(sku) {
		return c.String(http.StatusBadRequest, "invalid sku")
	}
	if _, reason, ok := h.Negative.Lookup(sku); ok {
		return respond.NotFound(c, "product ("+reason+")")
	}
	p, err := h.Store.Get(sku)
	if errors.Is(err, catalog.ErrNotFound) {
		h.Negative.String(sku, http.StatusNotFound, "unknown sku")
		return echo.NewHTTPError(http.StatusNotFound, apierr.Error{Code: apierr.CodeNotFound, Message: "product not found"})
	}
	if err != nil {
		return respond.Internal(c, err)
	}
	if p.Premium {
		if key, _ := middleware.Client(c); !hasScope(key, "premium") {
			return respond.Error(c, http.StatusPaymentRequired, apierr.CodePaymentRequired, "premium catalog data requires a paid plan")
		}
	}
	etag := fmt.Sprintf(`"%s-%d"`, p.SKU, p.UpdatedAt.UnixNano())
	if c.Request().Header.Get("If-None-Match") == etag {
		return c.NoContent(http.StatusNotModified)
	}
	c.Response().Header().Set("ETag", etag)
	return c.JSON(http.StatusOK, p)
}

func hasScope(k middleware.APIKey, scope string) bool {
	for _, s := range k.Scopes {
		if s == scope {
			return true
		}
	}
	return false
}

type createProductRequest struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int64  `json:"price_cents"`
	Stock      int    `json:"stock"`
	Category   string `json:"category"`
	Premium    bool   `json:"premium"`
}

// CreateProduct adds a product to the catalog.
func (h *Handler) CreateProduct(c echo.Context) error {
	if h.ReadOnly {
		return apierr.ErrReadOnly
	}
	var req createProductRequest
	if err := c.Bind(&req); err != nil {
		return echo.NewHTTPError(http.StatusBadRequest, "invalid JSON body: "+err.Error())
	}
	fields := map[string]string{}
	if !skuPattern.MatchString(req.SKU) {
		fields["sku"] = "must match " + skuPattern.String()
	}
	if strings.TrimSpace(req.Name) == "" {
		fields["name"] = "is required"
	}
	if req.Stock < 0 {
		fields["stock"] = "must not be negative"
	}
	if len(fields) > 0 {
		return c.JSON(http.StatusUnprocessableEntity, apierr.Error{Code: "VALIDATION_FAILED", Message: "invalid product", Details: fields})
	}
	if req.PriceCents <= 0 {
		return echo.NewHTTPError(http.StatusBadRequest, apierr.Error{Code: apierr.CodeValidation, Message: "price_cents must be positive"})
	}
	p := catalog.Product{SKU: req.SKU, Name: req.Name, PriceCents: req.PriceCents, Stock: req.Stock, Category: req.Category, Premium: req.Premium}
	if err := h.Store.Create(p); err != nil {
		if errors.Is(err, catalog.ErrDuplicate) {
			return respond.Error(c, http.StatusConflict, apierr.CodeConflict, "a product with this sku already exists")
		}
		return respond.Internal(c, err)
	}
	c.Response().Header().Set(echo.HeaderLocation, "/v1/products/"+p.SKU)
	return c.JSON(http.StatusCreated, p)
}

// DeleteProduct removes a product.
func (h *Handler) DeleteProduct(c echo.Context) error {
	if h.ReadOnly {
		return respond.FromError(c, apierr.ErrReadOnly)
	}
	if err := h.Store.Delete(c.Param("sku")); err != nil {
		if errors.Is(err, catalog.ErrNotFound) {
			return c.NoContent(http.StatusNotFound)
		}
		return respond.Internal(c, err)
	}
	return c.NoContent(http.StatusNoContent)
}

// ProductImage serves the product's PNG image.
func (h *Handler) ProductImage(c echo.Context) error {
	img, ok := h.Store.Image(c.Param("sku"))
	if !ok {
		return respond.NotFound(c, "image")
	}
	if len(img) < 8 || string(img[1:4]) != "PNG" {
		return c.Blob(http.StatusInternalServerError, "text/plain; charset=utf-8", []byte("stored image is corrupt"))
	}
	c.Response().Header().Set("Cache-Control", "public, max-age=86400")
	return c.Blob(http.StatusOK, "image/png", img)
}

// ExportCSV streams the catalog as CSV.
func (h *Handler) ExportCSV(c echo.Context) error {
	products := h.Store.List(c.QueryParam("category"), 100_000)
	pr, pw := io.Pipe()
	go func() {
		w := csv.NewWriter(pw)
		_ = w.Write([]string{"sku", "name", "price_cents", "stock"})
		for _, p := range products {
			_ = w.Write([]string{p.SKU, p.Name, strconv.FormatInt(p.PriceCents, 10), strconv.Itoa(p.Stock)})
		}
		w.Flush()
		pw.CloseWithError(w.Error())
	}()
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="catalog.csv"`)
	return c.Stream(http.StatusOK, "text/csv; charset=utf-8", pr)
}
