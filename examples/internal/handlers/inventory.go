package handlers

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"time"

	"example.com/petstore/internal/apierr"
)

// supplierHeaders are the upstream headers we pass through to clients so
// they can honour the supplier's throttling.
var supplierHeaders = map[string]bool{
	"Retry-After":           true,
	"X-Ratelimit-Limit":     true,
	"X-Ratelimit-Remaining": true,
	"X-Ratelimit-Reset":     true,
}

// SupplierStock: GET /inventory/{sku} proxies the supplier's stock API.
func (h *Handler) SupplierStock(w http.ResponseWriter, r *http.Request) {
	u := h.SupplierURL + "/v2/stock/" + url.PathEscape(r.PathValue("sku"))
	req, err := http.NewRequestWithContext(r.Context(), http.MethodGet, u, nil)
	if err != nil {
		apierr.BadRequest(w, r, "invalid sku")
		return
	}
	req.Header.Set("Accept", "application/json")
	resp, err := h.Supplier.Do(req)
	if err != nil {
		h.Logger.WarnContext(r.Context(), "supplier request failed", "err", err)
		apierr.Unavailable(w, r, 30*time.Second, "supplier is unreachable")
		return
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusTooManyRequests:
		for k, vs := range resp.Header {
			if supplierHeaders[k] {
				for _, v := range vs {
					w.Header().Add(k, v)
				}
			}
		}
		apierr.Write(w, r, http.StatusTooManyRequests, apierr.CodeRateLimitExceeded, "supplier rate limit reached")
		return
	case resp.StatusCode >= 500:
		apierr.Write(w, r, http.StatusServiceUnavailable, apierr.CodeServiceUnavailable, "supplier is having problems")
		return
	case resp.StatusCode != http.StatusOK:
		var upstream struct {
			Code    string `json:"code"`
			Message string `json:"message"`
		}
		_ = json.NewDecoder(io.LimitReader(resp.Body, 64<<10)).Decode(&upstream)
		code := apierr.Code(upstream.Code)
		if code == "" {
			code = apierr.CodeBadRequest
		}
		apierr.Write(w, r, resp.StatusCode, code, "supplier rejected the request: "+upstream.Message)
		return
	}

	w.Header().Set("Content-Type", "application/json")
	if _, err := io.Copy(w, io.LimitReader(resp.Body, 1<<20)); err != nil {
		h.Logger.WarnContext(r.Context(), "copy supplier response", "err", err)
	}
}
