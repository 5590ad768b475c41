// Package handlers implements the HTTP API. Handlers return errors; the
// renderer installed in main writes them.
package handlers

import (
	"errors"
	"log/slog"
	"net/http"
	"sync"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/config"
	"example.com/echo5svc/internal/middleware"
	"example.com/echo5svc/internal/ratelimit"
	"example.com/echo5svc/internal/store"
)

// Handler carries the dependencies of the API handlers.
type Handler struct {
	Store   *store.Memory
	Cfg     config.Config
	Logger  *slog.Logger
	Exports *ExportQueue
	Search  *SearchClient
	Reports *ratelimit.Quota
	Uploads sync.Map // content hash → bytes
}

// New wires a Handler.
func New(st *store.Memory, cfg config.Config, logger *slog.Logger) *Handler {
	return &Handler{
		Store:   st,
		Cfg:     cfg,
		Logger:  logger,
		Exports: NewExportQueue(cfg.ExportSlots),
		Search:  NewSearchClient(cfg.SearchURL),
		Reports: ratelimit.NewQuota(30, time.Hour),
	}
}

// Register mounts the authenticated API routes on g.
func (h *Handler) Register(g *echo.Group) {
	g.GET("/projects", h.ListProjects)
	g.POST("/projects", h.CreateProject)
	g.GET("/projects/:id", h.GetProject)
	g.POST("/projects/:id/archive", h.ArchiveProject)

	g.POST("/projects/:id/members", h.AddMember)
	g.DELETE("/projects/:id/members/:user", h.RemoveMember, middleware.RequireAdmin)

	g.POST("/projects/:id/exports", h.StartExport)
	g.GET("/exports/:id", h.DownloadExport)
	g.GET("/exports/:id/parts/:n", h.DownloadPart)

	g.GET("/search", h.SearchProjects)
	g.Any("/search/raw/*", echo.WrapHandler(h.Search.Proxy()))

	g.POST("/uploads", h.Upload)
	g.GET("/uploads/:id/thumbnail", h.Thumbnail)

	g.GET("/reports/errors", h.ErrorReport)
	g.POST("/reports", h.QueueReport)
	g.GET("/reports/:id/pdf", echo.WrapHandler(http.TimeoutHandler(h.renderPDF(), h.Cfg.RenderTimeout, "report rendering timed out")))
}

// storeErr turns a store error into the API error for the resource what.
func storeErr(err error, what string) error {
	status, code, msg := http.StatusInternalServerError, apierr.CodeDatabase, "Database operation failed"
	switch {
	case errors.Is(err, store.ErrNotFound):
		status, code, msg = http.StatusNotFound, apierr.CodeNotFound, what+" not found"
	case errors.Is(err, store.ErrDuplicate):
		status, code, msg = http.StatusConflict, apierr.CodeConflict, what+" already exists"
	case errors.Is(err, store.ErrLocked):
		status, code, msg = http.StatusServiceUnavailable, apierr.CodeUnavailable, what+" is being migrated, try again shortly"
	}
	return apierr.New(status, code, msg).WithCause(err)
}
