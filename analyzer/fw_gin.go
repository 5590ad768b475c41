package analyzer

// ginFW is github.com/gin-gonic/gin (v1.12.0): *gin.Context. c.Writer is a
// gin.ResponseWriter, an http.ResponseWriter, so c.Writer.Header().Set and
// c.Writer.WriteHeader are net/http's.
var ginFW = &framework{
	name:       "gin",
	pkgs:       []string{"github.com/gin-gonic/gin"},
	handles:    []typeName{{"github.com/gin-gonic/gin", "Context"}},
	mapBodies:  []typeName{{"github.com/gin-gonic/gin", "H"}},
	retryAfter: `%[1]s.Header("Retry-After", %[2]s)`,
	// Routes: the handler is the last of the handlers (middleware first);
	// *gin.Engine embeds *gin.RouterGroup. A registration returns its
	// group as a gin.IRoutes, and so does Use: a chain stays on the group
	// (g.Group("/user").Use(auth).POST("", h) is POST /user).
	routes: ginRoutes(),
	apps:   []typeName{{"github.com/gin-gonic/gin", "Engine"}},
	// An error-rendering middleware: c.Next(), then c.Errors.
	errorMiddleware: &middlewareRow{
		next:   "(*github.com/gin-gonic/gin.Context).Next",
		errors: fieldRow{typeName{"github.com/gin-gonic/gin", "Context"}, "Errors"},
	},
	prims: map[string]primitive{
		// JSON writers: status, body.
		"(*github.com/gin-gonic/gin.Context).JSON":                    p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).IndentedJSON":            p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).SecureJSON":              p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).PureJSON":                p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).AsciiJSON":               p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).JSONP":                   p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).AbortWithStatusJSON":     p(roleJSON, 0, 1),
		"(*github.com/gin-gonic/gin.Context).AbortWithStatusPureJSON": p(roleJSON, 0, 1),
		// Other content types: raw with an error status.
		"(*github.com/gin-gonic/gin.Context).String":         p(roleText, 0, 1).fixMsg(msgFormat),
		"(*github.com/gin-gonic/gin.Context).HTML":           p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).XML":            p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).YAML":           p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).TOML":           p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).ProtoBuf":       p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).BSON":           p(roleText, 0, -1),
		"(*github.com/gin-gonic/gin.Context).File":           p(roleText, -1, -1),
		"(*github.com/gin-gonic/gin.Context).FileAttachment": p(roleText, -1, -1),
		"(*github.com/gin-gonic/gin.Context).Data":           p(roleData, 0, 2).ctypeAt(1).fixMsg(msgBody),
		// No body.
		"(*github.com/gin-gonic/gin.Context).AbortWithStatus": p(roleNoBody, 0, -1).fixMsg(msgStatusText),
		// Status for the write that follows; AbortWithError writes it now
		// (an error-rendering middleware may write the body from c.Errors).
		"(*github.com/gin-gonic/gin.Context).Status": p(roleSetStatus, 0, -1).sentAlone(), // gin writes it after the handlers
		// Abort stops the handlers that follow; it writes nothing.
		"(*github.com/gin-gonic/gin.Context).Abort":          p(roleSilent, -1, -1),
		"(*github.com/gin-gonic/gin.Context).AbortWithError": p(roleWriteStatus, 0, -1).errAt(1),
		"(*github.com/gin-gonic/gin.Context).Header":         p(roleHeaderSet, -1, 1).keyAt(0),
	},
	defaults: ginDefaults(),
}

// ginRoutes are gin's routing rows: the verbs on a group and on the
// gin.IRoutes that registrations and Use return; Match (a list of methods)
// counts as a route of every method, like Any.
func ginRoutes() map[string]routeRow {
	const gin = "github.com/gin-gonic/gin"
	rows := routeSet([]string{"(*" + gin + ".RouterGroup).", "(" + gin + ".IRoutes)."}, map[string]routeRow{
		"GET":     onVerb("GET", 0, lastArg),
		"POST":    onVerb("POST", 0, lastArg),
		"PUT":     onVerb("PUT", 0, lastArg),
		"DELETE":  onVerb("DELETE", 0, lastArg),
		"PATCH":   onVerb("PATCH", 0, lastArg),
		"HEAD":    onVerb("HEAD", 0, lastArg),
		"OPTIONS": onVerb("OPTIONS", 0, lastArg),
		"Any":     onVerb("", 0, lastArg),
		"Match":   onVerb("", 1, lastArg),
		"Handle":  methodVerb(0, 1, lastArg),
		"Use":     group(-1),
	})
	rows["(*"+gin+".RouterGroup).Group"] = group(0)
	rows["(*"+gin+".Engine).Use"] = group(-1) // the engine's own Use
	return rows
}

// ginDefaults are gin's own error answers: "404 page not found" for an
// unmatched route, and, when HandleMethodNotAllowed is set, "405 method not
// allowed" for a wrong method, both text/plain, unless NoRoute / NoMethod
// handlers write a body. (gin.Recovery's bodyless 500 is left out: an app's
// own recovery middleware registered after it answers first, which the
// analysis cannot tell.)
func ginDefaults() []fallback {
	const gin = "github.com/gin-gonic/gin"
	makers := []maker{makeFn(gin + ".New"), makeFn(gin + ".Default")}
	return []fallback{
		{
			id:         "gin.NoRoute",
			makers:     makers,
			instance:   typeName{gin, "Engine"},
			replacedBy: []replacement{callMethod(gin, "Engine", "NoRoute")},
			fix:        genFix{genFixCall, "NoRoute", "NoRoute"},
			message:    "%s without NoRoute answers unmatched routes with a plain-text 404 (\"404 page not found\"); call NoRoute with a handler that sends the documented JSON error body",
		},
		{
			id:         "gin.NoMethod",
			makers:     makers,
			instance:   typeName{gin, "Engine"},
			replacedBy: []replacement{callMethod(gin, "Engine", "NoMethod")},
			fix:        genFix{genFixCall, "NoMethod", "NoMethod"},
			when:       "HandleMethodNotAllowed",
			message:    "%s with HandleMethodNotAllowed and without NoMethod answers a wrong method with a plain-text 405 (\"405 method not allowed\"); call NoMethod with a handler that sends the documented JSON error body",
		},
	}
}
