package analyzer

// fiberFW is github.com/gofiber/fiber, v2 (v2.52.15; *fiber.Ctx) and v3
// (v3.5.0; fiber.Ctx and fiber.Res are interfaces). Fiber is built on
// fasthttp, not net/http: c.Response().Header is a fasthttp ResponseHeader.
var fiberFW = &framework{
	name: "fiber",
	pkgs: []string{"github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3"},
	// Routes: app.Group returns a fiber.Router (an interface); the handler
	// is the last of the handlers (middleware first).
	routes: merge(
		routeSet([]string{"(*github.com/gofiber/fiber/v2.App).", "(github.com/gofiber/fiber/v2.Router)."}, map[string]routeRow{
			"Get":    onVerb("GET", 0, lastArg),
			"Post":   onVerb("POST", 0, lastArg),
			"Put":    onVerb("PUT", 0, lastArg),
			"Delete": onVerb("DELETE", 0, lastArg),
			"Patch":  onVerb("PATCH", 0, lastArg),
			"Add":    methodVerb(0, 1, lastArg),
			"Group":  group(0),
			"Route":  subRoute(0, 1),
		}),
		routeSet([]string{"(*github.com/gofiber/fiber/v3.App).", "(github.com/gofiber/fiber/v3.Router)."}, map[string]routeRow{
			"Get":    onVerb("GET", 0, lastArg),
			"Post":   onVerb("POST", 0, lastArg),
			"Put":    onVerb("PUT", 0, lastArg),
			"Delete": onVerb("DELETE", 0, lastArg),
			"Patch":  onVerb("PATCH", 0, lastArg),
			"Group":  group(0),
			"Route":  subRoute(0, 1),
		}),
	),
	handles: []typeName{
		{"github.com/gofiber/fiber/v2", "Ctx"},
		{"github.com/gofiber/fiber/v3", "Ctx"},
		{"github.com/gofiber/fiber/v3", "Res"},
	},
	headerTypes: []typeName{{"github.com/valyala/fasthttp", "ResponseHeader"}},
	mapBodies: []typeName{
		{"github.com/gofiber/fiber/v2", "Map"},
		{"github.com/gofiber/fiber/v3", "Map"},
	},
	retryAfter: `%[1]s.Set("Retry-After", %[2]s)`,
	// fasthttp writes the response after the handler returns: Ctx.JSON
	// and the other writers set the body of fasthttp.Response (v2 ctx.go
	// JSON, v3 res.go DefaultRes.JSON: SetBodyRaw).
	buffered: true,
	prims:    fiberPrims(),
	defaults: append(fiberDefaults("v2"), fiberDefaults("v3")...),

	// The app's error renderer, func(c, err) error, installed with
	// fiber.New(fiber.Config{ErrorHandler: f}).
	renderers: []rendererType{
		{typ: typeName{"github.com/gofiber/fiber/v2", "ErrorHandler"}, handle: 0, err: 1},
		{typ: typeName{"github.com/gofiber/fiber/v3", "ErrorHandler"}, handle: 0, err: 1},
	},
	registrations: []fieldRow{
		{typeName{"github.com/gofiber/fiber/v2", "Config"}, "ErrorHandler"},
		{typeName{"github.com/gofiber/fiber/v3", "Config"}, "ErrorHandler"},
	},
	errVars: merge(
		errVarsOf("github.com/gofiber/fiber/v2", typeName{"github.com/gofiber/fiber/v2", "Error"}, allErrVars(), nil),
		errVarsOf("github.com/gofiber/fiber/v3", typeName{"github.com/gofiber/fiber/v3", "Error"}, allErrVars(), nil),
	),
}

