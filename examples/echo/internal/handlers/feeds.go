package handlers

import (
	"encoding/json"
	"encoding/xml"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/catalog"
)

// writeJSONError is used by the plain net/http handlers mounted with
// echo.WrapHandler.
func writeJSONError(w http.ResponseWriter, status int, code apierr.Code, msg string) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(apierr.Error{Code: code, Message: msg})
}

type feedItem struct {
	SKU   string `xml:"sku,attr"`
	Name  string `xml:"name"`
	Price int64  `xml:"price_cents"`
}

type feed struct {
	XMLName  xml.Name   `xml:"feed"`
	Category string     `xml:"category,attr"`
	Items    []feedItem `xml:"item"`
}

var feedCategories = map[string]bool{"tools": true, "garden": true, "kitchen": true}

// LegacyFeed serves the XML product feed for the old marketplace integration.
func LegacyFeed(st *catalog.Store) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet {
			w.Header().Set("Allow", http.MethodGet)
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		cat := r.URL.Query().Get("category")
		if !feedCategories[cat] {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusNotFound)
			_ = json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeBadRequest, Message: "unknown feed category " + strconv.Quote(cat)})
			return
		}
		f := feed{Category: cat}
		for _, p := range st.List(cat, 10_000) {
			f.Items = append(f.Items, feedItem{SKU: p.SKU, Name: p.Name, Price: p.PriceCents})
		}
		w.Header().Set("Content-Type", "application/xml; charset=utf-8")
		w.Header().Set("Last-Modified", time.Now().UTC().Format(http.TimeFormat))
		_ = xml.NewEncoder(w).Encode(f)
	}
}

// Assets serves downloadable spec sheets from dir.
func Assets(dir string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean("/" + strings.TrimPrefix(r.URL.Path, "/assets"))
		full := filepath.Join(dir, filepath.FromSlash(name))
		fi, err := os.Stat(full)
		if err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.ServeFile(w, r, full)
	}
}

// BulkImport accepts a JSON array of products. Only one import runs at a
// time, and each client gets a daily import budget.
type BulkImport struct {
	Store   *catalog.Store
	running sync.Mutex
	mu      sync.Mutex
	budget  map[string]int
	day     string
}

func (b *BulkImport) spend(client string) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	today := time.Now().UTC().Format(time.DateOnly)
	if b.day != today || b.budget == nil {
		b.day, b.budget = today, map[string]int{}
	}
	b.budget[client]++
	return b.budget[client] <= 20
}

func (b *BulkImport) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if !b.spend(r.Header.Get("X-API-Key")) {
		midnight := time.Now().UTC().Truncate(24 * time.Hour).Add(24 * time.Hour)
		w.Header().Set("Retry-After", strconv.Itoa(int(time.Until(midnight).Seconds())))
		writeJSONError(w, http.StatusTooManyRequests, apierr.CodeRateLimited, "daily import budget exhausted")
		return
	}
	if !b.running.TryLock() {
		writeJSONError(w, http.StatusTooManyRequests, apierr.CodeRateLimited, "another import is running")
		return
	}
	defer b.running.Unlock()

	var products []catalog.Product
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, 8<<20)).Decode(&products); err != nil {
		writeJSONError(w, http.StatusBadRequest, apierr.CodeBadRequest, "body must be a JSON array of products")
		return
	}
	created, skipped := 0, 0
	for _, p := range products {
		if err := b.Store.Create(p); err != nil {
			skipped++
			continue
		}
		created++
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_ = json.NewEncoder(w).Encode(map[string]int{"created": created, "skipped": skipped})
}
