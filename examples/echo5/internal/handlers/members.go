package handlers

import (
	"errors"
	"net/http"
	"slices"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/store"
)

var roles = []string{"owner", "maintainer", "viewer"}

type addMemberRequest struct {
	UserID string `json:"user_id"`
	Email  string `json:"email"`
	Role   string `json:"role"`
}

// AddMember adds a user to a project with a role.
func (h *Handler) AddMember(c *echo.Context) error {
	var req addMemberRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	if !slices.Contains(roles, req.Role) {
		return apierr.Validation(map[string]apierr.FieldError{
			"role": {Code: "invalid_choice", Message: "Role must be owner, maintainer or viewer"},
		})
	}
	if req.UserID == "" {
		return &apierr.Error{
			Status:  http.StatusNotFound,
			Code:    apierr.CodeUnprocessable,
			Message: "No user with email " + req.Email + " in this organisation",
		}
	}
	ctx := c.Request().Context()
	if _, err := h.Store.Project(ctx, c.Param("id")); err != nil {
		return storeErr(err, "Project")
	}
	ok, err := h.Store.AddMember(ctx, store.Member{ProjectID: c.Param("id"), UserID: req.UserID, Role: req.Role})
	switch {
	case errors.Is(err, store.ErrDuplicate):
		return apierr.Conflict("User is already a member of this project")
	case err != nil:
		return apierr.Database(err)
	case !ok:
		return &apierr.Error{
			Status:  http.StatusForbidden,
			Code:    apierr.CodeSeatLimit,
			Message: "Every seat of the plan is in use",
			Details: map[string]any{"upgrade_url": "/billing/plans"},
		}
	}
	return c.NoContent(http.StatusCreated)
}

// RemoveMember removes a member; owners cannot be removed.
func (h *Handler) RemoveMember(c *echo.Context) error {
	ms, err := h.Store.Members(c.Request().Context(), c.Param("id"))
	if err != nil {
		return storeErr(err, "Project")
	}
	for _, m := range ms {
		if m.UserID != c.Param("user") {
			continue
		}
		if m.Role == "owner" {
			return apierr.FromCode(apierr.CodeForbidden, "Owners cannot be removed from their project")
		}
		return c.NoContent(http.StatusNoContent)
	}
	return echo.NewHTTPError(http.StatusNotFound, "Not found: member "+c.Param("user"))
}
