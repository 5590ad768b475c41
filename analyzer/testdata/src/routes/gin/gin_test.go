package gin

import (
	"net/http"
	"testing"

	"github.com/gin-gonic/gin"
)

// Routes in test files are not checked.
func TestRoutes(t *testing.T) {
	r := gin.New()
	r.GET("/g/old", func(c *gin.Context) { c.Status(http.StatusAccepted) })
	r.GET("/g/test-only", func(c *gin.Context) {})
}
