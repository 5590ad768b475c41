package analyzer

import "net/http"

// echoFW is github.com/labstack/echo, v4 (v4.16.0; echo.Context is an
// interface) and v5 (v5.4.4; *echo.Context is a struct). c.Response() is an
// http.ResponseWriter (v4's *echo.Response implements it), so
// c.Response().Header().Set and c.Response().WriteHeader are net/http's.
var echoFW = &framework{
	name: "echo",
	pkgs: []string{"github.com/labstack/echo/v4", "github.com/labstack/echo/v5"},
	handles: []typeName{
		{"github.com/labstack/echo/v4", "Context"},
		{"github.com/labstack/echo/v5", "Context"},
	},
	mapBodies: []typeName{{"github.com/labstack/echo/v4", "Map"}}, // v5 has none

	retryAfter: `%[1]s.Response().Header().Set("Retry-After", %[2]s)`,
	// Routes: path, handler, middleware.
	routes: routeSet([]string{
		"(*github.com/labstack/echo/v4.Echo).", "(*github.com/labstack/echo/v4.Group).",
		"(*github.com/labstack/echo/v5.Echo).", "(*github.com/labstack/echo/v5.Group).",
	}, map[string]routeRow{
		"GET":    onVerb("GET", 0, 1),
		"POST":   onVerb("POST", 0, 1),
		"PUT":    onVerb("PUT", 0, 1),
		"DELETE": onVerb("DELETE", 0, 1),
		"PATCH":  onVerb("PATCH", 0, 1),
		"Add":    methodVerb(0, 1, 2),
		"Group":  group(0),
	}),
	apps:     []typeName{{"github.com/labstack/echo/v4", "Echo"}, {"github.com/labstack/echo/v5", "Echo"}},
	prims:    echoPrims(),
	defaults: echoDefaults(),

	// The app's error renderer: v4's func(err, c), v5's func(c, err),
	// installed as e.HTTPErrorHandler (v5 also through echo.Config).
	renderers: []rendererType{
		{typ: typeName{"github.com/labstack/echo/v4", "HTTPErrorHandler"}, handle: 1, err: 0},
		{typ: typeName{"github.com/labstack/echo/v5", "HTTPErrorHandler"}, handle: 0, err: 1},
	},
	registrations: []fieldRow{
		{typeName{"github.com/labstack/echo/v4", "Echo"}, "HTTPErrorHandler"},
		{typeName{"github.com/labstack/echo/v5", "Echo"}, "HTTPErrorHandler"},
		{typeName{"github.com/labstack/echo/v5", "Config"}, "HTTPErrorHandler"},
	},
	errVars: merge(
		errVarsOf("github.com/labstack/echo/v4", typeName{"github.com/labstack/echo/v4", "HTTPError"},
			allErrVars("ErrRequestEntityTooLarge"), map[string]int{"ErrStatusRequestEntityTooLarge": http.StatusRequestEntityTooLarge}),
		errVarsOf("github.com/labstack/echo/v5", typeName{"github.com/labstack/echo/v5", "httpError"},
			echoV5ErrVars, map[string]int{"ErrStatusRequestEntityTooLarge": http.StatusRequestEntityTooLarge}),
	),
}

