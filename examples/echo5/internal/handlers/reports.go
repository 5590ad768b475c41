package handlers

import (
	"fmt"
	"net/http"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/middleware"
	"example.com/echo5svc/internal/ratelimit"
	"example.com/echo5svc/internal/respond"
)

// CodeCount is one row of the error report: how often a code was sent.
type CodeCount struct {
	Code   string `json:"code"`
	Status int    `json:"status"`
	Count  int    `json:"count"`
}

type report struct {
	ID     string    `json:"id"`
	Kind   string    `json:"kind"`
	Status string    `json:"status"`
	Ready  time.Time `json:"ready_at"`
}

// ErrorReport returns the error codes the API sent in the last day.
func (h *Handler) ErrorReport(c *echo.Context) error {
	rows := []CodeCount{
		{Code: apierr.CodeNotFound, Status: http.StatusNotFound, Count: 1532},
		{Code: apierr.CodeRateLimited, Status: http.StatusTooManyRequests, Count: 211},
		{Code: "LEGACY_TIMEOUT", Status: http.StatusGatewayTimeout, Count: 3},
	}
	return respond.JSON(c, http.StatusOK, rows)
}

// QueueReport queues the generation of a report, within the hourly quota.
func (h *Handler) QueueReport(c *echo.Context) error {
	u, _ := middleware.CurrentUser(c)
	st, ok := h.Reports.Take(u.ID)
	if !ok && c.Request().Header.Get("Accept-Version") == "1" {
		return respond.JSON(c, ratelimit.StatusLimited, apierr.Body{
			Code:    apierr.CodeRateLimited,
			Message: "Hourly report quota exhausted",
		})
	}
	if !ok {
		err := respond.Error(c, http.StatusTooManyRequests, apierr.CodeRateLimited, "Hourly report quota exhausted")
		ratelimit.SetRetryAfter(c.Response().Header(), st.Reset)
		return err
	}
	r := report{ID: newID(), Kind: c.QueryParam("kind"), Status: "QUEUED", Ready: time.Now().Add(2 * time.Minute)}
	return respond.JSON(c, http.StatusAccepted, map[string]any{
		"code":    "REPORT_QUEUED",
		"message": "The report will be ready in about two minutes",
		"report":  r,
	})
}

// renderPDF renders a report to PDF. It is slow, and is mounted behind a
// timeout.
func (h *Handler) renderPDF() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(200 * time.Millisecond):
		case <-r.Context().Done():
			return
		}
		w.Header().Set("Content-Type", "application/pdf")
		fmt.Fprintf(w, "%%PDF-1.7\n%% report %s\n", r.PathValue("id"))
	})
}
