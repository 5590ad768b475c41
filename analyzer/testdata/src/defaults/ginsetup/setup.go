// Package ginsetup answers unmatched routes of an engine made elsewhere.
package ginsetup

import "github.com/gin-gonic/gin"

// NotFound sets the engine's NoRoute handlers.
func NotFound(r *gin.Engine) { // want NotFound:`defaults\(0: kept, replaces gin.NoRoute\)`
	r.NoRoute(func(c *gin.Context) {
		c.JSON(404, gin.H{"code": "NOT_FOUND", "message": "no such route", "details": gin.H{}, "request_id": ""})
	})
}
