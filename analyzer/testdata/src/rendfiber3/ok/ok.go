// Package ok: a fiber v3 app whose renderer is right draws nothing, at // want package:"holds error helpers or types" package:`renders\(github.com/gofiber/fiber/v3.Error status=Code by ok.render; rendfiber3/ok.apiError status=Status code=Code retryafter=RetryAfter by ok.render\)`
// the renderer (the documented body with a run-time status) or where
// error values are built.
package ok

import (
	"errors"
	"net/http"
	"strconv"

	"github.com/gofiber/fiber/v3"
)

type apiError struct {
	Status     int    `json:"-"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter int    `json:"-"` // seconds
}

func (e *apiError) Error() string { return e.Message }

func main() {
	_ = fiber.New(fiber.Config{ErrorHandler: render})
}

func render(c fiber.Ctx, err error) error { // want render:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)` render:`helper\(writes retryafter\)`
	var e *apiError
	if errors.As(err, &e) {
		if e.RetryAfter > 0 {
			c.Set("Retry-After", strconv.Itoa(e.RetryAfter))
		}
		return c.Status(e.Status).JSON(e)
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		if fe.Code == http.StatusTooManyRequests {
			c.Set("Retry-After", "30")
		}
		return c.Status(fe.Code).JSON(fiber.Map{"code": codeOf(fe.Code), "message": fe.Message})
	}
	if c.Method() == http.MethodHead {
		return c.SendStatus(fiber.StatusInternalServerError)
	}
	return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
}

func codeOf(status int) string {
	switch status {
	case 404:
		return "NOT_FOUND"
	case 429:
		return "RATE_LIMIT_EXCEEDED"
	}
	return "INTERNAL_ERROR"
}

func get(c fiber.Ctx) error {
	switch c.Query("x") {
	case "a":
		return &apiError{Status: 404, Code: "NOT_FOUND", Message: "no such item"}
	case "b":
		return &apiError{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down", RetryAfter: 30}
	case "c":
		return fiber.NewError(fiber.StatusTooManyRequests, "slow down") // the renderer sets Retry-After
	}
	return fiber.ErrTooManyRequests
}
