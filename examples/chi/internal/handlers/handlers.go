// Package handlers implements the catalog API endpoints.
package handlers

import (
	"errors"
	"net/http"
	"strconv"

	"example.com/chisvc/internal/apierr"
	"example.com/chisvc/internal/catalog"
)

// Handlers groups the dependencies of the endpoints.
type Handlers struct {
	Store   *catalog.Store
	Pricing *PricingClient
	HotSKUs *HotSKULimiter
	Build   string
}

func statusFor(err error) int {
	switch {
	case errors.Is(err, catalog.ErrNotFound):
		return http.StatusNotFound
	case errors.Is(err, catalog.ErrDuplicate):
		return http.StatusConflict
	case errors.Is(err, catalog.ErrBackend):
		return http.StatusServiceUnavailable
	default:
		return http.StatusInternalServerError
	}
}

func codeFor(err error) apierr.Code {
	switch {
	case errors.Is(err, catalog.ErrNotFound):
		return apierr.CodeNotFound
	case errors.Is(err, catalog.ErrDuplicate):
		return apierr.CodeConflict
	case errors.Is(err, catalog.ErrBackend):
		return apierr.CodeUnavailable
	default:
		return apierr.CodeInternal
	}
}

func intQuery(r *http.Request, name string, def, max int) int {
	n, err := strconv.Atoi(r.URL.Query().Get(name))
	if err != nil || n < 0 {
		return def
	}
	return min(n, max)
}
