// Package gin: gin's routes, through groups; the handler is the last of
// the handlers.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

func auth(c *gin.Context) {
	c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"code": "UNAUTHORIZED", "message": "who are you"}) // a middleware: not the route's handler
}

func getPet(c *gin.Context) {
	if c.Param("id") == "0" {
		c.JSON(http.StatusConflict, gin.H{"code": "CONFLICT", "message": "taken"}) // want `undocumented-status: GET /g/pets/\{petId\} can answer 409 here; the OpenAPI document lists 200, 404`
		return
	}
	c.JSON(http.StatusOK, gin.H{"name": "rex"})
}

// wrap is a middleware: the handler it returns is not followed, the
// route is.
func wrap(h gin.HandlerFunc) gin.HandlerFunc { return h }

func setup() {
	r := gin.New()
	v := r.Group("/g")
	v.GET("/pets/:id", auth, getPet)
	v.POST("/pets", func(c *gin.Context) {
		c.Status(http.StatusOK) // want `undocumented-status: POST /g/pets can answer 200 here; the OpenAPI document lists 201, 400`
	})
	v.PUT("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: PUT /g/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	v.PATCH("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: PATCH /g/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
	v.DELETE("/old", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: DELETE /g/old can answer 202 here; the OpenAPI document lists 204`
	})
	v.DELETE("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // a default response documents every status
	})
	v.Any("/api/v1/owners", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: GET, POST /g/api/v1/owners can answer 202 here; the OpenAPI document lists 200, 201`
	})
	r.Handle("GET", "/g/old", func(c *gin.Context) {
		c.Status(http.StatusCreated) // want `undocumented-status: GET /g/old can answer 201 here; the OpenAPI document lists 200`
	})
	files := v.Group("/files")
	files.GET("/*path", func(c *gin.Context) {
		c.Status(http.StatusPartialContent) // want `undocumented-status: GET /g/files/\{path\} can answer 206 here; the OpenAPI document lists 200`
	})
	v.GET("/pets", func(c *gin.Context) {
		c.JSON(http.StatusNotFound, gin.H{"code": "NOT_FOUND", "message": "none"}) // in the documented range 4XX
	})
	var prefix string
	if len(prefix) == 0 {
		prefix = "/g"
	}
	r.Group(prefix).PUT("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // a prefix assigned twice: not followed
	})
	r.GET("/g/pets/:id/photo", func(c *gin.Context) { // want `undocumented-status: GET /g/pets/:id/photo is not in the OpenAPI document; document its operation, or remove the route`
		c.Status(http.StatusAccepted) // a route the document does not describe: its statuses are not reported one by one
	})
	r.GET("/g/wrapped", wrap(getPet)) // want `undocumented-status: GET /g/wrapped is not in the OpenAPI document; document its operation, or remove the route`
	r.Any("/g/anything", getPet)      // any method: not reported
	r.Run()
}
