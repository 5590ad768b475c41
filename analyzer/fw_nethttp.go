package analyzer

// netHTTP is net/http, with the standard library functions that write to a
// ResponseWriter. Methods of ResponseWriter match every implementation of
// it (a middleware's wrapper too), not only the interface.
var netHTTP = &framework{
	name:        "net/http",
	pkgs:        []string{"net/http"},
	retryAfter:  `%[1]s.Header().Set("Retry-After", %[2]s)`,
	headerTypes: []typeName{{"net/http", "Header"}},
	starts:      true,
	// A func(w, r) error type whose ServeHTTP renders the error it returns.
	adapter: "ServeHTTP",
	// Routes: a ServeMux pattern names its method ("GET /pets/{id}").
	routes: map[string]routeRow{
		"(*net/http.ServeMux).Handle":     muxRoute(),
		"(*net/http.ServeMux).HandleFunc": muxRoute(),
		"net/http.Handle":                 muxRoute(),
		"net/http.HandleFunc":             muxRoute(),
		"net/http.StripPrefix":            strip(1),
	},
	prims: map[string]primitive{
		"(net/http.ResponseWriter).WriteHeader": p(roleWriteStatus, 0, -1).sentAlone(),
		"(net/http.ResponseWriter).Write":       p(roleBytes, -1, 0),
		"(net/http.ResponseWriter).Header":      p(roleHeaderMap, -1, -1),
		"(net/http.Header).Set":                 p(roleHeaderSet, -1, 1).keyAt(0),
		"(net/http.Header).Add":                 p(roleHeaderSet, -1, 1).keyAt(0),
		"net/http.Error":                        p(roleHTTPError, 2, 1).on(0),
		"net/http.NotFound":                     p(roleNotFound, -1, -1).on(0),
		"net/http.NotFoundHandler":              p(roleNotFoundHandler, -1, -1),
		"io.WriteString":                        p(roleBytes, -1, 1).on(0),
		"fmt.Fprint":                            p(roleFprint, -1, 1).on(0),
		"fmt.Fprintf":                           p(roleFprint, -1, 1).on(0),
		"fmt.Fprintln":                          p(roleFprint, -1, 1).on(0),
		"(*encoding/json.Encoder).Encode":       p(roleEncode, -1, 0),
		"maps.Copy":                             p(roleHeaderCopy, -1, -1).on(0),
		// Bodies the analysis does not read: the response has started.
		"io.Copy":               p(roleStream, -1, -1).on(0),
		"io.CopyN":              p(roleStream, -1, -1).on(0),
		"io.CopyBuffer":         p(roleStream, -1, -1).on(0),
		"net/http.ServeContent": p(roleStream, -1, -1).on(0),
		"net/http.ServeFile":    p(roleStream, -1, -1).on(0),
		"net/http.ServeFileFS":  p(roleStream, -1, -1).on(0),
	},
	// net/http's own error answers. http.ServeMux's plain-text 404 for an
	// unmatched path is not one of them: many muxes serve no API.
	defaults: []fallback{
		{
			id:      "http.TimeoutHandler",
			makers:  []maker{makeFn("net/http.TimeoutHandler")},
			body:    "msg",
			message: "%s answers a request that times out with a plain-text 503; give it the documented JSON error body as its message, or time out in the handler (a context deadline) and send that body",
		},
		{
			id: "httputil.ErrorHandler",
			makers: []maker{
				makeFn("net/http/httputil.NewSingleHostReverseProxy"),
				makeLit("net/http/httputil", "ReverseProxy"),
			},
			instance:   typeName{"net/http/httputil", "ReverseProxy"},
			replacedBy: []replacement{setField("net/http/httputil", "ReverseProxy", "ErrorHandler")},
			message:    "%s without an ErrorHandler answers a failed upstream request with a bodyless 502; set its ErrorHandler to a handler that sends the documented JSON error body",
		},
	},
}
