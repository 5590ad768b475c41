package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// GET /b/items/{id} is documented under the base path /api/v1 (200, 404):
// a route matches it with or without the base path.
func basePaths() {
	r := gin.New()
	api := r.Group("/api/v1")
	api.GET("/b/items/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: GET /b/items/\{id\} can answer 202 here; the OpenAPI document lists 200, 404`
	})
	r.GET("/b/items/:id", func(c *gin.Context) {
		c.Status(http.StatusPartialContent) // want `undocumented-status: GET /b/items/\{id\} can answer 206 here; the OpenAPI document lists 200, 404`
	})
	r.GET("/api/v1/b/items/:id", func(c *gin.Context) {
		c.Status(http.StatusOK) // documented
	})
	r.GET("/api/v2/b/items/:id", func(c *gin.Context) { // want `undocumented-status: GET /api/v2/b/items/:id is not in the OpenAPI document; document its operation, or remove the route`
		c.Status(http.StatusAccepted) // another base path: not this operation
	})
	r.GET("/v1/b/items/:id", func(c *gin.Context) { // want `undocumented-status: GET /v1/b/items/:id is not in the OpenAPI document; document its operation, or remove the route`
		c.Status(http.StatusAccepted) // a part of the base path: not this operation
	})
	r.GET("/api/v1/items/:id", func(c *gin.Context) { // want `undocumented-status: GET /api/v1/items/:id is not in the OpenAPI document; document its operation, or remove the route`
		c.Status(http.StatusAccepted) // the base path before another path
	})
	r.Run()
}
