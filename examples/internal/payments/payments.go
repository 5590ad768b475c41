// Package payments talks to the card processor.
package payments

import (
	"context"
	"errors"
	"sync"
)

// ErrDeclined is returned when the processor refuses a charge.
var ErrDeclined = errors.New("payments: card declined")

// Gateway charges and refunds customers.
type Gateway interface {
	Charge(ctx context.Context, userID, reference string, cents int64) error
	Refund(ctx context.Context, reference string) error
}

// Sandbox is a Gateway for local development. Charges above Limit are
// declined so the failure path can be exercised by hand.
type Sandbox struct {
	Limit int64

	mu      sync.Mutex
	charged map[string]int64
}

func (s *Sandbox) Charge(ctx context.Context, userID, reference string, cents int64) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	if s.Limit > 0 && cents > s.Limit {
		return ErrDeclined
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.charged == nil {
		s.charged = make(map[string]int64)
	}
	s.charged[reference] = cents
	return nil
}

func (s *Sandbox) Refund(ctx context.Context, reference string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.charged, reference)
	return ctx.Err()
}
