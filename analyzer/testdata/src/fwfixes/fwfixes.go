// Package fwfixes: the fixes in framework code: each framework's own
// header call for Retry-After, the documented status, the nearest code.
package fwfixes

import (
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/gofiber/fiber/v2"
	"github.com/labstack/echo/v4"
)

func ginLimited(c *gin.Context) {
	c.JSON(http.StatusTooManyRequests, gin.H{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func echoLimited(c echo.Context) error {
	return c.JSON(http.StatusTooManyRequests, echo.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func fiberLimited(c *fiber.Ctx) error {
	return c.Status(fiber.StatusTooManyRequests).JSON(fiber.Map{"code": "RATE_LIMIT_EXCEEDED", "message": "slow down"}) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

func ginMismatch(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"code": "NOT_FOUND", "message": "no such pet"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}

func fiberMismatch(c *fiber.Ctx) error {
	return c.Status(409).JSON(fiber.Map{"code": "NOT_FOUND", "message": "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
}

func echoTypo(c echo.Context) error {
	return c.JSON(http.StatusNotFound, echo.Map{"code": "NOT_FOUDN", "message": "x"}) // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}
