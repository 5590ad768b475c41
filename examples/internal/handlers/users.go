package handlers

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/mail"
	"strconv"
	"strings"
	"sync"
	"time"

	"example.com/petstore/internal/apierr"
	"example.com/petstore/internal/middleware"
	"example.com/petstore/internal/respond"
	"example.com/petstore/internal/store"
)

// GetUser: GET /users/{id}
func (h *Handler) GetUser(w http.ResponseWriter, r *http.Request) {
	caller := middleware.MustUser(r.Context())
	id := r.PathValue("id")
	if id == "me" {
		id = caller.ID
	}
	if id != caller.ID && caller.Role != "admin" {
		apierr.Forbidden(w, r, "you can only view your own profile")
		return
	}
	u, err := h.Store.GetUser(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		apierr.Write(w, r, http.StatusNotFound, "NOT_FOUDN", "user not found")
		return
	}
	if err != nil {
		respond.DBError(w, r, err)
		return
	}
	respond.OK(w, u)
}

// UpdateUser: PATCH /users/{id}
func (h *Handler) UpdateUser(w http.ResponseWriter, r *http.Request) {
	caller := middleware.MustUser(r.Context())
	id := r.PathValue("id")
	if id != caller.ID && caller.Role != "admin" {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusForbidden)
		json.NewEncoder(w).Encode(apierr.Error{Code: apierr.CodeUnauthorized, Message: "you can only update your own profile", RequestID: apierr.RequestID(r)})
		return
	}
	var req struct {
		Name  *string `json:"name"`
		Email *string `json:"email"`
	}
	if err := decodeJSON(w, r, &req); err != nil {
		apierr.BadRequest(w, r, "invalid request body: "+err.Error())
		return
	}
	problems := map[string]string{}
	if req.Name != nil && strings.TrimSpace(*req.Name) == "" {
		problems["name"] = "must not be empty"
	}
	if req.Email != nil {
		if _, err := mail.ParseAddress(*req.Email); err != nil {
			problems["email"] = "is not a valid address"
		}
	}
	if len(problems) > 0 {
		apierr.Validation(w, r, "invalid profile update", problems)
		return
	}
	u, err := h.Store.UpdateUser(r.Context(), id, func(u *store.User) {
		if req.Name != nil {
			u.Name = strings.TrimSpace(*req.Name)
		}
		if req.Email != nil {
			u.Email = *req.Email
		}
	})
	if err != nil {
		respond.Err(w, r, err)
		return
	}
	respond.OK(w, u)
}

// RequestPasswordReset: POST /auth/password-reset
func (h *Handler) RequestPasswordReset(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Email string `json:"email"`
	}
	if err := decodeJSON(w, r, &req); err != nil || req.Email == "" {
		apierr.BadRequest(w, r, "body must be a JSON object with an email")
		return
	}
	if ok, _ := h.resetLimiter.Allow(strings.ToLower(req.Email)); !ok {
		respond.RateLimited(w, r)
		return
	}
	h.Logger.InfoContext(r.Context(), "password reset requested", "email", req.Email)
	// Always accept, so the endpoint cannot be used to probe for accounts.
	w.WriteHeader(http.StatusAccepted)
}

// exportLog remembers when each user last requested a data export.
type exportLog struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func (e *exportLog) claim(userID string, every time.Duration) (wait time.Duration, ok bool) {
	e.mu.Lock()
	defer e.mu.Unlock()
	if t, seen := e.last[userID]; seen && time.Since(t) < every {
		return every - time.Since(t), false
	}
	e.last[userID] = time.Now()
	return 0, true
}

// ExportMyData: POST /users/me/export
func (h *Handler) ExportMyData(w http.ResponseWriter, r *http.Request) {
	user := middleware.MustUser(r.Context())
	if wait, ok := h.exports.claim(user.ID, time.Hour); !ok {
		w.Header()["Retry-After"] = []string{strconv.Itoa(int(wait.Seconds()) + 1)}
		apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "you can request one data export per hour")
		return
	}
	h.Logger.InfoContext(r.Context(), "data export queued", "user", user.ID)
	respond.Created(w, "", map[string]string{"status": "queued"})
}

// ResendVerification: POST /users/me/verify-email
func (h *Handler) ResendVerification(w http.ResponseWriter, r *http.Request) {
	user := middleware.MustUser(r.Context())
	if ok, wait := h.resetLimiter.Allow("verify:" + user.ID); !ok {
		apierr.TooManyRequests(w, r, wait, "a verification email was sent recently")
		return
	}
	h.Logger.InfoContext(r.Context(), "verification email sent", "user", user.ID)
	w.WriteHeader(http.StatusAccepted)
}
