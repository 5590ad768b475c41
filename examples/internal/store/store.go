// Package store is an in-memory implementation of the pet store's
// persistence layer. It is safe for concurrent use.
package store

import (
	"cmp"
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

var (
	ErrNotFound   = errors.New("not found")
	ErrConflict   = errors.New("already exists")
	ErrOutOfStock = errors.New("pet is not available")
	ErrClosed     = errors.New("store is closed")
)

type Pet struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Species    string    `json:"species"`
	PriceCents int64     `json:"price_cents"`
	Status     string    `json:"status"`
	Tags       []string  `json:"tags,omitempty"`
	CreatedAt  time.Time `json:"created_at"`
}

type Order struct {
	ID         string    `json:"id"`
	UserID     string    `json:"user_id"`
	PetID      string    `json:"pet_id"`
	TotalCents int64     `json:"total_cents"`
	Status     string    `json:"status"`
	CreatedAt  time.Time `json:"created_at"`
}

type User struct {
	ID           string `json:"id"`
	Email        string `json:"email"`
	Name         string `json:"name"`
	Role         string `json:"role"`
	Disabled     bool   `json:"disabled"`
	salt, pwHash []byte
}

type Session struct {
	Token, CSRFToken, UserID string
	ExpiresAt                time.Time
}

type Store struct {
	mu       sync.RWMutex
	pets     map[string]*Pet
	orders   map[string]*Order
	users    map[string]*User
	sessions map[string]*Session
	seq      atomic.Int64
	closed   atomic.Bool
}

func New() *Store {
	return &Store{
		pets:     make(map[string]*Pet),
		orders:   make(map[string]*Order),
		users:    make(map[string]*User),
		sessions: make(map[string]*Session),
	}
}

func (s *Store) Close() { s.closed.Store(true) }

// Ping reports whether the store can serve requests.
func (s *Store) Ping(ctx context.Context) error {
	if s.closed.Load() {
		return ErrClosed
	}
	return ctx.Err()
}

func (s *Store) nextID(prefix string) string {
	return fmt.Sprintf("%s_%06d", prefix, s.seq.Add(1))
}

// read and write run fn under the store lock once Ping succeeds.
func (s *Store) read(ctx context.Context, fn func() error) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	return fn()
}

func (s *Store) write(ctx context.Context, fn func() error) error {
	if err := s.Ping(ctx); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return fn()
}

func lookup[T any](m map[string]*T, id string) (*T, error) {
	if v, ok := m[id]; ok {
		return v, nil
	}
	return nil, ErrNotFound
}

func (s *Store) ListPets(ctx context.Context, species string, limit int) (out []Pet, err error) {
	err = s.read(ctx, func() error {
		for _, id := range slices.Sorted(maps.Keys(s.pets)) {
			if p := s.pets[id]; (species == "" || strings.EqualFold(p.Species, species)) && len(out) < limit {
				out = append(out, *p)
			}
		}
		return nil
	})
	return out, err
}

func (s *Store) GetPet(ctx context.Context, id string) (p Pet, err error) {
	err = s.read(ctx, func() error {
		v, err := lookup(s.pets, id)
		if err == nil {
			p = *v
		}
		return err
	})
	return p, err
}

func (s *Store) CreatePet(ctx context.Context, p Pet) (Pet, error) {
	err := s.write(ctx, func() error {
		for _, existing := range s.pets {
			if strings.EqualFold(existing.Name, p.Name) && existing.Species == p.Species {
				return ErrConflict
			}
		}
		p.ID, p.Status, p.CreatedAt = s.nextID("pet"), "available", time.Now().UTC()
		s.pets[p.ID] = &p
		return nil
	})
	return p, err
}

func (s *Store) UpdatePet(ctx context.Context, id string, update func(*Pet)) (p Pet, err error) {
	err = s.write(ctx, func() error {
		v, err := lookup(s.pets, id)
		if err == nil {
			update(v)
			p = *v
		}
		return err
	})
	return p, err
}

func (s *Store) DeletePet(ctx context.Context, id string) error {
	return s.write(ctx, func() error {
		if _, err := lookup(s.pets, id); err != nil {
			return err
		}
		delete(s.pets, id)
		return nil
	})
}

