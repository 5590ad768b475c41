// Package rendgin: gin middlewares that render the errors of the handlers // want package:"holds error helpers or types" package:`renders\(rendgin.apiError code=Code by rendgin.Render\)`
// after them (c.Next(), then c.Errors).
package rendgin

import (
	"errors"
	"net/http"

	"github.com/gin-gonic/gin"
)

type apiError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *apiError) Error() string { return e.Message }

// gotify's shape: the status the handler aborted with, a body of its own.
type model struct { // want `error-body-shape: model encodes as \{"error", "errorCode", "errorDescription"\}: no "code" and no "message" key; send`
	Error            string `json:"error"`
	ErrorCode        int    `json:"errorCode"`
	ErrorDescription string `json:"errorDescription"`
}

// Handler renders c.Errors through writeError, a writer of its own.
func Handler() gin.HandlerFunc { // want Handler:`renderer\(gin\)`
	return func(c *gin.Context) {
		c.Next()
		for _, e := range c.Errors {
			switch e.Type {
			case gin.ErrorTypeBind:
				writeError(c, "bind: "+e.Error())
			default:
				writeError(c, e.Err.Error())
			}
		}
	}
}

func writeError(ctx *gin.Context, msg string) {
	status := http.StatusBadRequest
	if ctx.Writer.Status() != http.StatusOK {
		status = ctx.Writer.Status()
	}
	ctx.JSON(status, &model{Error: http.StatusText(status), ErrorCode: status, ErrorDescription: msg})
}

// Render renders the last error: apiError values with their own code, the
// rest as a 500.
func Render(c *gin.Context) { // want Render:`renderer\(gin fallback=500 fallbackcode=INTERNAL_ERROR\)`
	c.Next()
	last := c.Errors.Last()
	if last == nil {
		return
	}
	var e *apiError
	if errors.As(last.Err, &e) {
		c.JSON(c.Writer.Status(), e)
		return
	}
	c.JSON(http.StatusInternalServerError, apiError{Code: "INTERNAL_ERROR", Message: "internal error"})
}

// The status is written at once by AbortWithError; the renderer writes
// the value's code: the two must agree.
func conflict(c *gin.Context) {
	c.AbortWithError(http.StatusConflict, &apiError{Code: "NOT_FOUND", Message: "x"}) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
}

func notFound(c *gin.Context) {
	c.AbortWithError(http.StatusNotFound, &apiError{Code: "NOT_FOUND", Message: "x"})
}

func plain(c *gin.Context, err error) {
	c.AbortWithError(http.StatusBadGateway, err)
}

// Logger reads c.Errors after c.Next() but writes nothing: no finding.
func Logger() gin.HandlerFunc { // want Logger:`renderer\(gin\)`
	return func(c *gin.Context) {
		c.Next()
		if errs := c.Errors.ByType(gin.ErrorTypeBind); len(errs) > 0 {
			println(errs.Last().Error())
		}
	}
}
