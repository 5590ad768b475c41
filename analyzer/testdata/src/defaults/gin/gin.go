// Package gin makes gin engines that keep gin's own plain-text answers, and
// look-alikes that must stay silent.
package gin

import (
	"net/http"

	"github.com/gin-gonic/gin"

	"defaults/ginsetup"
)

func health(c *gin.Context) { c.JSON(200, gin.H{"ok": true}) }

func main() {
	r := gin.New() // want `default-error-response: gin.New without NoRoute answers unmatched routes with a plain-text 404 \("404 page not found"\); call NoRoute with a handler that sends the documented JSON error body`
	r.Use(health)
	r.GET("/health", health)
	_ = r.Run(":8080")
}

// Both defaults, in one finding.
func both() {
	r := gin.Default() // want `default-error-response: gin.Default without NoRoute answers unmatched routes with a plain-text 404 \("404 page not found"\); call NoRoute with a handler that sends the documented JSON error body; gin.Default with HandleMethodNotAllowed and without NoMethod answers a wrong method with a plain-text 405 \("405 method not allowed"\); call NoMethod`
	r.HandleMethodNotAllowed = true
	_ = http.ListenAndServe(":8081", r)
}

// A helper of another package sets NoRoute (its fact); NoMethod stays.
func helped() {
	r := gin.New() // want `default-error-response: gin\.New with HandleMethodNotAllowed and without NoMethod answers a wrong method with a plain-text 405 \("405 method not allowed"\); call`
	r.HandleMethodNotAllowed = true
	ginsetup.NotFound(r)
	_ = r.Run()
}

// A method that returns the engine is followed on.
func chained() {
	r := gin.New().Delims("{[", "]}") // want `default-error-response: gin\.New without NoRoute answers unmatched routes with a plain-text 404 \("404 page not found"\); call`
	_ = r.Run()
}

// Look-alikes.

// HandleMethodNotAllowed off, or set to what the analysis cannot read:
// no 405 to report; and NoRoute set by the helper.
func methods(on bool) {
	r := gin.New()
	r.HandleMethodNotAllowed = on
	ginsetup.NotFound(r)
	_ = r.Run()
}

// Options may set NoRoute.
func options(opts ...gin.OptionFunc) {
	r := gin.New(opts...)
	_ = r.Run()
	s := gin.New()
	s.With(opts...)
	_ = s.Run()
}

// Returned: the caller may set NoRoute.
func newEngine() *gin.Engine {
	r := gin.New()
	r.GET("/health", health)
	return r
}
