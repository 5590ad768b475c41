// Package store is the shop's persistence layer; Memory backs development
// and the contract tests.
package store

import (
	"context"
	"errors"
	"sort"
	"strconv"
	"sync"
	"time"
)

var (
	ErrNotFound = errors.New("not found")
	ErrConflict = errors.New("version conflict")
	ErrClosed   = errors.New("store closed")
)

type Product struct {
	SKU      string `json:"sku"`
	Name     string `json:"name"`
	PriceCts int64  `json:"price_cents"`
	Stock    int    `json:"stock"`
	Retired  bool   `json:"retired"`
}

type Order struct {
	ID         string      `json:"id"`
	CustomerID string      `json:"customer_id"`
	Lines      []OrderLine `json:"lines"`
	State      string      `json:"state"`
	Version    int         `json:"version"`
	PlacedAt   time.Time   `json:"placed_at"`
}

type OrderLine struct {
	SKU string `json:"sku"`
	Qty int    `json:"qty"`
}

type Customer struct {
	ID       string `json:"id"`
	Email    string `json:"email"`
	Disabled bool   `json:"disabled"`
	Staff    bool   `json:"staff"`
}

// Memory is an in-memory store.
type Memory struct {
	mu        sync.RWMutex
	products  map[string]Product
	orders    map[string]Order
	customers map[string]Customer
	tokens    map[string]token
	seq       int
}

type token struct {
	customerID string
	expires    time.Time
}

func NewMemory() *Memory {
	return &Memory{
		products:  map[string]Product{"SKU-1": {SKU: "SKU-1", Name: "Mug", PriceCts: 1200, Stock: 40}},
		orders:    map[string]Order{},
		customers: map[string]Customer{},
		tokens:    map[string]token{},
	}
}

func (m *Memory) Products(_ context.Context, offset, limit int) ([]Product, int) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	all := make([]Product, 0, len(m.products))
	for _, p := range m.products {
		all = append(all, p)
	}
	sort.Slice(all, func(i, j int) bool { return all[i].SKU < all[j].SKU })
	if offset > len(all) {
		offset = len(all)
	}
	return all[offset:min(offset+limit, len(all))], len(all)
}

func (m *Memory) Product(_ context.Context, sku string) (Product, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	p, ok := m.products[sku]
	if !ok {
		return Product{}, ErrNotFound
	}
	return p, nil
}

func (m *Memory) Order(_ context.Context, id string) (Order, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	o, ok := m.orders[id]
	if !ok {
		return Order{}, ErrNotFound
	}
	return o, nil
}

// PlaceOrder stores a new order in state "placed".
func (m *Memory) PlaceOrder(_ context.Context, o Order) (Order, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seq++
	o.ID = "ord_" + strconv.Itoa(m.seq)
	o.State, o.Version, o.PlacedAt = "placed", 1, time.Now().UTC()
	m.orders[o.ID] = o
	return o, nil
}

// Transition moves an order to state if its version still matches.
func (m *Memory) Transition(_ context.Context, id string, version int, state string) (Order, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.orders[id]
	switch {
	case !ok:
		return Order{}, ErrNotFound
	case o.Version != version:
		return o, ErrConflict
	}
	o.State, o.Version = state, o.Version+1
	m.orders[id] = o
	return o, nil
}

// CustomerByToken resolves an API token.
func (m *Memory) CustomerByToken(_ context.Context, tok string) (Customer, time.Time, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	t, ok := m.tokens[tok]
	if !ok {
		return Customer{}, time.Time{}, ErrNotFound
	}
	return m.customers[t.customerID], t.expires, nil
}
