package handlers

import (
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/go-chi/chi/v5"
	"github.com/go-chi/render"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/catalog"
	"example.com/chisvc/internal/respond"
)

// ProductResponse is the public representation of a product.
type ProductResponse struct {
	catalog.Product
	Price   string `json:"price"`
	InStock bool   `json:"in_stock"`
}

func (p *ProductResponse) Render(w http.ResponseWriter, r *http.Request) error {
	p.Price = fmt.Sprintf("%d.%02d", p.PriceCents/100, p.PriceCents%100)
	p.InStock = p.Stock > 0
	return nil
}

type productRequest struct {
	SKU        string `json:"sku"`
	Name       string `json:"name"`
	PriceCents int64  `json:"price_cents"`
	Stock      int    `json:"stock"`
}

func (p *productRequest) Bind(r *http.Request) error {
	p.SKU = strings.ToUpper(strings.TrimSpace(p.SKU))
	p.Name = strings.TrimSpace(p.Name)
	return nil
}

func (h *Handlers) ListProducts(w http.ResponseWriter, r *http.Request) {
	items := h.Store.List(r.Context(), intQuery(r, "offset", 0, 1<<20), intQuery(r, "limit", 50, 200))
	list := make([]render.Renderer, 0, len(items))
	for _, p := range items {
		list = append(list, &ProductResponse{Product: p})
	}
	if err := render.RenderList(w, r, list); err != nil {
		respond.Err(w, r, apierr.ErrInternal(err))
	}
}

func (h *Handlers) GetProduct(w http.ResponseWriter, r *http.Request) {
	p, err := h.Store.Get(r.Context(), chi.URLParam(r, "sku"))
	if errors.Is(err, catalog.ErrNotFound) {
		_ = render.Render(w, r, apierr.ErrNotFound("product"))
		return
	}
	if err != nil {
		respond.Err(w, r, apierr.ErrDatabase(err))
		return
	}
	_ = render.Render(w, r, &ProductResponse{Product: p})
}

func (h *Handlers) ProductImage(w http.ResponseWriter, r *http.Request) {
	p, err := h.Store.Get(r.Context(), chi.URLParam(r, "sku"))
	if err != nil || len(p.Image) == 0 {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Cache-Control", "public, max-age=86400")
	render.Data(w, r, p.Image)
}

func (h *Handlers) CreateProduct(w http.ResponseWriter, r *http.Request) {
	var req productRequest
	if err := render.Bind(r, &req); err != nil {
		_ = render.Render(w, r, apierr.ErrInvalidRequest(err))
		return
	}
	fields := map[string]string{}
	if req.SKU == "" {
		fields["sku"] = "is required"
	}
	if req.PriceCents <= 0 {
		fields["price_cents"] = "must be positive"
	}
	if len(fields) > 0 {
		_ = render.Render(w, r, apierr.ErrValidation(fields))
		return
	}
	p := catalog.Product{SKU: req.SKU, Name: req.Name, PriceCents: req.PriceCents, Stock: req.Stock}
	if err := h.Store.Create(r.Context(), p); err != nil {
		if errors.Is(err, catalog.ErrDuplicate) {
			respond.Error(w, r, http.StatusConflict, apierr.CodeConflict, "a product with this SKU already exists")
			return
		}
		respond.Err(w, r, apierr.ErrDatabase(err))
		return
	}
	w.Header().Set("Location", "/v1/products/"+p.SKU)
	render.Status(r, http.StatusCreated)
	_ = render.Render(w, r, &ProductResponse{Product: p})
}

func (h *Handlers) UpdatePrice(w http.ResponseWriter, r *http.Request) {
	status := http.StatusUnprocessableEntity
	var body struct {
		PriceCents int64  `json:"price_cents"`
		Currency   string `json:"currency"`
	}
	if err := render.DecodeJSON(r.Body, &body); err != nil {
		respond.Error(w, r, http.StatusBadRequest, apierr.CodeBadRequest, "malformed JSON body")
		return
	}
	if body.Currency != "" && body.Currency != "EUR" {
		respond.Error(w, r, status, apierr.CodeUnprocessable, "only EUR prices are supported")
		return
	}
	if body.PriceCents <= 0 {
		respond.Error(w, r, status, apierr.CodeBadRequest, "price_cents must be positive")
		return
	}
	p, err := h.Store.Get(r.Context(), chi.URLParam(r, "sku"))
	if err != nil {
		respond.Error(w, r, statusFor(err), codeFor(err), "product not found")
		return
	}
	p.PriceCents = body.PriceCents
	respond.JSON(w, r, http.StatusOK, &ProductResponse{Product: p})
}

func (h *Handlers) DeleteProduct(w http.ResponseWriter, r *http.Request) {
	if err := h.Store.Delete(r.Context(), chi.URLParam(r, "sku")); err != nil {
		respond.Error(w, r, statusFor(err), codeFor(err), "could not delete product")
		return
	}
	render.NoContent(w, r)
}

// importRunning serializes CSV imports; they lock the whole catalog.
var importRunning atomic.Bool

// ImportCSV bulk-creates products from "sku,name,price_cents,stock" lines.
func (h *Handlers) ImportCSV(w http.ResponseWriter, r *http.Request) {
	if !importRunning.CompareAndSwap(false, true) {
		respond.TooManyRequests(w, r, 30*time.Second, "another import is running")
		return
	}
	defer importRunning.Store(false)

	rd := csv.NewReader(io.LimitReader(r.Body, 5<<20))
	rd.FieldsPerRecord = 4
	created, line := 0, 0
	for {
		rec, err := rd.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		line++
		if err != nil {
			render.Status(r, http.StatusBadRequest)
			render.PlainText(w, r, fmt.Sprintf("line %d: %v", line, err))
			return
		}
		price, perr := strconv.ParseInt(rec[2], 10, 64)
		stock, serr := strconv.Atoi(rec[3])
		if perr != nil || serr != nil {
			respond.Error(w, r, http.StatusUnprocessableEntity, apierr.CodeValidation, fmt.Sprintf("line %d: price and stock must be integers", line))
			return
		}
		if err := h.Store.Create(r.Context(), catalog.Product{SKU: rec[0], Name: rec[1], PriceCents: price, Stock: stock}); err == nil {
			created++
		}
	}
	render.JSON(w, r, render.M{"created": created, "lines": line})
}

type feedItem struct {
	XMLName xml.Name `xml:"item"`
	ID      string   `xml:"id"`
	Title   string   `xml:"title"`
	Price   string   `xml:"price"`
}

type feedError struct {
	XMLName xml.Name `xml:"error"`
	Reason  string   `xml:"reason"`
}

// ShoppingFeed renders the merchant feed consumed by comparison sites.
func (h *Handlers) ShoppingFeed(w http.ResponseWriter, r *http.Request) {
	if err := h.Store.Ping(r.Context()); err != nil {
		render.Status(r, http.StatusBadGateway)
		render.XML(w, r, feedError{Reason: "catalog backend unavailable"})
		return
	}
	var items []feedItem
	for _, p := range h.Store.List(r.Context(), 0, 10000) {
		items = append(items, feedItem{ID: p.SKU, Title: p.Name, Price: fmt.Sprintf("%d.%02d EUR", p.PriceCents/100, p.PriceCents%100)})
	}
	render.XML(w, r, struct {
		XMLName xml.Name   `xml:"channel"`
		Items   []feedItem `xml:"item"`
	}{Items: items})
}
