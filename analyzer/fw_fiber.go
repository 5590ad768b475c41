package analyzer

// fiberFW is github.com/gofiber/fiber, v2 (v2.52.15; *fiber.Ctx) and v3
// (v3.5.0; fiber.Ctx and fiber.Res are interfaces). Fiber is built on
// fasthttp, not net/http: c.Response().Header is a fasthttp ResponseHeader.
var fiberFW = &framework{
	name: "fiber",
	pkgs: []string{"github.com/gofiber/fiber/v2", "github.com/gofiber/fiber/v3"},
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
}

func fiberPrims() map[string]primitive {
	m := map[string]primitive{
		// fiber.NewError is rendered by the app's ErrorHandler.
		"github.com/gofiber/fiber/v2.NewError":  p(roleSilent, 0, 1),
		"github.com/gofiber/fiber/v3.NewError":  p(roleSilent, 0, 1),
		"github.com/gofiber/fiber/v3.NewErrorf": p(roleSilent, 0, 1),
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
		"SendString": p(roleText, -1, 0),
		"Send":       p(roleText, -1, 0),
		"SendFile":   p(roleText, -1, -1),
		"XML":        p(roleText, -1, -1),
		"Format":     p(roleText, -1, -1), // v2: negotiated, plain text unless the client asks for another type
		// fiber sends the status text as plain text.
		"SendStatus": p(roleNoBody, 0, -1),
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
