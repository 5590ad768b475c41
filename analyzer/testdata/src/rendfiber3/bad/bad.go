// Package bad: a fiber v3 renderer that writes the wrong body with a // want package:"holds error helpers or types" package:`renders\(github.com/gofiber/fiber/v3.Error status=Code noretryafter by the func literal in bad.main; rendfiber3/bad.apiError status=Status code=Code retryafter=RetryAfter by the func literal in bad.main\)`
// run-time status, answers unknown errors with a 400, and takes
// Retry-After from a field that values leave unset.
package bad

import (
	"errors"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v3"
)

type apiError struct {
	Status     int
	Code       string
	Message    string
	RetryAfter time.Duration
}

func (e *apiError) Error() string { return e.Message }

type wrongBody struct { // want `error-body-shape: wrongBody encodes as \{"statusCode", "error"\}: no "code" and no "message" key; send`
	StatusCode int    `json:"statusCode"`
	Error      string `json:"error"`
}

func main() {
	_ = fiber.New(fiber.Config{ErrorHandler: func(c fiber.Ctx, err error) error {
		var e *apiError
		if errors.As(err, &e) {
			c.Set("Retry-After", strconv.Itoa(int(e.RetryAfter.Seconds())))
			return c.Status(e.Status).JSON(fiber.Map{"code": e.Code, "message": e.Message})
		}
		if fe, ok := err.(*fiber.Error); ok {
			return c.Status(fe.Code).JSON(wrongBody{StatusCode: fe.Code, Error: fe.Message})
		}
		return c.Status(fiber.StatusBadRequest).JSON(fiber.Map{"code": "BAD_REQUEST", "message": err.Error()}) // want `status-mismatch: the func literal in main sends BAD_REQUEST, documented with 400, to the errors it does not recognise; send a code documented with 500 \(INTERNAL_ERROR or DATABASE_ERROR\)`
	}})
}

func limited(c fiber.Ctx) error {
	return &apiError{Status: 429, Code: "RATE_LIMIT_EXCEEDED", Message: "slow down"} // want `missing-retry-after: a RATE_LIMIT_EXCEEDED error \(429\) leaves its RetryAfter field unset, which the func literal in bad.main sends as the Retry-After header; set RetryAfter`
}

func wrongPair(c fiber.Ctx) error {
	return &apiError{Status: 400, Code: "NOT_FOUND", Message: "x"} // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}
