// Package echo5: echo v5's routes on the app and on groups; the errors the
// handlers return are rendered with their status.
package echo5

import (
	"net/http"

	"github.com/labstack/echo/v5"
)

func getPet(c *echo.Context) error {
	if c.Param("id") == "0" {
		return echo.NewHTTPError(http.StatusConflict, "taken") // want `undocumented-status: GET /e5/pets/\{petId\} can answer 409 here; the OpenAPI document lists 200, 404`
	}
	if c.Param("id") == "1" {
		return echo.ErrNotFound // documented
	}
	if c.Param("id") == "2" {
		return echo.ErrTooManyRequests // want `undocumented-status: GET /e5/pets/\{petId\} can answer 429 here; the OpenAPI document lists 200, 404`
	}
	return c.NoContent(http.StatusOK)
}

func setup() {
	e := echo.New()
	e.GET("/e5/pets/:id", getPet)
	e.POST("/e5/pets", func(c *echo.Context) error {
		return c.NoContent(http.StatusOK) // want `undocumented-status: POST /e5/pets can answer 200 here; the OpenAPI document lists 201, 400`
	})
	e.PUT("/e5/pets/:id", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: PUT /e5/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	e.DELETE("/e5/old", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: DELETE /e5/old can answer 202 here; the OpenAPI document lists 204`
	})
	e.Add(http.MethodGet, "/e5/old", func(c *echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: GET /e5/old can answer 201 here; the OpenAPI document lists 200`
	})
	e.PATCH("/e5/pets/:id", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: PATCH /e5/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	g := e.Group("/e5")
	g.GET("/api/v1/owners", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: GET /e5/api/v1/owners can answer 202 here; the OpenAPI document lists 200`
	})
	g.POST("/api/v1/owners", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: POST /e5/api/v1/owners can answer 202 here; the OpenAPI document lists 201`
	})
	g.PUT("/pets/:id", func(c *echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: PUT /e5/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	g.DELETE("/old", func(c *echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: DELETE /e5/old can answer 201 here; the OpenAPI document lists 204`
	})
	g.DELETE("/pets/:id", func(c *echo.Context) error {
		return c.NoContent(http.StatusCreated) // a default response documents every status
	})
	g.Add(http.MethodPost, "/pets", func(c *echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: POST /e5/pets can answer 202 here; the OpenAPI document lists 201, 400`
	})
	g.PATCH("/pets/:id", func(c *echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: PATCH /e5/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	files := g.Group("/files")
	files.GET("/*", func(c *echo.Context) error {
		return c.NoContent(http.StatusPartialContent) // want `undocumented-status: GET /e5/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
	})
	e.GET("/e5/pets", func(c *echo.Context) error {
		return echo.NewHTTPError(http.StatusBadRequest, "bad query") // in the documented range 4XX
	})
	e.Start(":8080")
}
