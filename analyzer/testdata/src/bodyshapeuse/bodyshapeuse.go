// Package bodyshapeuse calls bodyshapehelp: reported once, at the first
// call that sends an error status.
package bodyshapeuse

import (
	"net/http"

	"bodyshapehelp"

	"github.com/gin-gonic/gin"
)

func handlers(c *gin.Context) {
	bodyshapehelp.Fail(c, http.StatusOK, "not an error")
	bodyshapehelp.Fail(c, http.StatusNotFound, "gone") // want `error-body-shape: Fail writes an error body that is not \{"code", "message", "details", "request_id"\} with status 404 \(see its declaration\); send`
	bodyshapehelp.Fail(c, http.StatusConflict, "exists")
	bodyshapehelp.Wrap(c, http.StatusInternalServerError) // want `error-body-shape: Wrap writes an error body that is not \{"code", "message", "details", "request_id"\} with status 500 \(see its declaration\); send`
}
