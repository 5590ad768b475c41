package bodyshapehelp // want package:"holds error helpers or types"

// Package bodyshapehelp: a helper that writes {"error": msg} with its
// status parameter.

import "github.com/gin-gonic/gin"

func Fail(c *gin.Context, status int, msg string) { // want Fail:`helper\(status=1 writes badbody\)`
	c.AbortWithStatusJSON(status, gin.H{"error": msg})
}

// Wrap passes its status on: it writes the same body.
func Wrap(c *gin.Context, status int) { // want Wrap:`helper\(status=1 writes badbody\)`
	Fail(c, status, "wrapped")
}
