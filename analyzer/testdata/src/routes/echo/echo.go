// Package echo: echo v4's routes on the app and on groups; the errors the // want package:"holds error helpers or types" package:`renders\(routes/echo.apiError status=Status code=Code noretryafter by echo.render\)`
// handlers return are rendered with their status.
package echo

import (
	"net/http"

	"github.com/labstack/echo/v4"
)

func getPet(c echo.Context) error {
	if c.Param("id") == "0" {
		return echo.NewHTTPError(http.StatusConflict, "taken") // want `undocumented-status: GET /e/pets/\{petId\} can answer 409 here; the OpenAPI document lists 200, 404`
	}
	if c.Param("id") == "1" {
		return echo.ErrNotFound // documented
	}
	if c.Param("id") == "2" {
		return echo.ErrTooManyRequests // want `undocumented-status: GET /e/pets/\{petId\} can answer 429 here; the OpenAPI document lists 200, 404`
	}
	return c.NoContent(http.StatusOK)
}

func setup() {
	e := echo.New()
	e.GET("/e/pets/:id", getPet)
	e.POST("/e/pets", func(c echo.Context) error {
		return c.NoContent(http.StatusOK) // want `undocumented-status: POST /e/pets can answer 200 here; the OpenAPI document lists 201, 400`
	})
	e.PUT("/e/pets/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: PUT /e/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	e.DELETE("/e/old", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: DELETE /e/old can answer 202 here; the OpenAPI document lists 204`
	})
	e.Add(http.MethodGet, "/e/old", func(c echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: GET /e/old can answer 201 here; the OpenAPI document lists 200`
	})
	e.PATCH("/e/pets/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: PATCH /e/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	g := e.Group("/e")
	g.GET("/api/v1/owners", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: GET /e/api/v1/owners can answer 202 here; the OpenAPI document lists 200`
	})
	g.POST("/api/v1/owners", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: POST /e/api/v1/owners can answer 202 here; the OpenAPI document lists 201`
	})
	g.PUT("/pets/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: PUT /e/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	g.DELETE("/old", func(c echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: DELETE /e/old can answer 201 here; the OpenAPI document lists 204`
	})
	g.DELETE("/pets/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusCreated) // a default response documents every status
	})
	g.Add(http.MethodPost, "/pets", func(c echo.Context) error {
		return c.NoContent(http.StatusAccepted) // want `undocumented-status: POST /e/pets can answer 202 here; the OpenAPI document lists 201, 400`
	})
	g.PATCH("/pets/:id", func(c echo.Context) error {
		return c.NoContent(http.StatusCreated) // want `undocumented-status: PATCH /e/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	files := g.Group("/files")
	files.GET("/*", func(c echo.Context) error {
		return c.NoContent(http.StatusPartialContent) // want `undocumented-status: GET /e/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
	})
	e.GET("/e/pets", func(c echo.Context) error {
		return echo.NewHTTPError(http.StatusBadRequest, "bad query") // in the documented range 4XX
	})
	e.Start(":8080")
}

// apiError is rendered by render, with its status.
type apiError struct {
	Status  int
	Code    string
	Message string
}

func (e *apiError) Error() string { return e.Message }

func render(err error, c echo.Context) { // want render:`renderer\(echo fallback=500 fallbackcode=INTERNAL_ERROR\)`
	if e, ok := err.(*apiError); ok {
		c.JSON(e.Status, map[string]string{"code": e.Code, "message": e.Message})
		return
	}
	c.JSON(http.StatusInternalServerError, map[string]string{"code": "INTERNAL_ERROR", "message": "internal"})
}

func setupRendered() {
	e := echo.New()
	e.HTTPErrorHandler = render
	e.PUT("/e/pets/:id", func(c echo.Context) error {
		if c.Param("id") == "0" {
			return &apiError{Status: http.StatusConflict, Code: "CONFLICT", Message: "taken"} // want `undocumented-status: PUT /e/pets/\{id\} can answer 409 here; the OpenAPI document lists 200`
		}
		err := &apiError{Status: http.StatusNotFound, Code: "NOT_FOUND", Message: "no pet"}
		return err // want `undocumented-status: PUT /e/pets/\{id\} can answer 404 here; the OpenAPI document lists 200`
	})
}
