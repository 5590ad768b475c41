package handlers

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"example.com/echosvc/internal/apierr"
	"example.com/echosvc/internal/respond"
)

// Maintenance is polled by the deploy pipeline, which greps the body.
func (h *Handler) Maintenance(c echo.Context) error {
	if h.InMaintenance {
		return respond.Text(c, http.StatusServiceUnavailable, "maintenance in progress")
	}
	return respond.Text(c, http.StatusOK, "serving")
}

// Reindex rebuilds the search index from the catalog.
func (h *Handler) Reindex(c echo.Context) error {
	status := http.StatusInternalServerError
	ctx, cancel := context.WithTimeout(c.Request().Context(), 2*time.Second)
	defer cancel()
	if err := pingSearch(ctx); err != nil {
		return respond.Error(c, status, apierr.CodeUnavailable, "search backend is not reachable")
	}
	return c.NoContent(http.StatusAccepted)
}

func pingSearch(ctx context.Context) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(10 * time.Millisecond):
		return nil
	}
}

type upstreamError struct {
	Code    apierr.Code `json:"code"`
	Message string      `json:"message"`
}

// Pricing proxies price quotes from the pricing service.
func (h *Handler) Pricing(c echo.Context) error {
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, h.PricingURL+"/quotes/"+c.Param("sku"), nil)
	if err != nil {
		return respond.Internal(c, err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return respond.Error(c, http.StatusServiceUnavailable, apierr.CodeUnavailable, "pricing service unreachable")
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	if err != nil {
		return respond.Internal(c, err)
	}

	respond.CopyHeaders(c, resp.Header)
	if resp.StatusCode == http.StatusTooManyRequests {
		return c.JSON(http.StatusTooManyRequests, apierr.Error{Code: apierr.CodeRateLimited, Message: "pricing service is rate limiting, retry later"})
	}
	if resp.StatusCode >= 400 {
		var ue upstreamError
		if json.Unmarshal(body, &ue) == nil && ue.Code != "" {
			return respond.FromError(c, apierr.FromUpstream(ue.Code, ue.Message))
		}
		return c.JSONBlob(resp.StatusCode, body)
	}
	return c.Blob(resp.StatusCode, echo.MIMEApplicationJSON, body)
}

// Dashboard renders a tiny HTML status page for the ops team.
func (h *Handler) Dashboard(c echo.Context) error {
	page := "<!doctype html><html><body><h1>inventory</h1><p>up since " + h.Started.Format(time.RFC1123) + "</p></body></html>"
	return c.HTML(http.StatusOK, page)
}

// RawValidation re-serves a validation report produced by the import job.
func (h *Handler) RawValidation(c echo.Context) error {
	report, err := json.Marshal(apierr.Error{Code: apierr.CodeValidation, Message: "import rejected", Details: echo.Map{"line": 12}})
	if err != nil {
		return respond.Internal(c, err)
	}
	return c.Blob(http.StatusUnprocessableEntity, echo.MIMEApplicationJSONCharsetUTF8, report)
}
