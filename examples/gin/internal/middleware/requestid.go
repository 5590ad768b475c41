package middleware

import (
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/respond"
)

const headerRequestID = "X-Request-ID"

// RequestID propagates or generates a request id.
func RequestID() gin.HandlerFunc {
	return func(c *gin.Context) {
		id := c.GetHeader(headerRequestID)
		if id == "" || len(id) > 64 {
			var b [12]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		c.Set(respond.RequestIDKey, id)
		c.Header(headerRequestID, id)
		c.Next()
	}
}

// AccessLog logs one line per request.
func AccessLog() gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		c.Next()
		slog.Info("request",
			"method", c.Request.Method,
			"path", c.FullPath(),
			"status", c.Writer.Status(),
			"dur", time.Since(start),
			"request_id", c.GetString(respond.RequestIDKey),
		)
	}
}

// Recovery turns panics into a JSON 500.
func Recovery() gin.HandlerFunc {
	return gin.CustomRecovery(func(c *gin.Context, rec any) {
		slog.Error("panic", "recovered", rec, "path", c.FullPath())
		respond.Error(c, http.StatusInternalServerError, apierr.CodeInternal, "internal server error")
	})
}

// ErrorRenderer renders errors attached with c.Error / c.AbortWithError after
// the handler chain has run.
func ErrorRenderer() gin.HandlerFunc {
	return func(c *gin.Context) {
		c.Next()
		if len(c.Errors) == 0 || c.Writer.Written() {
			return
		}
		err := c.Errors.Last().Err
		c.JSON(-1, apierr.Error{
			Code:      apierr.CodeOf(err),
			Message:   err.Error(),
			RequestID: c.GetString(respond.RequestIDKey),
		})
	}
}