// fiberDefaults are fiber's own error answers, alike in v2 and v3. The
// ErrorHandler is fixed when the app is made (fiber.Config), but an app
// mounted into another (app.Mount, v3's app.Use) answers with the other's
// handler: the app is followed like echo's. The limiter sets Retry-After
// itself before LimitReached; keyauth's default also sends plain text.
func fiberDefaults(v string) []fallback {
	fiber := "github.com/gofiber/fiber/" + v
	limiter := fiber + "/middleware/limiter"
	keyauth := fiber + "/middleware/keyauth"
	return []fallback{
		{
			id:         "fiber/" + v + ".ErrorHandler",
			makers:     []maker{makeFnConfig(fiber+".New", "config")},
			instance:   typeName{fiber, "App"},
			replacedBy: []replacement{setField(fiber, "Config", "ErrorHandler")},
			fix:        genFix{genFixConfig, "ErrorHandler", "ErrorHandler"},
			message:    "%s without an ErrorHandler answers every error that a handler returns or fiber raises (no route: 404, wrong method: 405, body too large: 413) with plain text; set fiber.Config{ErrorHandler: ...} to a handler that sends the documented JSON error body",
		},
		{
			id:         "limiter/" + v + ".LimitReached",
			makers:     []maker{makeFnConfig(limiter+".New", "config")},
			replacedBy: []replacement{setField(limiter, "Config", "LimitReached")},
			fix:        genFix{genFixConfig, "LimitReached", "LimitReached"},
			message:    "%s without LimitReached answers a request over the limit with a plain-text 429 (SendStatus); set limiter.Config{LimitReached: ...} to a handler that sends the documented JSON error body",
		},
		{
			id:         "keyauth/" + v + ".ErrorHandler",
			makers:     []maker{makeFnConfig(keyauth+".New", "config")},
			replacedBy: []replacement{setField(keyauth, "Config", "ErrorHandler")},
			message:    "%s without an ErrorHandler answers a missing or invalid key with a plain-text 401; set keyauth.Config{ErrorHandler: ...} to a handler that sends the documented JSON error body",
		},
	}
}

func fiberPrims() map[string]primitive {
	m := map[string]primitive{
		// fiber.NewError is rendered by the app's ErrorHandler.
		"github.com/gofiber/fiber/v2.NewError":  p(roleSilent, 0, 1).builds(typeName{"github.com/gofiber/fiber/v2", "Error"}),
		"github.com/gofiber/fiber/v3.NewError":  p(roleSilent, 0, 1).builds(typeName{"github.com/gofiber/fiber/v3", "Error"}),
		"github.com/gofiber/fiber/v3.NewErrorf": p(roleSilent, 0, 1).builds(typeName{"github.com/gofiber/fiber/v3", "Error"}),
		// c.Response().Header.Set(k, v)
		"(*github.com/valyala/fasthttp.ResponseHeader).Set": p(roleHeaderSet, -1, 1).keyAt(0),
		"(*github.com/valyala/fasthttp.ResponseHeader).Add": p(roleHeaderSet, -1, 1).keyAt(0),
	}
	methods := map[string]primitive{
		// The status of the write that follows (c.Status(429).JSON(b)).
		"Status": p(roleSetStatus, 0, -1).sentAlone(), // sent when the handler returns
		// JSON: the body; the status is the one set before.
		"JSON": p(roleJSON, -1, 0),
		// Other content types: raw with an error status, except a constant
		// JSON object.
		"SendString": p(roleText, -1, 0).fixMsg(msgBody),
		"Send":       p(roleText, -1, 0).fixMsg(msgBody),
		"SendFile":   p(roleText, -1, -1),
		"XML":        p(roleText, -1, -1),
		"Format":     p(roleText, -1, -1), // v2: negotiated, plain text unless the client asks for another type
		// fiber sends the status text as plain text.
		"SendStatus": p(roleNoBody, 0, -1).fixMsg(msgStatusText),
		// Headers.
		"Set":    p(roleHeaderSet, -1, 1).keyAt(0),
		"Append": p(roleHeaderSet, -1, 1).keyAt(0),
	}
	for name, pr := range methods {
		m["(*github.com/gofiber/fiber/v2.Ctx)."+name] = pr
		m["(github.com/gofiber/fiber/v3.Ctx)."+name] = pr
		m["(github.com/gofiber/fiber/v3.Res)."+name] = pr
	}
	// v3's Format calls one of the handlers it is given, by media type:
	// they write (and are analyzed where they are written), not Format.
	m["(github.com/gofiber/fiber/v3.Ctx).Format"] = p(roleSilent, -1, -1)
	m["(github.com/gofiber/fiber/v3.Res).Format"] = p(roleSilent, -1, -1)
	return m
}
