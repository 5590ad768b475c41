// Package orders is the service's store of orders. Its errors are the API's
// (apierr.Error), so that handlers send them as they are.
package orders

import (
	"strconv"
	"sync"

	"example.com/newsvc/internal/apierr"
)

// Order is an order.
type Order struct {
	ID       string `json:"id"`
	Item     string `json:"item"`
	Quantity int    `json:"quantity"`
	Shipped  bool   `json:"shipped"`
}

// Store holds the orders in memory.
type Store struct {
	mu     sync.Mutex
	orders map[string]*Order
	next   int
}

// NewStore returns an empty store.
func NewStore() *Store {
	return &Store{orders: map[string]*Order{}}
}

// Get returns the order with the given id.
func (s *Store) Get(id string) (Order, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	if !ok {
		return Order{}, apierr.Errorf(apierr.CodeOrderNotFound, "order %s not found", id)
	}
	return *o, nil
}

// Add stores a new order and returns it with its id.
func (s *Store) Add(o Order) Order {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.next++
	o.ID = strconv.Itoa(s.next)
	s.orders[o.ID] = &o
	return o
}

// Cancel deletes an order that has not shipped.
func (s *Store) Cancel(id string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	o, ok := s.orders[id]
	switch {
	case !ok:
		return apierr.Errorf(apierr.CodeOrderNotFound, "order %s not found", id)
	case o.Shipped:
		return apierr.Errorf(apierr.CodeOrderAlreadyShipped, "order %s has shipped", id)
	}
	delete(s.orders, id)
	return nil
}
