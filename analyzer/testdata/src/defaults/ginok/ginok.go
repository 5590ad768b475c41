// Package ginok answers unmatched routes and wrong methods itself.
package ginok

import "github.com/gin-gonic/gin"

func notFound(c *gin.Context) {
	c.JSON(404, gin.H{"code": "NOT_FOUND", "message": "no such route", "details": gin.H{}, "request_id": ""})
}

// Replaced later in the same function.
func main() {
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.GET("/", notFound)
	r.NoRoute(notFound)
	r.NoMethod(notFound)
	_ = r.Run()
}

// Replaced in another function of the package.
func admin() {
	a := gin.Default()
	a.HandleMethodNotAllowed = true
	_ = a.Run(":8081")
}
