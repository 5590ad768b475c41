// Package admin is the operator console's API. It listens on a private
// address only.
package admin

import (
	"log/slog"
	"net/http"
	"sync/atomic"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/store"
)

// Maintenance is switched on by operators before a risky migration.
var Maintenance atomic.Bool

// NewServer returns the admin API.
func NewServer(st *store.Memory, logger *slog.Logger) *echo.Echo {
	e := echo.New()
	e.Logger = logger.With("server", "admin")

	e.GET("/maintenance", func(c *echo.Context) error {
		return c.JSON(http.StatusOK, map[string]bool{"enabled": Maintenance.Load()})
	})
	e.PUT("/maintenance", func(c *echo.Context) error {
		var body struct {
			Enabled bool `json:"enabled"`
		}
		if err := c.Bind(&body); err != nil {
			return err
		}
		Maintenance.Store(body.Enabled)
		return c.NoContent(http.StatusNoContent)
	})
	e.GET("/projects/:id", func(c *echo.Context) error {
		p, err := st.Project(c.Request().Context(), c.Param("id"))
		if err != nil {
			return echo.NewHTTPError(http.StatusNotFound, "no such project").Wrap(err)
		}
		return c.JSON(http.StatusOK, p)
	})
	return e
}
