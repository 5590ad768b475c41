package analyzer

// renderFW is github.com/go-chi/render (v1.0.3), used with chi: functions of
// the ResponseWriter and the request. render.Status(r, s) stores the status
// in the request's context for the render call that follows; render.Render
// calls v.Render(w, r) (a Renderer that passes one of its fields to
// render.Status makes that field its status field) and then responds with v.
var renderFW = &framework{
	name:       "render",
	pkgs:       []string{"github.com/go-chi/render"},
	mapBodies:  []typeName{{"github.com/go-chi/render", "M"}},
	retryAfter: `%[1]s.Header().Set("Retry-After", %[2]s)`,
	starts:     true,
	// Routes: go-chi/chi, the router that render is used with.
	routes: merge(
		routeSet([]string{"(*github.com/go-chi/chi/v5.Mux).", "(github.com/go-chi/chi/v5.Router)."}, map[string]routeRow{
			"Get":    onVerb("GET", 0, 1),
			"Post":   onVerb("POST", 0, 1),
			"Put":    onVerb("PUT", 0, 1),
			"Delete": onVerb("DELETE", 0, 1),
			"Patch":  onVerb("PATCH", 0, 1),
			"Route":  subRoute(0, 1),
			"Group":  subRoute(-1, 0),
			"With":   group(-1),
			"Mount":  mount(0, 1),
		}),
		routeSet([]string{"(*github.com/go-chi/chi/v5.Mux).", "(github.com/go-chi/chi/v5.Router)."}, map[string]routeRow{
			"Handle":     onVerb("", 0, 1),
			"HandleFunc": onVerb("", 0, 1),
			"Method":     methodVerb(0, 1, 2),
			"MethodFunc": methodVerb(0, 1, 2),
		}),
	),
	prims: map[string]primitive{
		"github.com/go-chi/render.Status":           p(roleSetStatus, 1, -1),
		"github.com/go-chi/render.JSON":             p(roleJSON, -1, 2).on(0),
		"github.com/go-chi/render.Respond":          p(roleJSON, -1, 2).on(0), // a variable: DefaultResponder unless replaced
		"github.com/go-chi/render.DefaultResponder": p(roleJSON, -1, 2).on(0),
		"github.com/go-chi/render.Render":           p(roleJSON, -1, 2).on(0).withSelfStatus(),
		"github.com/go-chi/render.PlainText":        p(roleText, -1, 2).on(0),
		"github.com/go-chi/render.HTML":             p(roleText, -1, 2).on(0),
		"github.com/go-chi/render.Data":             p(roleText, -1, 2).on(0),
		"github.com/go-chi/render.XML":              p(roleText, -1, -1).on(0),
		"github.com/go-chi/render.NoContent":        p(roleSilent, -1, -1).on(0), // always 204
	},
}
