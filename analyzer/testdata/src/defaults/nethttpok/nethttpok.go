// Package nethttpok gives its proxies an ErrorHandler.
package nethttpok

import (
	"encoding/json"
	"net/http"
	"net/http/httputil"
	"net/url"
)

func proxyError(w http.ResponseWriter, r *http.Request, err error) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusServiceUnavailable)
	json.NewEncoder(w).Encode(map[string]any{"code": "SERVICE_UNAVAILABLE", "message": "upstream failed", "details": map[string]any{}, "request_id": ""})
}

// Replaced later in the same function, and in a literal.
func main() {
	u, _ := url.Parse("http://backend:8080")
	p := httputil.NewSingleHostReverseProxy(u)
	p.ErrorHandler = proxyError
	http.Handle("/a/", p)
	http.Handle("/b/", &httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) { pr.SetURL(u) }, ErrorHandler: proxyError})
}

// Replaced in another function of the package.
func other(u *url.URL) {
	http.Handle("/c/", httputil.NewSingleHostReverseProxy(u))
}
