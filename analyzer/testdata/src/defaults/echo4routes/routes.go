// Package echo4routes registers routes on an echo made elsewhere.
package echo4routes

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

// Register only adds routes and serves the echo.
func Register(e *echo.Echo) { // want Register:`defaults\(0: kept\)`
	e.GET("/orders", func(c echo.Context) error { return c.JSON(200, echo.Map{}) })
	mount(e)
}

func mount(e *echo.Echo) {
	e.Group("/api")
	srv := &http.Server{Handler: e}
	_ = srv
}

// Handler returns the echo as an http.Handler: its callers may do anything
// with it, no fact.
func Handler(e *echo.Echo) http.Handler {
	return e
}

// Mux keeps it in an unexported field of its own type, all of whose uses
// keep it.
type Mux struct {
	e *echo.Echo
}

// NewMux keeps the echo (its fact), through the field.
func NewMux(e *echo.Echo) *Mux { // want NewMux:`defaults\(0: kept\)`
	return &Mux{e: e}
}

func (m *Mux) Start() error { return m.e.Start(":8080") }
