package handlers

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httputil"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/respond"
)

// SearchClient talks to the search cluster.
type SearchClient struct {
	base   *url.URL
	client *http.Client
}

func NewSearchClient(raw string) *SearchClient {
	u, err := url.Parse(raw)
	if err != nil {
		panic("config: invalid SEARCH_URL: " + err.Error())
	}
	return &SearchClient{base: u, client: &http.Client{Timeout: 5 * time.Second}}
}

// Proxy forwards raw queries to the cluster for the query console.
func (s *SearchClient) Proxy() http.Handler {
	return &httputil.ReverseProxy{
		Rewrite: func(r *httputil.ProxyRequest) {
			r.SetURL(s.base)
			r.Out.URL.Path = strings.TrimPrefix(r.In.URL.Path, "/api/v1/search/raw")
		},
		ErrorHandler: func(w http.ResponseWriter, r *http.Request, err error) {
			respond.WriteJSONError(w, http.StatusServiceUnavailable, apierr.CodeUnavailable, "Search is unavailable")
		},
	}
}

type searchHit struct {
	ID    string  `json:"id"`
	Slug  string  `json:"slug"`
	Score float64 `json:"score"`
}

// SearchProjects runs a full-text query against the cluster.
func (h *Handler) SearchProjects(c *echo.Context) error {
	q := strings.TrimSpace(c.QueryParam("q"))
	if q == "" {
		return echo.NewHTTPError(http.StatusBadRequest, "Query parameter q is required")
	}
	if strings.Count(q, "*") > 3 {
		return echo.ErrTooManyRequests
	}
	u := *h.Search.base
	u.Path = "/indexes/projects/search"
	u.RawQuery = url.Values{"q": {q}}.Encode()
	req, err := http.NewRequestWithContext(c.Request().Context(), http.MethodGet, u.String(), nil)
	if err != nil {
		return apierr.Internal(err)
	}
	resp, err := h.Search.client.Do(req)
	if err != nil {
		return apierr.Unavailable("Search is unavailable", 10*time.Second).WithCause(err)
	}
	defer resp.Body.Close()

	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable:
		return apierr.New(resp.StatusCode, apierr.CodeRateLimited, "Search is busy, retry shortly")
	case resp.StatusCode >= 400:
		b, _ := io.ReadAll(io.LimitReader(resp.Body, 4<<10))
		return &apierr.UpstreamError{Partner: "search", Status: resp.StatusCode, Body: string(b)}
	}
	var out struct {
		Hits []searchHit `json:"hits"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return apierr.New(http.StatusInternalServerError, apierr.CodeInternal, "Search returned an unreadable answer").WithCause(err)
	}
	return c.JSON(http.StatusOK, out)
}
