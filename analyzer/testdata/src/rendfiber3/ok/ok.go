// Package ok: a fiber v3 app whose renderers are right draws nothing, at // want package:"holds error helpers or types" package:`renders\(github.com/gofiber/fiber/v3.Error by ok.byStatus; rendfiber3/ok.apiError status=Status code=Code retryafter=RetryAfter by ok.render; rendfiber3/ok.defaulted status=Status code=Code by ok.renderDefaults; rendfiber3/ok.viaMethod status=Status code=Code retryafter=waitSeconds\(\) by ok.renderDefaults\)`
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

func render(c fiber.Ctx, err error) error { // want render:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)` render:`helper\(writes retryafter\(some paths\)\)`
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

// Look-alikes.

// respond is of fiber.ErrorHandler's type but writes the success too: on
// the path where err is nil nothing is an error response.
func respond(c fiber.Ctx, err error) error { // want respond:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)`
	if err != nil {
		return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
	}
	return c.Status(c.Res().Response().StatusCode()).JSON(fiber.Map{"data": "ok"})
}

// send is a JSON helper that handlers share with the renderer below: not
// a writer of the renderer, its run-time status is its callers' business.
func send(c fiber.Ctx, v any) error { // want send:`helper\(body=1 writes\)`
	return c.Status(c.Res().Response().StatusCode()).JSON(v)
}

func list(c fiber.Ctx) error {
	return send(c, fiber.Map{"items": []string{}})
}

// byStatus dispatches on a status read from the error: its branches are
// the recognised errors', not the fallback's.
func byStatus(c fiber.Ctx, err error) error { // want byStatus:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)` byStatus:`helper\(writes retryafter\(some paths\)\)`
	code := fiber.StatusInternalServerError
	if fe, ok := err.(*fiber.Error); ok {
		code = fe.Code
	}
	if code == fiber.StatusNotFound {
		return c.Status(fiber.StatusNotFound).JSON(fiber.Map{"code": "NOT_FOUND", "message": "not found"})
	}
	if code == fiber.StatusTooManyRequests {
		c.Set("Retry-After", "10")
		return send(c, fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"})
	}
	return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
}

func init() {
	_ = fiber.New(fiber.Config{ErrorHandler: byStatus})
}

// Retry-After from a field with a default when it is unset, or from a
// method that is not a plain accessor: nothing is required of the values.

type defaulted struct {
	Status     int    `json:"-"`
	Code       string `json:"code"`
	Message    string `json:"message"`
	RetryAfter int    `json:"-"`
}

func (e *defaulted) Error() string { return e.Message }

type viaMethod struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
	wait    int
}

func (e *viaMethod) Error() string { return e.Message }

func (e *viaMethod) waitSeconds() int {
	if e.wait > 0 {
		return e.wait
	}
	return 60
}

func renderDefaults(c fiber.Ctx, err error) error { // want renderDefaults:`renderer\(fiber fallback=500 fallbackcode=INTERNAL_ERROR\)` renderDefaults:`helper\(writes retryafter\(some paths\)\)`
	var d *defaulted
	if errors.As(err, &d) {
		secs := 60
		if d.RetryAfter > 0 {
			secs = d.RetryAfter
		}
		c.Set("Retry-After", strconv.Itoa(secs))
		return c.Status(d.Status).JSON(d)
	}
	var m *viaMethod
	if errors.As(err, &m) {
		c.Set("Retry-After", strconv.Itoa(m.waitSeconds()))
		return c.Status(m.Status).JSON(m)
	}
	return c.Status(fiber.StatusInternalServerError).JSON(fiber.Map{"code": "INTERNAL_ERROR", "message": "internal error"})
}

func limitedDefaults(c fiber.Ctx) error {
	if c.Query("m") != "" {
		return &viaMethod{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}
	}
	return &defaulted{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"}
}
