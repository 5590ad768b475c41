package shapedefault

// Package shapedefault: the seed's block says "message" is a string, and
// error-body-shape checks it as it checks "details" and "request_id" (the
// one check the shape as data adds to the default).

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func messageNumber(c *gin.Context) {
	c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": 42}) // want `error-body-shape: the error body \{"code", "message"\}: "message" is a number, not a string; send \{"code", "message", "details", "request_id"\}`
}

// Look-alikes left alone: a message whose encoding is not known (an
// interface, an error), a text marshaler, a string kind.
type text string

func messageOK(c *gin.Context, err error, v any) {
	c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": err})
	c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": v})
	c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": time.Now()})
	c.JSON(http.StatusBadRequest, gin.H{"code": "BAD_REQUEST", "message": text("bad")})
}
