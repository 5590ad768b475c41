package handlers

import (
	"encoding/hex"
	"errors"
	"net/http"
	"net/mail"
	"strings"

	"github.com/gin-gonic/gin"
	"golang.org/x/crypto/bcrypt"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/middleware"
	"example.com/ginsvc/internal/respond"
	"example.com/ginsvc/internal/store"
)

type registerRequest struct {
	Email    string `json:"email"`
	Name     string `json:"name"`
	Password string `json:"password"`
}

func (r registerRequest) validate() map[string]string {
	fields := map[string]string{}
	if _, err := mail.ParseAddress(r.Email); err != nil {
		fields["email"] = "must be a valid email address"
	}
	if strings.TrimSpace(r.Name) == "" {
		fields["name"] = "is required"
	}
	if len(r.Password) < 10 {
		fields["password"] = "must be at least 10 characters"
	}
	return fields
}

// Register creates a user account.
func (h *Handler) Register(c *gin.Context) {
	var req registerRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		respond.BadRequest(c, "request body must be valid JSON")
		return
	}
	if fields := req.validate(); len(fields) > 0 {
		respond.Validation(c, fields)
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(req.Password), bcrypt.DefaultCost)
	if err != nil {
		respond.Internal(c, err)
		return
	}
	u := &store.User{Email: strings.ToLower(req.Email), Name: req.Name, Role: "customer", Password: string(hash)}
	if err := h.Store.CreateUser(c.Request.Context(), u); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			respond.Error(c, http.StatusConflict, "EMAIL_TAKEN", "an account with this email already exists")
			return
		}
		respond.Internal(c, err)
		return
	}
	respond.Created(c, "/v1/users/"+u.ID, u)
}

type loginRequest struct {
	Email    string `json:"email" binding:"required"`
	Password string `json:"password" binding:"required"`
}

// Login exchanges credentials for a bearer token.
func (h *Handler) Login(c *gin.Context) {
	var req loginRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		respond.BadRequest(c, "email and password are required")
		return
	}
	u, err := h.Store.UserByEmail(c.Request.Context(), strings.ToLower(req.Email))
	if err == nil {
		err = bcrypt.CompareHashAndPassword([]byte(u.Password), []byte(req.Password))
	}
	if err != nil {
		h.Throttle.Fail(c.ClientIP())
		h.Audit.String(http.StatusUnauthorized, "failed login for %q from %s", req.Email, c.ClientIP())
		respond.Error(c, http.StatusUnauthorized, apierr.CodeInvalidCredentials, "email or password is incorrect")
		return
	}
	if u.Disabled {
		respond.Err(c, apierr.ErrAccountDisabled)
		return
	}
	token := h.Tokens.Issue(u.ID, u.Role, h.Cfg.TokenTTL)
	respond.OK(c, gin.H{"token": token, "expires_in": int(h.Cfg.TokenTTL.Seconds())})
}

func validID(id string) bool {
	_, err := hex.DecodeString(id)
	return err == nil && len(id) == 16
}

// GetUser returns a user by id.
func (h *Handler) GetUser(c *gin.Context) {
	id := c.Param("id")
	if !validID(id) {
		c.String(http.StatusBadRequest, "invalid user id")
		return
	}
	u, err := h.Store.User(c.Request.Context(), id)
	switch {
	case errors.Is(err, store.ErrNotFound):
		respond.NotFound(c, "user not found")
		return
	case err != nil:
		respond.Internal(c, err)
		return
	}
	c.JSON(http.StatusOK, u)
}

// Me returns the authenticated user.
func (h *Handler) Me(c *gin.Context) {
	cl := middleware.ClaimsFrom(c)
	u, err := h.Store.User(c.Request.Context(), cl.UserID)
	if err != nil {
		respond.Err(c, err)
		return
	}
	respond.OK(c, u)
}

type updateUserRequest struct {
	Name *string `json:"name"`
	Role *string `json:"role"`
}

var allowedRoles = map[string]bool{"customer": true, "support": true, "admin": true}

// UpdateUser patches a user's profile.
func (h *Handler) UpdateUser(c *gin.Context) {
	var req updateUserRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		respond.BadRequest(c, "request body must be valid JSON")
		return
	}
	u, err := h.Store.User(c.Request.Context(), c.Param("id"))
	if err != nil {
		status, code := http.StatusInternalServerError, apierr.CodeDatabase
		if errors.Is(err, store.ErrNotFound) {
			status, code = http.StatusNotFound, apierr.CodeNotFound
		}
		respond.Error(c, status, code, "could not load user")
		return
	}
	if req.Name != nil {
		u.Name = strings.TrimSpace(*req.Name)
	}
	if req.Role != nil {
		if !allowedRoles[*req.Role] {
			c.JSON(http.StatusUnprocessableEntity, apierr.Error{Code: "INVALID_ROLE", Message: "role must be one of customer, support, admin"})
			return
		}
		if cl := middleware.ClaimsFrom(c); cl == nil || cl.Role != "admin" {
			respond.Forbidden(c, "only admins can change roles")
			return
		}
		u.Role = *req.Role
	}
	if err := h.Store.UpdateUser(c.Request.Context(), u); err != nil {
		respond.Internal(c, err)
		return
	}
	respond.OK(c, u)
}