// echoDefaults are echo's own error answers. The default HTTPErrorHandler
// (v4 and v5) sends {"message": ...} for every error a handler or the
// router returns. The rate limiter's default DenyHandler returns a 429
// echo.HTTPError that no one gives a Retry-After (its ErrorHandler, for an
// identifier it cannot extract, returns a 403 error value that the app's
// HTTPErrorHandler renders: not a default body). v4's Timeout middleware
// runs the handler under http.TimeoutHandler: a text 503 with ErrorMessage
// as its body, once a Timeout is set.
func echoDefaults() []fallback {
	const (
		v4, v5         = "github.com/labstack/echo/v4", "github.com/labstack/echo/v5"
		v4mw, v5mw     = v4 + "/middleware", v5 + "/middleware"
		handlerMessage = "%s without an HTTPErrorHandler answers every error that a handler returns or echo raises (no route: 404, wrong method: 405) with {\"message\": ...} and no code; set its HTTPErrorHandler to a handler that sends the documented JSON error body"
		denyMessage    = "%s without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set RateLimiterConfig{DenyHandler: ...} to a handler that sets Retry-After and returns the documented error"
	)
	return []fallback{
		{
			id:         "echo/v4.HTTPErrorHandler",
			makers:     []maker{makeFn(v4 + ".New")},
			instance:   typeName{v4, "Echo"},
			replacedBy: []replacement{setField(v4, "Echo", "HTTPErrorHandler")},
			message:    handlerMessage,
			fix:        genFix{genFixAssign, "HTTPErrorHandler", "HTTPErrorHandler"},
		},
		{
			id:         "echo/v5.HTTPErrorHandler",
			makers:     []maker{makeFn(v5 + ".New"), makeFnConfig(v5+".NewWithConfig", "config")},
			instance:   typeName{v5, "Echo"},
			replacedBy: []replacement{setField(v5, "Echo", "HTTPErrorHandler"), setField(v5, "Config", "HTTPErrorHandler")},
			message:    handlerMessage,
			fix:        genFix{genFixAssign, "HTTPErrorHandler", "HTTPErrorHandler"},
		},
		{
			id:         "middleware/v4.DenyHandler",
			makers:     []maker{makeFn(v4mw + ".RateLimiter"), makeFnConfig(v4mw+".RateLimiterWithConfig", "config")},
			replacedBy: []replacement{setField(v4mw, "RateLimiterConfig", "DenyHandler")},
			message:    denyMessage,
		},
		{
			id:         "middleware/v5.DenyHandler",
			makers:     []maker{makeFn(v5mw + ".RateLimiter"), makeFnConfig(v5mw+".RateLimiterWithConfig", "config")},
			replacedBy: []replacement{setField(v5mw, "RateLimiterConfig", "DenyHandler")},
			message:    denyMessage,
		},
		{
			id:      "middleware/v4.Timeout",
			makers:  []maker{makeFnConfig(v4mw+".TimeoutWithConfig", "config")},
			when:    "Timeout",
			body:    "ErrorMessage",
			message: "%s answers a request that times out with a plain-text 503 (http.TimeoutHandler); use middleware.ContextTimeout, whose error the HTTPErrorHandler renders, or give ErrorMessage the documented JSON error body",
		},
	}
}

func echoPrims() map[string]primitive {
	m := map[string]primitive{
		// echo.NewHTTPError(code, message...) is rendered by the app's
		// HTTPErrorHandler: a string message is fine; an error body as the
		// message pairs its code with the status.
		"github.com/labstack/echo/v4.NewHTTPError": p(roleErrorValue, 0, 1).builds(typeName{"github.com/labstack/echo/v4", "HTTPError"}),
		"github.com/labstack/echo/v5.NewHTTPError": p(roleErrorValue, 0, 1).builds(typeName{"github.com/labstack/echo/v5", "HTTPError"}),
		// A function run before the response is written.
		"(*github.com/labstack/echo/v4.Response).Before": p(roleBefore, -1, 0),
		"(*github.com/labstack/echo/v5.Response).Before": p(roleBefore, -1, 0),
		// v5's UnwrapResponse(w) finds the *echo.Response under w (to read
		// Committed): it writes nothing, so a renderer that calls it has
		// not handed its response on.
		"github.com/labstack/echo/v5.UnwrapResponse": p(roleSilent, -1, -1).on(0),
	}
	methods := map[string]primitive{
		// JSON writers: status, body.
		"JSON":       p(roleJSON, 0, 1),
		"JSONPretty": p(roleJSON, 0, 1),
		"JSONP":      p(roleJSON, 0, 2),
		"JSONBlob":   p(roleJSONText, 0, 1),
		"JSONPBlob":  p(roleJSONText, 0, 2),
		// Other content types: raw with an error status.
		"String":    p(roleText, 0, 1).fixMsg(msgBody),
		"HTML":      p(roleText, 0, 1).fixMsg(msgBody),
		"HTMLBlob":  p(roleText, 0, 1),
		"XML":       p(roleText, 0, -1),
		"XMLPretty": p(roleText, 0, -1),
		"XMLBlob":   p(roleText, 0, -1),
		"Blob":      p(roleData, 0, 2).ctypeAt(1),
		"Stream":    p(roleData, 0, -1).ctypeAt(1),
		// No body.
		"NoContent": p(roleNoBody, 0, -1).fixMsg(msgStatusText),
	}
	for name, pr := range methods {
		m["(github.com/labstack/echo/v4.Context)."+name] = pr
		m["(*github.com/labstack/echo/v5.Context)."+name] = pr
	}
	return m
}
