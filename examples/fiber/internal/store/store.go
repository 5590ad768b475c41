// Package store is the in-memory persistence layer used by the API. It is
// swapped for the Postgres implementation in production builds.
package store

import (
	"context"
	"errors"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	ErrNotFound  = errors.New("store: not found")
	ErrDuplicate = errors.New("store: duplicate key")
	ErrLocked    = errors.New("store: record locked")
	ErrClosed    = errors.New("store: closed")
)

type User struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Name      string    `json:"name"`
	Role      string    `json:"role"`
	Disabled  bool      `json:"disabled"`
	Avatar    string    `json:"-"`
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
	TotalCents int64       `json:"total_cents"`
	Status     OrderStatus `json:"status"`
	Address    string      `json:"address,omitempty"`
	Fulfilling bool        `json:"-"`
	CreatedAt  time.Time   `json:"created_at"`
}

type Store struct {
	mu     sync.RWMutex
	closed bool
	users  map[string]User
	orders map[string]Order
}

func New() *Store {
	return &Store{users: map[string]User{}, orders: map[string]Order{}}
}

func (s *Store) Ping(ctx context.Context) error {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.closed {
		return ErrClosed
	}
	return ctx.Err()
}

func (s *Store) Users(_ context.Context, limit int) ([]User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, u)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].CreatedAt.Before(out[j].CreatedAt) })
	if limit > 0 && len(out) > limit {
		out = out[:limit]
	}
	return out, nil
}

func (s *Store) User(_ context.Context, id string) (User, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	u, ok := s.users[id]
	if !ok {
		return User{}, ErrNotFound
	}
	return u, nil
}

func (s *Store) CreateUser(_ context.Context, u User) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, existing := range s.users {
		if strings.EqualFold(existing.Email, u.Email) {
			return ErrDuplicate
		}
	}
	s.users[u.ID] = u
	return nil
}

func (s *Store) UpdateUser(_ context.Context, u User) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[u.ID]; !ok {
		return ErrNotFound
	}
	s.users[u.ID] = u
	return nil
}

func (s *Store) DeleteUser(_ context.Context, id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.users[id]; !ok {
		return ErrNotFound
	}
	delete(s.users, id)
	return nil
}

func (s *Store) Order(_ context.Context, id string) (Order, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	o, ok := s.orders[id]
	if !ok {
		return Order{}, ErrNotFound
	}
	return o, nil
}

func (s *Store) OrdersFor(_ context.Context, userID string) ([]Order, error) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var out []Order
	for _, o := range s.orders {
		if o.UserID == userID {
			out = append(out, o)
		}
	}
	return out, nil
}

func (s *Store) SaveOrder(_ context.Context, o Order) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cur, ok := s.orders[o.ID]; ok && cur.Fulfilling {
		return ErrLocked
	}
	s.orders[o.ID] = o
	return nil
}
