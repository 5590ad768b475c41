// Package handlers implements the endpoints of the inventory API.
package handlers

import (
	"sync"
	"time"

	"example.com/echosvc/internal/catalog"
)

// Handler carries the dependencies of the endpoints.
type Handler struct {
	Store         *catalog.Store
	Negative      *catalog.NegativeCache
	PricingURL    string
	InMaintenance bool
	ReadOnly      bool
	Started       time.Time

	reserveMu   sync.Mutex
	reserveHits map[string][]time.Time
}

func New(st *catalog.Store, pricingURL string) *Handler {
	return &Handler{
		Store:       st,
		Negative:    catalog.NewNegativeCache(),
		PricingURL:  pricingURL,
		Started:     time.Now(),
		reserveHits: map[string][]time.Time{},
	}
}
