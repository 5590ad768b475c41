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
}
