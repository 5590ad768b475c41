package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"
)

// A gin.Engine is served whole (nothing mounts it under a prefix): its
// routes have their full paths in the function that builds and returns it
// (gotify's router.Create), and in one that is handed it.
func newEngine() (*gin.Engine, func()) {
	g := gin.New()
	api := g.Group("/g")
	api.DELETE("/old", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: DELETE /g/old can answer 202 here; the OpenAPI document lists 204`
	})
	register(g)
	return g, func() {}
}

func register(e *gin.Engine) {
	e.PUT("/g/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: PUT /g/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
}

// A group handed to a function is still relative: its caller adds the
// prefix.
func registerGroup(rg *gin.RouterGroup) {
	rg.PATCH("/pets/:id", func(c *gin.Context) {
		c.Status(http.StatusAccepted) // want `undocumented-status: PATCH /g/pets/\{id\} can answer 202 here; the OpenAPI document lists 200`
	})
}

func serve() {
	g, stop := newEngine()
	defer stop()
	registerGroup(g.Group("/g"))
	g.Run()
}