// ReservePet marks an available pet as pending and records an order for it.
func (s *Store) ReservePet(ctx context.Context, userID, petID string) (o Order, err error) {
	err = s.write(ctx, func() error {
		p, err := lookup(s.pets, petID)
		if err != nil {
			return err
		}
		if p.Status != "available" {
			return ErrOutOfStock
		}
		p.Status = "pending"
		o = Order{ID: s.nextID("ord"), UserID: userID, PetID: petID, TotalCents: p.PriceCents, Status: "placed", CreatedAt: time.Now().UTC()}
		s.orders[o.ID] = &o
		return nil
	})
	return o, err
}

// ReleaseOrder cancels a placed order and puts the pet back on sale.
func (s *Store) ReleaseOrder(ctx context.Context, id string) (o Order, err error) {
	err = s.write(ctx, func() error {
		v, err := lookup(s.orders, id)
		if err != nil {
			return err
		}
		if v.Status != "placed" {
			return ErrConflict
		}
		v.Status = "cancelled"
		if p, ok := s.pets[v.PetID]; ok {
			p.Status = "available"
		}
		o = *v
		return nil
	})
	return o, err
}

func (s *Store) GetOrder(ctx context.Context, id string) (o Order, err error) {
	err = s.read(ctx, func() error {
		v, err := lookup(s.orders, id)
		if err == nil {
			o = *v
		}
		return err
	})
	return o, err
}

func (s *Store) ListOrders(ctx context.Context) (out []Order, err error) {
	err = s.read(ctx, func() error {
		for _, o := range s.orders {
			out = append(out, *o)
		}
		slices.SortFunc(out, func(a, b Order) int { return cmp.Compare(a.ID, b.ID) })
		return nil
	})
	return out, err
}

func (s *Store) CreateUser(ctx context.Context, email, name, role, password string) (u User, err error) {
	err = s.write(ctx, func() error {
		for _, existing := range s.users {
			if strings.EqualFold(existing.Email, email) {
				return ErrConflict
			}
		}
		u = User{ID: s.nextID("usr"), Email: email, Name: name, Role: role, salt: []byte(rand.Text())}
		u.pwHash = hashPassword(u.salt, password)
		s.users[u.ID] = &u
		return nil
	})
	return u, err
}

func (s *Store) GetUser(ctx context.Context, id string) (u User, err error) {
	err = s.read(ctx, func() error {
		v, err := lookup(s.users, id)
		if err == nil {
			u = *v
		}
		return err
	})
	return u, err
}

func (s *Store) UpdateUser(ctx context.Context, id string, update func(*User)) (u User, err error) {
	err = s.write(ctx, func() error {
		v, err := lookup(s.users, id)
		if err == nil {
			update(v)
			u = *v
		}
		return err
	})
	return u, err
}

// Authenticate returns the user with the given email if password matches.
func (s *Store) Authenticate(ctx context.Context, email, password string) (u User, err error) {
	err = s.read(ctx, func() error {
		for _, v := range s.users {
			if strings.EqualFold(v.Email, email) && subtle.ConstantTimeCompare(hashPassword(v.salt, password), v.pwHash) == 1 {
				u = *v
				return nil
			}
		}
		return ErrNotFound
	})
	return u, err
}

func (s *Store) CreateSession(ctx context.Context, userID string, ttl time.Duration) (Session, error) {
	sess := Session{Token: randomToken(), CSRFToken: randomToken(), UserID: userID, ExpiresAt: time.Now().Add(ttl)}
	err := s.write(ctx, func() error {
		s.sessions[sess.Token] = &sess
		return nil
	})
	return sess, err
}

func (s *Store) Session(ctx context.Context, token string) (sess Session, err error) {
	err = s.read(ctx, func() error {
		v, err := lookup(s.sessions, token)
		if err == nil {
			sess = *v
		}
		return err
	})
	return sess, err
}

func (s *Store) DeleteSession(ctx context.Context, token string) error {
	return s.write(ctx, func() error {
		delete(s.sessions, token)
		return nil
	})
}

func hashPassword(salt []byte, password string) []byte {
	sum := sha256.Sum256(append(slices.Clone(salt), password...))
	return sum[:]
}

func randomToken() string {
	b := make([]byte, 24)
	rand.Read(b)
	return hex.EncodeToString(b)
}
