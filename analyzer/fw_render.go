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
