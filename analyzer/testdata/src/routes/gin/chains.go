package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// Registrations and Use return the group as a gin.IRoutes: a chain stays
// on the group and its prefix (gotify's g.Group("/user").Use(auth).POST("",
// h)). Match, a list of methods, is a route of every method, like Any.
func chains() {
	r := gin.New()
	v := r.Group("/g")
	r.Group("/g").Use(auth).POST("/pets", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: POST /g/pets can answer 202 here; the OpenAPI document lists 201, 400`
	})
	r.Use(auth).GET("/g/old", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: GET /g/old can answer 202 here; the OpenAPI document lists 200`
	})
	v.Use(auth).Use(auth).PUT("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusCreated) // want `undocumented-status: PUT /g/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	v.Use(auth).PATCH("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusCreated) // want `undocumented-status: PATCH /g/pets/\{id\} can answer 201 here; the OpenAPI document lists 200`
	})
	v.Use(auth).DELETE("/old", func(c *gin.Context) {
		c.Status(http.StatusCreated) // want `undocumented-status: DELETE /g/old can answer 201 here; the OpenAPI document lists 204`
	})
	v.Use(auth).Handle("GET", "/old", func(c *gin.Context) {
		c.Status(http.StatusCreated) // want `undocumented-status: GET /g/old can answer 201 here; the OpenAPI document lists 200`
	})
	v.HEAD("/pets", getPet)             // want `undocumented-status: HEAD /g/pets is not in the OpenAPI document; document its operation, or remove the route`
	v.Use(auth).HEAD("/old", getPet)    // want `undocumented-status: HEAD /g/old is not in the OpenAPI document; document its operation, or remove the route`
	v.OPTIONS("/pets", getPet)          // want `undocumented-status: OPTIONS /g/pets is not in the OpenAPI document; document its operation, or remove the route`
	v.Use(auth).OPTIONS("/old", getPet) // want `undocumented-status: OPTIONS /g/old is not in the OpenAPI document; document its operation, or remove the route`
	v.Match([]string{"GET", "DELETE"}, "/old", func(c *gin.Context) {
		c.Status(http.StatusPartialContent) // want `undocumented-status: GET, DELETE /g/old can answer 206 here; the OpenAPI document lists 200, 204`
	})
	v.Use(auth).Match([]string{"GET"}, "/old", func(c *gin.Context) {
		c.Status(http.StatusResetContent) // want `undocumented-status: GET, DELETE /g/old can answer 205 here; the OpenAPI document lists 200, 204`
	})
	v.Use(auth).Any("/old", func(c *gin.Context) {
		c.Status(http.StatusIMUsed) // want `undocumented-status: GET, DELETE /g/old can answer 226 here; the OpenAPI document lists 200, 204`
	})
	r.Run()
}
