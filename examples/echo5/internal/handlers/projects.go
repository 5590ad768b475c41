package handlers

import (
	"net/http"
	"regexp"
	"strings"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/middleware"
	"example.com/echo5svc/internal/respond"
	"example.com/echo5svc/internal/store"
)

var slugPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,62}$`)

type createProjectRequest struct {
	Name string `json:"name"`
	Slug string `json:"slug"`
}

// ListProjects returns the caller's projects, oldest first.
func (h *Handler) ListProjects(c *echo.Context) error {
	u, _ := middleware.CurrentUser(c)
	ps, err := h.Store.Projects(c.Request().Context(), u.ID)
	if err != nil {
		return apierr.Database(err)
	}
	return respond.JSON(c, http.StatusOK, respond.Page[store.Project]{Items: ps})
}

// GetProject returns one project.
func (h *Handler) GetProject(c *echo.Context) error {
	p, err := h.Store.Project(c.Request().Context(), c.Param("id"))
	if err != nil {
		return storeErr(err, "Project "+c.Param("id"))
	}
	if u, _ := middleware.CurrentUser(c); p.OwnerID != u.ID && !u.Admin {
		return apierr.NotFound("Project " + p.ID)
	}
	return c.JSON(http.StatusOK, p)
}

// CreateProject creates a project owned by the caller.
func (h *Handler) CreateProject(c *echo.Context) error {
	var req createProjectRequest
	if err := c.Bind(&req); err != nil {
		return err
	}
	fields := map[string]apierr.FieldError{}
	if strings.TrimSpace(req.Name) == "" {
		fields["name"] = apierr.FieldError{Code: "required", Message: "Name is required"}
	}
	if req.Slug == "" {
		fields["slug"] = apierr.FieldError{Code: "required", Message: "Slug is required"}
	}
	if len(fields) > 0 {
		return apierr.Validation(fields)
	}
	if !slugPattern.MatchString(req.Slug) {
		return apierr.New(http.StatusBadRequest, apierr.CodeValidation, "Slug may only contain lowercase letters, digits and dashes").
			WithDetail("slug", apierr.FieldError{Code: "invalid_format", Message: "Invalid slug format"})
	}
	u, _ := middleware.CurrentUser(c)
	p := store.Project{
		ID:        newID(),
		Slug:      req.Slug,
		Name:      strings.TrimSpace(req.Name),
		OwnerID:   u.ID,
		CreatedAt: time.Now().UTC(),
	}
	switch err := h.Store.CreateProject(c.Request().Context(), p); {
	case err == store.ErrDuplicate:
		return apierr.New(http.StatusConflict, "DUPLICATE_SLUG", "A project with slug "+req.Slug+" already exists")
	case err != nil:
		return apierr.Database(err)
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/projects/"+p.ID)
	return c.JSON(http.StatusCreated, p)
}

// ArchiveProject schedules a project for archival.
func (h *Handler) ArchiveProject(c *echo.Context) error {
	ctx := c.Request().Context()
	p, err := h.Store.Project(ctx, c.Param("id"))
	if err != nil {
		return storeErr(err, "Project")
	}
	if p.Archived {
		return apierr.Conflict("Conflict: project " + p.Slug + " is already archived")
	}
	if err := h.Store.ArchiveProject(ctx, p.ID); err != nil {
		return storeErr(err, "Project")
	}
	return c.JSON(http.StatusAccepted, map[string]any{
		"code":    "ARCHIVE_SCHEDULED",
		"message": "The project will be archived within a few minutes",
	})
}

func newID() string {
	return strings.ReplaceAll(time.Now().UTC().Format("20060102150405.000000000"), ".", "")
}
