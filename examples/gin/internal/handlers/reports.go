package handlers

import (
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

// Reports renders the monthly sales report for the admin console. The
// console's old JavaScript reads {"error": ...} from failures.
func (h *Handler) Reports(c *gin.Context) {
	month, err := time.Parse("2006-01", c.Query("month"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "month must look like 2026-01"})
		return
	}
	if month.After(time.Now()) {
		c.JSON(http.StatusUnprocessableEntity, gin.H{"code": "VALIDATION_ERROR", "message": "that month has not happened yet", "details": "month is in the future"})
		return
	}
	c.JSON(http.StatusOK, gin.H{"month": month.Format("2006-01"), "orders": 0})
}
