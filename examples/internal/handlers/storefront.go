package handlers

import (
	"encoding/json"
	"net/http"
	"time"

	"example.com/petstore/internal/respond"
)

// Banner is a promotional strip shown at the top of the storefront.
type Banner struct {
	Code     string    `json:"code"`
	Message  string    `json:"message"`
	LinkURL  string    `json:"link_url,omitempty"`
	StartsAt time.Time `json:"starts_at"`
	EndsAt   time.Time `json:"ends_at"`
}

// Announcement is a site-wide notice, e.g. planned downtime.
type Announcement struct {
	Code     string `json:"code"`
	Message  string `json:"message"`
	Severity string `json:"severity"`
}

var banners = []Banner{
	{Code: "SPRING_SALE", Message: "20% off all aquariums this week", LinkURL: "/pets?species=fish",
		StartsAt: time.Date(2026, 3, 20, 0, 0, 0, 0, time.UTC), EndsAt: time.Date(2026, 3, 27, 0, 0, 0, 0, time.UTC)},
	{Code: "FREE_SHIPPING", Message: "Free shipping on orders over $50",
		StartsAt: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC), EndsAt: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)},
}

// ListBanners: GET /storefront/banners
func (h *Handler) ListBanners(w http.ResponseWriter, r *http.Request) {
	now := time.Now()
	active := make([]Banner, 0, len(banners))
	for _, b := range banners {
		if now.After(b.StartsAt) && now.Before(b.EndsAt) {
			active = append(active, b)
		}
	}
	respond.OK(w, active)
}

// CurrentAnnouncement: GET /storefront/announcement
func (h *Handler) CurrentAnnouncement(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "public, max-age=60")
	if h.Maintenance != nil && h.Maintenance.Enabled() {
		w.WriteHeader(http.StatusOK)
		json.NewEncoder(w).Encode(Announcement{Code: "MAINTENANCE_IN_PROGRESS", Message: "Ordering is paused while we upgrade the store.", Severity: "warning"})
		return
	}
	json.NewEncoder(w).Encode(Announcement{Code: "WELCOME", Message: "Adopt, don't shop: see our rescue pets.", Severity: "info"})
}
