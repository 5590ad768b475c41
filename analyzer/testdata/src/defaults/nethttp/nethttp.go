// Package nethttp uses net/http's handlers that answer errors with their
// own bodies, and look-alikes that must stay silent.
package nethttp

import (
	"net/http"
	"net/http/httputil"
	"net/url"
	"time"
)

func api(w http.ResponseWriter, r *http.Request) {}

func main() {
	mux := http.NewServeMux()                                                                   // its own 404 is not reported
	mux.Handle("/slow", http.TimeoutHandler(http.HandlerFunc(api), 5*time.Second, "timed out")) // want `default-error-response: http.TimeoutHandler answers a request that times out with a plain-text 503; give it the documented JSON error body as its message`
	mux.Handle("/slower", http.TimeoutHandler(http.HandlerFunc(api), time.Minute, ""))          // want `default-error-response: http\.TimeoutHandler answers a request that times out with a plain-text 503; give`

	u, _ := url.Parse("http://backend:8080")
	proxy := httputil.NewSingleHostReverseProxy(u) // want `default-error-response: httputil.NewSingleHostReverseProxy without an ErrorHandler answers a failed upstream request with a bodyless 502; set its ErrorHandler to a handler that sends the documented JSON error body`
	mux.Handle("/backend/", proxy)

	rewrite := &httputil.ReverseProxy{Rewrite: func(pr *httputil.ProxyRequest) { pr.SetURL(u) }} // want `default-error-response: httputil\.ReverseProxy without an ErrorHandler answers a failed upstream request with a bodyless 502; set`
	mux.Handle("/v2/", rewrite)

	mux.Handle("/v3/", &httputil.ReverseProxy{Director: func(r *http.Request) { r.URL.Host = u.Host }}) // want `default-error-response: httputil\.ReverseProxy without an ErrorHandler answers a failed upstream request with a bodyless 502; set`

	srv := &http.Server{Addr: ":8080", Handler: mux}
	_ = srv.ListenAndServe()
}

// Look-alikes.

func timeouts(msg string) http.Handler {
	h := http.TimeoutHandler(http.HandlerFunc(api), time.Second, `{"code":"SERVICE_UNAVAILABLE","message":"timed out","details":{},"request_id":""}`)
	_ = h
	//apierrlint:ignore default-error-response the internal status page serves no API
	_ = http.TimeoutHandler(http.HandlerFunc(api), time.Second, "timed out")
	return http.TimeoutHandler(http.HandlerFunc(api), time.Second, msg) // a message the analysis cannot read
}

// Returned: the caller may set its ErrorHandler.
func newProxy(u *url.URL) *httputil.ReverseProxy {
	return httputil.NewSingleHostReverseProxy(u)
}
