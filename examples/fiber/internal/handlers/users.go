package handlers

import (
	"errors"
	"os"
	"path/filepath"
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/audit"
	"example.com/fibersvc/internal/middleware"
	"example.com/fibersvc/internal/respond"
	"example.com/fibersvc/internal/store"
)

type createUserRequest struct {
	Email string `json:"email"`
	Name  string `json:"name"`
	Role  string `json:"role"`
}

type updateUserRequest struct {
	Name     *string `json:"name"`
	Role     *string `json:"role"`
	Disabled *bool   `json:"disabled"`
}

func (a *API) ListUsers(c fiber.Ctx) error {
	users, err := a.Store.Users(c.Context(), limitQuery(c, 50, 500))
	if err != nil {
		return respond.HTTPError(c, apierr.Database(err))
	}
	return c.JSON(fiber.Map{"items": users, "count": len(users)})
}

func (a *API) GetUser(c fiber.Ctx) error {
	id, ok := userIDParam(c)
	if !ok {
		return respond.BadRequest(c, "invalid user id")
	}
	u, err := a.Store.User(c.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		return respond.HTTPError(c, apierr.NotFound("user"))
	}
	if err != nil {
		return respond.ServerError(c, fiber.StatusInternalServerError, err)
	}
	return c.JSON(u)
}

func (a *API) CreateUser(c fiber.Ctx) error {
	var req createUserRequest
	if err := c.Bind().Body(&req); err != nil {
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{
			"code":       apierr.CodeBadRequest,
			"message":    "malformed JSON body",
			"request_id": respond.RequestID(c),
		})
	}

	fields := map[string]string{}
	if !validEmail(req.Email) {
		fields["email"] = "must be a valid address"
	}
	if req.Name == "" {
		fields["name"] = "is required"
	}
	if len(fields) > 0 {
		return respond.Unprocessable(c, apierr.CodeValidation, "request validation failed", fields)
	}

	u := store.User{
		ID:        newID(),
		Email:     req.Email,
		Name:      req.Name,
		Role:      req.Role,
		CreatedAt: time.Now().UTC(),
	}
	if err := a.Store.CreateUser(c.Context(), u); err != nil {
		if errors.Is(err, store.ErrDuplicate) {
			return respond.Error(c, fiber.StatusConflict, "EMAIL_TAKEN", "email is already registered")
		}
		return respond.HTTPError(c, apierr.Database(err))
	}
	c.Location("/v1/users/" + u.ID)
	return respond.JSON(c, fiber.StatusCreated, u)
}

func (a *API) UpdateUser(c fiber.Ctx) error {
	id, ok := userIDParam(c)
	if !ok {
		return respond.BadRequest(c, "invalid user id")
	}
	var req updateUserRequest
	if err := c.Bind().Body(&req); err != nil {
		return respond.Unprocessable(c, apierr.CodeBadRequest, "body does not match the user schema", nil)
	}

	u, err := a.Store.User(c.Context(), id)
	if err != nil {
		status := fiber.StatusInternalServerError
		code := apierr.CodeDatabase
		if errors.Is(err, store.ErrNotFound) {
			status = fiber.StatusNotFound
			code = apierr.CodeNotFound
		}
		return respond.Error(c, status, code, err.Error())
	}

	if req.Disabled != nil && *req.Disabled {
		claims := middleware.ClaimsFrom(c)
		if claims != nil && claims.Subject == u.ID {
			return respond.Error(c, fiber.StatusConflict, apierr.CodeConflict, "you cannot disable your own account")
		}
		u.Disabled = true
	}
	if req.Name != nil {
		u.Name = *req.Name
	}
	if req.Role != nil {
		u.Role = *req.Role
	}
	if err := a.Store.UpdateUser(c.Context(), u); err != nil {
		return respond.Error(c, statusFor(err), codeFor(err), "could not update user")
	}
	return c.JSON(u)
}

func (a *API) DeleteUser(c fiber.Ctx) error {
	id, ok := userIDParam(c)
	if !ok {
		return respond.BadRequest(c, "invalid user id")
	}
	claims := middleware.ClaimsFrom(c)
	if err := a.Store.DeleteUser(c.Context(), id); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return c.Status(fiber.StatusNotFound).JSON(apierr.Error{Code: apierr.CodeNotFound, Message: "user not found", RequestID: respond.RequestID(c)})
		}
		return respond.HTTPError(c, apierr.Database(err))
	}
	audit.Event("user.delete").Actor(claims.Subject).On(id).Status(fiber.StatusNoContent).Log()
	return c.SendStatus(fiber.StatusNoContent)
}

// Avatar serves the user's uploaded avatar image.
func (a *API) Avatar(c fiber.Ctx) error {
	id, ok := userIDParam(c)
	if !ok {
		return fiber.NewError(fiber.StatusBadRequest, "invalid user id")
	}
	u, err := a.Store.User(c.Context(), id)
	if err != nil {
		return respond.HTTPError(c, apierr.NotFound("user"))
	}
	path := filepath.Join("data", "avatars", filepath.Base(u.Avatar))
	if _, err := os.Stat(path); err != nil {
		return c.Status(fiber.StatusNotFound).SendString("avatar not found")
	}
	c.Set(fiber.HeaderCacheControl, "public, max-age=3600")
	return c.SendFile(path)
}

func newID() string {
	return time.Now().UTC().Format("20060102150405.000000000")
}
