package handlers

import (
	"context"
	"errors"
	"io"
	"net/http"
	"sync/atomic"
	"time"

	"github.com/gin-gonic/gin"

	"example.com/ginsvc/internal/apierr"
	"example.com/ginsvc/internal/respond"
	"example.com/ginsvc/internal/store"
)

var errReindexRunning = errors.New("reindex already running")

var reindexing atomic.Bool

// DisableUser blocks a user account.
func (h *Handler) DisableUser(c *gin.Context) {
	u, err := h.Store.User(c.Request.Context(), c.Param("id"))
	if errors.Is(err, store.ErrNotFound) {
		c.JSON(http.StatusBadRequest, apierr.Error{Code: apierr.CodeNotFound, Message: "user not found"})
		return
	}
	if err != nil {
		respond.Internal(c, err)
		return
	}
	if u.Role == "admin" {
		h.Audit.String(http.StatusForbidden, "attempt to disable admin %s", u.ID)
		respond.Error(c, http.StatusForbidden, apierr.CodeForbidden, "admins cannot be disabled")
		return
	}
	u.Disabled = true
	if err := h.Store.UpdateUser(c.Request.Context(), u); err != nil {
		respond.Internal(c, err)
		return
	}
	h.Audit.JSON(http.StatusOK, gin.H{"action": "disable_user", "user_id": u.ID})
	c.JSON(http.StatusOK, u)
}

// Reindex starts a background reindex of the search index.
func (h *Handler) Reindex(c *gin.Context) {
	if !reindexing.CompareAndSwap(false, true) {
		_ = c.AbortWithError(http.StatusTooManyRequests, errReindexRunning)
		c.Header("Retry-After", "120")
		return
	}
	go func() {
		defer reindexing.Store(false)
		time.Sleep(2 * time.Second)
	}()
	c.JSON(http.StatusAccepted, gin.H{"status": "reindex started"})
}

// Compact runs a store compaction; failures are rendered by ErrorRenderer.
func (h *Handler) Compact(c *gin.Context) {
	ctx, cancel := context.WithTimeout(c.Request.Context(), 5*time.Second)
	defer cancel()
	if err := h.Store.Ping(ctx); err != nil {
		_ = c.AbortWithError(http.StatusInternalServerError, err)
		return
	}
	if reindexing.Load() {
		c.Header("Retry-After", "30")
		_ = c.AbortWithError(http.StatusTooManyRequests, errReindexRunning)
		return
	}
	c.Status(http.StatusNoContent)
}

// BillingProxy forwards invoice lookups to the billing service.
func (h *Handler) BillingProxy(c *gin.Context) {
	req, err := http.NewRequestWithContext(c.Request.Context(), http.MethodGet, h.Cfg.BillingURL+"/invoices/"+c.Param("id"), nil)
	if err != nil {
		respond.Internal(c, err)
		return
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		respond.Error(c, http.StatusServiceUnavailable, apierr.CodeUnavailable, "billing service unreachable")
		return
	}
	defer resp.Body.Close()

	respond.CopyHeaders(c, resp.Header)
	if resp.StatusCode == http.StatusTooManyRequests {
		c.AbortWithStatusJSON(http.StatusTooManyRequests, apierr.Error{Code: apierr.CodeRateLimited, Message: "billing service is rate limiting"})
		return
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		respond.Internal(c, err)
		return
	}
	if resp.StatusCode >= 500 {
		c.String(resp.StatusCode, string(body))
		return
	}
	c.Data(resp.StatusCode, resp.Header.Get("Content-Type"), body)
}

// Maintenance reports whether the service is in maintenance mode. The deploy
// script greps the body.
func (h *Handler) Maintenance(c *gin.Context) {
	if h.Cfg.Maintenance {
		respond.Text(c, http.StatusServiceUnavailable, "maintenance in progress")
		return
	}
	respond.Text(c, http.StatusOK, "serving")
}

// Stats returns basic runtime stats.
func (h *Handler) Stats(c *gin.Context) {
	c.IndentedJSON(http.StatusOK, gin.H{
		"uptime_seconds": int(time.Since(h.Started).Seconds()),
		"reindexing":     reindexing.Load(),
		"version":        h.Cfg.Version,
	})
}
