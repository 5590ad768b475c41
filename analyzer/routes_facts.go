package analyzer

import (
	"fmt"
	"strings"
)

// The facts of undocumented-status, exported only when the catalog has
// OpenAPI operations (without them the rule does nothing). They carry
// positions as text ("vets/handlers.go:42"): the package that composes a
// route names the write that its handler's package could not judge.

// StatusAt is a constant status that a handler can answer, and where it is
// written: "dir/file.go:line".
type StatusAt struct {
	Status int
	At     string
	// Codes are the constant codes sent with the status, where the
	// analysis pairs them; only when the routes are collected
	// (Config.Routes).
	Codes []string
}

func (s StatusAt) String() string { return fmt.Sprintf("%d@%s", s.Status, s.At) }

// StatusesFact is exported on an exported function or method that can be
// a handler (it takes a response) or that returns handlers (a factory: the
// function literals it returns): the constant statuses it can answer,
// the first place of each.
type StatusesFact struct {
	Statuses []StatusAt
}

// AFact marks StatusesFact as an analysis fact.
func (*StatusesFact) AFact() {}

func (f *StatusesFact) String() string { return "statuses(" + statusList(f.Statuses) + ")" }

// RoutesFact is exported on a function that registers routes on a router
// parameter, or on the router it returns (chi's r.Route("/vets",
// vets.Routes), r.Mount("/api", api.Router())): the routes relative to
// that router, with what their handlers can answer.
type RoutesFact struct {
	Routes []FactRoute
}

// FactRoute is one relative route of a RoutesFact.
type FactRoute struct {
	Param    int    // the router parameter; -2: the result
	Method   string // "" any method
	Path     string
	Statuses []StatusAt
	Blind    bool // a handler the analysis cannot see into
	// Handler names the handler (see [Route]); set only when the routes
	// are collected (Config.Routes).
	Handler string
}

// AFact marks RoutesFact as an analysis fact.
func (*RoutesFact) AFact() {}

func (f *RoutesFact) String() string {
	var parts []string
	for _, r := range f.Routes {
		m := r.Method
		if m == "" {
			m = "*"
		}
		on := fmt.Sprintf("param%d", r.Param)
		if r.Param == resultParam {
			on = "result"
		}
		blind := ""
		if r.Blind {
			blind = " blind"
		}
		parts = append(parts, fmt.Sprintf("%s %s %s [%s]%s", on, m, r.Path, statusList(r.Statuses), blind))
	}
	return "routes(" + strings.Join(parts, "; ") + ")"
}

func statusList(list []StatusAt) string {
	s := make([]string, len(list))
	for i, st := range list {
		s[i] = st.String()
	}
	return strings.Join(s, " ")
}
