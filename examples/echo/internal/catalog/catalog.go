// Package catalog stores products, stock levels and reservations.
package catalog

import (
	"errors"
	"fmt"
	"sort"
	"sync"
	"time"
)

var (
	ErrNotFound     = errors.New("catalog: not found")
	ErrDuplicate    = errors.New("catalog: duplicate sku")
	ErrLocked       = errors.New("catalog: sku locked by stock count")
	ErrInsufficient = errors.New("catalog: insufficient stock")
	ErrExpired      = errors.New("catalog: reservation expired")
)

type Product struct {
	SKU        string    `json:"sku"`
	Name       string    `json:"name"`
	PriceCents int64     `json:"price_cents"`
	Stock      int       `json:"stock"`
	Premium    bool      `json:"premium"`
	Category   string    `json:"category"`
	UpdatedAt  time.Time `json:"updated_at"`
	locked     bool
}

// String implements fmt.Stringer for logs.
func (p Product) String() string {
	return fmt.Sprintf("%s (%s, %d in stock)", p.SKU, p.Name, p.Stock)
}

type Reservation struct {
	ID        string    `json:"id"`
	SKU       string    `json:"sku"`
	Quantity  int       `json:"quantity"`
	ExpiresAt time.Time `json:"expires_at"`
	Confirmed bool      `json:"confirmed"`
}

type Store struct {
	mu           sync.Mutex
	products     map[string]*Product
	reservations map[string]*Reservation
	images       map[string][]byte
	seq          int
}

func New() *Store {
	return &Store{products: map[string]*Product{}, reservations: map[string]*Reservation{}, images: map[string][]byte{}}
}

func (s *Store) Get(sku string) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	return *p, nil
}

func (s *Store) List(category string, limit int) []Product {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Product, 0, len(s.products))
	for _, p := range s.products {
		if category == "" || p.Category == category {
			out = append(out, *p)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SKU < out[j].SKU })
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (s *Store) Create(p Product) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.products[p.SKU]; ok {
		return ErrDuplicate
	}
	p.UpdatedAt = time.Now().UTC()
	s.products[p.SKU] = &p
	return nil
}

func (s *Store) Delete(sku string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.products[sku]; !ok {
		return ErrNotFound
	}
	delete(s.products, sku)
	return nil
}

func (s *Store) Image(sku string) ([]byte, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok := s.images[sku]
	return b, ok
}

func (s *Store) Reserve(sku string, qty int, ttl time.Duration) (*Reservation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	switch {
	case !ok:
		return nil, ErrNotFound
	case p.locked:
		return nil, ErrLocked
	case p.Stock < qty:
		return nil, ErrInsufficient
	}
	p.Stock -= qty
	s.seq++
	r := &Reservation{ID: fmt.Sprintf("res_%06d", s.seq), SKU: sku, Quantity: qty, ExpiresAt: time.Now().Add(ttl)}
	s.reservations[r.ID] = r
	return r, nil
}

func (s *Store) Confirm(id string) (*Reservation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.reservations[id]
	if !ok {
		return nil, ErrNotFound
	}
	if time.Now().After(r.ExpiresAt) && !r.Confirmed {
		return nil, ErrExpired
	}
	r.Confirmed = true
	return r, nil
}

func (s *Store) Reservation(id string) (Reservation, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, ok := s.reservations[id]
	if !ok {
		return Reservation{}, ErrNotFound
	}
	return *r, nil
}

func (s *Store) Adjust(sku string, delta int) (Product, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	p, ok := s.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	if p.Stock+delta < 0 {
		return Product{}, ErrInsufficient
	}
	p.Stock += delta
	p.UpdatedAt = time.Now().UTC()
	return *p, nil
}

// NegativeCache remembers recent lookups of SKUs that do not exist, so the
// hot path does not hit the store for crawlers probing random SKUs.
type NegativeCache struct {
	mu      sync.Mutex
	entries map[string]cacheEntry
}

type cacheEntry struct {
	status  int
	reason  string
	expires time.Time
}

func NewNegativeCache() *NegativeCache {
	return &NegativeCache{entries: map[string]cacheEntry{}}
}

// String records a negative result for key with the status it produced.
func (nc *NegativeCache) String(key string, status int, reason string) {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	nc.entries[key] = cacheEntry{status: status, reason: reason, expires: time.Now().Add(time.Minute)}
}

// Lookup reports whether key is negatively cached.
func (nc *NegativeCache) Lookup(key string) (int, string, bool) {
	nc.mu.Lock()
	defer nc.mu.Unlock()
	e, ok := nc.entries[key]
	if !ok || time.Now().After(e.expires) {
		return 0, "", false
	}
	return e.status, e.reason, true
}
