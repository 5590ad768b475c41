package ok // want package:"holds error helpers or types"

// Package ok uses the code that apierrlint gen wrote for gin
// (gengin/apierr) as it is meant to be used: the analysis reports nothing.

import (
	"errors"
	"net/http"

	"gengin/apierr"

	"github.com/gin-gonic/gin"
)

func getOrder(c *gin.Context) { // want getOrder:`helper\(writes retryafter\(some paths\)\)`
	id := c.Param("id")
	if id == "" {
		apierr.Write(c, apierr.CodeBadRequest, "missing order id")
		return
	}
	if err := load(id); err != nil {
		var e *apierr.Error
		if errors.As(err, &e) {
			apierr.WriteError(c, e)
			return
		}
		apierr.Write(c, apierr.CodeDatabaseError, "cannot read the order")
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": id})
}

func load(id string) error {
	if id == "0" {
		return apierr.Errorf(apierr.CodeNotFound, "order %s not found", id)
	}
	return nil
}

func limited(c *gin.Context) { // want limited:`helper\(writes retryafter\(some paths\)\)`
	apierr.WriteError(c, apierr.New(apierr.CodeRateLimitExceeded, "slow down").WithRetryAfter(30))
}

func validate(c *gin.Context) { // want validate:`helper\(writes retryafter\(some paths\)\)`
	var body struct{ Name string }
	if err := c.ShouldBindJSON(&body); err != nil {
		apierr.WriteError(c, apierr.New(apierr.CodeValidationError, "invalid body").WithDetails(map[string]any{
			"name": map[string]any{"code": "required", "message": "Name is required"},
		}))
		return
	}
	c.Status(http.StatusNoContent)
}
