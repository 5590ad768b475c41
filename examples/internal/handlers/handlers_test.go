package handlers

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/store"
)

func newTestHandler(t *testing.T, supplier *httptest.Server) *Handler {
	t.Helper()
	cfg := Config{
		Store:  store.New(),
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)),
	}
	if supplier != nil {
		cfg.Supplier = supplier.Client()
		cfg.SupplierURL = supplier.URL
	}
	return New(cfg)
}

func decodeError(t *testing.T, rec *httptest.ResponseRecorder) apierr.Error {
	t.Helper()
	var body apierr.Error
	if err := json.NewDecoder(rec.Body).Decode(&body); err != nil {
		t.Fatalf("decoding error body: %v", err)
	}
	return body
}

func TestNotFoundFallback(t *testing.T) {
	rec := httptest.NewRecorder()
	NotFound(rec, httptest.NewRequest(http.MethodGet, "/nope", nil))
	if rec.Code != http.StatusNotFound {
		t.Fatalf("status = %d, want 404", rec.Code)
	}
	if got := decodeError(t, rec).Code; got != apierr.CodeNotFound {
		t.Fatalf("code = %q, want NOT_FOUND", got)
	}
}

func TestSupplierStockPassesRetryAfter(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "17")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	}))
	defer upstream.Close()

	h := newTestHandler(t, upstream)
	req := httptest.NewRequest(http.MethodGet, "/inventory/sku-1", nil)
	req.SetPathValue("sku", "sku-1")
	rec := httptest.NewRecorder()
	h.SupplierStock(rec, req)

	if rec.Code != http.StatusTooManyRequests {
		t.Fatalf("status = %d, want 429", rec.Code)
	}
	if got := rec.Header().Get("Retry-After"); got != "17" {
		t.Fatalf("Retry-After = %q, want 17", got)
	}
}

func TestSupplierStockUpstreamFailures(t *testing.T) {
	tests := []struct {
		name     string
		upstream http.HandlerFunc
		want     int
	}{
		{"server error", func(w http.ResponseWriter, r *http.Request) {
			http.Error(w, "boom", http.StatusInternalServerError)
		}, http.StatusServiceUnavailable},
		{"throttled without hint", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusTooManyRequests)
			io.WriteString(w, "try later")
		}, http.StatusTooManyRequests},
		{"unknown sku", func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusNotFound)
			json.NewEncoder(w).Encode(map[string]string{"code": "UNKNOWN_SKU", "message": "no such sku"})
		}, http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			upstream := httptest.NewServer(tt.upstream)
			defer upstream.Close()
			h := newTestHandler(t, upstream)
			req := httptest.NewRequest(http.MethodGet, "/inventory/x", nil)
			req.SetPathValue("sku", "x")
			rec := httptest.NewRecorder()
			h.SupplierStock(rec, req)
			if rec.Code != tt.want {
				t.Fatalf("status = %d, want %d", rec.Code, tt.want)
			}
		})
	}
}

func TestListBannersIsPublic(t *testing.T) {
	h := newTestHandler(t, nil)
	rec := httptest.NewRecorder()
	h.ListBanners(rec, httptest.NewRequest(http.MethodGet, "/storefront/banners", nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("status = %d, want 200", rec.Code)
	}
	var got []Banner
	if err := json.NewDecoder(rec.Body).Decode(&got); err != nil {
		t.Fatal(err)
	}
}
