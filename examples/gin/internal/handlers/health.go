package handlers

import (
	"context"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/respond"
)

// Healthz is the liveness probe.
func (h *Handler) Healthz(c *gin.Context) {
	c.String(http.StatusOK, "ok")
}

// Readyz is the readiness probe.
func (h *Handler) Readyz(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), time.Second)
	defer cancel()
	if err := h.Store.Ping(ctx); err != nil {
		respond.Error(c, http.StatusServiceUnavailable, apierr.CodeUnavailable, "store not ready")
		return
	}
	respond.Text(c, http.StatusOK, "ready")
}

// Version reports build information.
func (h *Handler) Version(c *gin.Context) {
	c.JSON(http.StatusOK, gin.H{"version": h.Cfg.Version, "started_at": h.Started.Format(time.RFC3339)})
}

// NoRoute renders unknown paths.
func NoRoute(c *gin.Context) {
	respond.NotFound(c, "no such endpoint: "+c.Request.URL.Path)
}

// NoMethod renders known paths with a wrong method.
func NoMethod(c *gin.Context) {
	c.JSON(http.StatusMethodNotAllowed, gin.H{"code": apierr.CodeBadRequest, "message": "method not allowed", "request_id": c.GetString(respond.RequestIDKey)})
}
