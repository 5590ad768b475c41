// Package store is the persistence layer. The in-memory implementation is used
// in development and by the integration environment.
package store

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"sort"
	"sync"
	"time"

	"example.com/ginsvc/internal/apierr"
)

var (
	ErrNotFound  = errors.New("store: not found")
	ErrDuplicate = errors.New("store: duplicate key")
	ErrClosed    = errors.New("store: closed")
)

type User struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Disabled  bool      `json:"disabled"`
	Password  string    `json:"-"`
	CreatedAt time.Time `json:"created_at"`
}

type OrderStatus string

const (
	OrderPending   OrderStatus = "pending"
	OrderPaid      OrderStatus = "paid"
	OrderShipped   OrderStatus = "shipped"
	OrderCancelled OrderStatus = "cancelled"
)

type Order struct {
	ID         string      `json:"id"`
	UserID     string      `json:"user_id"`
	Items      []Item      `json:"items"`
	TotalCents int64       `json:"total_cents"`
	Status     OrderStatus `json:"status"`
	CreatedAt  time.Time   `json:"created_at"`
}

type Item struct {
	SKU      string `json:"sku"`
	Quantity int    `json:"quantity"`
	Cents    int64  `json:"cents"`
}

type Memory struct {
	mu     sync.RWMutex
	users  map[string]*User
	orders map[string]*Order
	closed bool
}

func NewMemory() *Memory {
	return &Memory{users: map[string]*User{}, orders: map[string]*Order{}}
}

func newID() string {
	var b [8]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func (m *Memory) Ping(ctx context.Context) error {
	m.mu.RLock()
	defer m.mu.RUnlock()
	if m.closed {
		return ErrClosed
	}
	return ctx.Err()
}

func (m *Memory) CreateUser(_ context.Context, u *User) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, existing := range m.users {
		if existing.Email == u.Email {
			return ErrDuplicate
		}
	}
	u.ID = newID()
	u.CreatedAt = time.Now().UTC()
	m.users[u.ID] = u
	return nil
}

func (m *Memory) User(_ context.Context, id string) (*User, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	u, ok := m.users[id]
	if !ok {
		return nil, ErrNotFound
	}
	cp := *u
	return &cp, nil
}

func (m *Memory) UserByEmail(_ context.Context, email string) (*User, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	for _, u := range m.users {
		if u.Email == email {
			cp := *u
			return &cp, nil
		}
	}
	return nil, ErrNotFound
}

func (m *Memory) UpdateUser(_ context.Context, u *User) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.users[u.ID]; !ok {
		return ErrNotFound
	}
	cp := *u
	m.users[u.ID] = &cp
	return nil
}

func (m *Memory) CreateOrder(_ context.Context, o *Order) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.closed {
		return apierr.ErrDatabase
	}
	o.ID = newID()
	o.CreatedAt = time.Now().UTC()
	o.Status = OrderPending
	m.orders[o.ID] = o
	return nil
}

func (m *Memory) Order(_ context.Context, id string) (*Order, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	o, ok := m.orders[id]
	if !ok {
		return nil, ErrNotFound
	}
	cp := *o
	return &cp, nil
}

func (m *Memory) SetOrderStatus(_ context.Context, id string, s OrderStatus) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	o, ok := m.orders[id]
	if !ok {
		return ErrNotFound
	}
	o.Status = s
	return nil
}

func (m *Memory) OrdersByUser(_ context.Context, userID string) ([]Order, error) {
	m.mu.RLock()
	defer m.mu.RUnlock()
	var out []Order
	for _, o := range m.orders {
		if o.UserID == userID {
			out = append(out, *o)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	return out, nil
}

func (m *Memory) CountOrdersSince(_ context.Context, userID string, since time.Time) int {
	m.mu.RLock()
	defer m.mu.RUnlock()
	n := 0
	for _, o := range m.orders {
		if o.UserID == userID && o.CreatedAt.After(since) {
			n++
		}
	}
	return n
}
