// Package catalog is the product and inventory store.
package catalog

import (
	"context"
	"errors"
	"sync"
	"time"
)

var (
	ErrNotFound   = errors.New("catalog: not found")
	ErrDuplicate  = errors.New("catalog: duplicate sku")
	ErrOutOfStock = errors.New("catalog: out of stock")
	ErrBackend    = errors.New("catalog: backend unavailable")
)

type Product struct {
	SKU        string    `json:"sku"`
	Name       string    `json:"name"`
	PriceCents int64     `json:"price_cents"`
	Stock      int       `json:"stock"`
	Image      []byte    `json:"-"`
	UpdatedAt  time.Time `json:"updated_at"`
}

type Store struct {
	mu       sync.RWMutex
	products map[string]*Product
	down     bool
}

func NewStore() *Store { return &Store{products: map[string]*Product{}} }

func (s *Store) SetDown(down bool) {
	s.mu.Lock()
	s.down = down
	s.mu.Unlock()
}

func (s *Store) Ping(context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.down {
		return ErrBackend
	}
	return nil
}

func (s *Store) Get(_ context.Context, sku string) (Product, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	p, ok := s.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	return *p, nil
}

func (s *Store) List(_ context.Context, offset, limit int) []Product {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]Product, 0, len(s.products))
	for _, p := range s.products {
		out = append(out, *p)
	}
	if offset >= len(out) {
		return nil
	}
	out = out[offset:]
	if len(out) > limit {
		out = out[:limit]
	}
	return out
}

func (s *Store) Create(_ context.Context, p Product) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.products[p.SKU]; ok {
		return ErrDuplicate
	}
	p.UpdatedAt = time.Now().UTC()
	s.products[p.SKU] = &p
	return nil
}

func (s *Store) Delete(_ context.Context, sku string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.products[sku]; !ok {
		return ErrNotFound
	}
	delete(s.products, sku)
	return nil
}

// Reserve takes qty units of sku out of stock.
func (s *Store) Reserve(_ context.Context, sku string, qty int) (left int, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.down {
		return 0, ErrBackend
	}
	p, ok := s.products[sku]
	if !ok {
		return 0, ErrNotFound
	}
	if p.Stock < qty {
		return p.Stock, ErrOutOfStock
	}
	p.Stock -= qty
	return p.Stock, nil
}
