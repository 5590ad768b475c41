package handlers

import (
	"crypto/subtle"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v3"

	"example.com/fibersvc/internal/apierr"
	"example.com/fibersvc/internal/audit"
	"example.com/fibersvc/internal/respond"
)

const (
	sessionCookie = "sid"
	csrfHeader    = "X-CSRF-Token"
	csrfCookie    = "csrf"
	maxMFATries   = 5
)

// Authenticator checks credentials and manages sessions.
type Authenticator interface {
	Login(email, password string) (userID string, disabled bool, ok bool)
	Refresh(sessionID string) (newSession string, expired bool, err error)
	Logout(sessionID string)
	MFAFailures(userID string) (count int, lockedFor time.Duration)
}

type AuthHandlers struct {
	Auth Authenticator
	API  *API
}

type loginRequest struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (h *AuthHandlers) Login(c fiber.Ctx) error {
	var req loginRequest
	if err := c.Bind().Body(&req); err != nil {
		return fiber.NewError(fiber.StatusBadRequest, "malformed JSON body")
	}
	if req.Email == "" || req.Password == "" {
		return respond.ErrorDetails(c, fiber.StatusUnprocessableEntity, apierr.CodeValidation, "email and password are required", fiber.Map{"fields": []string{"email", "password"}})
	}

	userID, disabled, ok := h.Auth.Login(req.Email, req.Password)
	if !ok {
		audit.Event("auth.login_failed").On(req.Email).Status(fiber.StatusUnauthorized).Log()
		return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeInvalidCredentials, "email or password is incorrect")
	}
	if disabled {
		return respond.Error(c, fiber.StatusForbidden, apierr.CodeAccountDisabled, "account is disabled")
	}

	if n, lockedFor := h.Auth.MFAFailures(userID); n >= maxMFATries {
		c.Response().Header.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(lockedFor.Seconds())))
		return c.Status(fiber.StatusTooManyRequests).JSON(apierr.Error{Code: apierr.CodeRateLimited, Message: "too many MFA attempts", RequestID: respond.RequestID(c)})
	}

	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: userID, HTTPOnly: true, Secure: true, SameSite: "Lax"})
	return c.JSON(fiber.Map{"user_id": userID})
}

func (h *AuthHandlers) Refresh(c fiber.Ctx) error {
	sid := c.Cookies(sessionCookie)
	if sid == "" {
		return respond.Error(c, fiber.StatusUnauthorized, apierr.CodeUnauthorized, "no session")
	}
	next, expired, err := h.Auth.Refresh(sid)
	if expired {
		return c.Status(fiber.StatusForbidden).JSON(fiber.Map{"code": apierr.CodeSessionExpired, "message": "session expired", "request_id": respond.RequestID(c)})
	}
	if err != nil {
		return respond.ServerError(c, fiber.StatusInternalServerError, err)
	}
	c.Cookie(&fiber.Cookie{Name: sessionCookie, Value: next, HTTPOnly: true, Secure: true, SameSite: "Lax"})
	return c.SendStatus(fiber.StatusNoContent)
}

func (h *AuthHandlers) Logout(c fiber.Ctx) error {
	token := c.Get(csrfHeader)
	if token == "" || subtle.ConstantTimeCompare([]byte(token), []byte(c.Cookies(csrfCookie))) != 1 {
		return respond.Error(c, fiber.StatusBadRequest, "CSRF_VALIDATION_FAILED", "missing or invalid CSRF token")
	}
	h.Auth.Logout(c.Cookies(sessionCookie))
	c.ClearCookie(sessionCookie, csrfCookie)
	return c.SendStatus(fiber.StatusNoContent)
}

// PasswordReset is deliberately rate limited per account, whatever the IP.
func (h *AuthHandlers) PasswordReset(c fiber.Ctx) error {
	email := c.Query("email")
	if email == "" || !validEmail(email) {
		return respond.BadRequest(c, "a valid email query parameter is required")
	}
	if _, _, ok := h.API.Sessions.Allow("reset:" + email); !ok {
		c.Append(fiber.HeaderRetryAfter, "3600")
		return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": apierr.CodeRateLimited, "message": "a reset email was sent recently", "request_id": respond.RequestID(c)})
	}
	return c.Status(fiber.StatusAccepted).JSON(fiber.Map{"code": "RESET_QUEUED", "message": "if the account exists, an email is on its way"})
}
