package analyzer

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// TestCollectRoutes: with Config.Routes, a package's Result lists its
// complete routes, with the handler's name, its statuses and the codes
// sent with them, where the full
// path became known and the operations the route matches (routesOps); a
// router that escapes (stored in a field) gets the operations whose path
// ends with its path's shape. Without Config.Routes, Result.Routes is nil
// (every other fixture package).
func TestCollectRoutes(t *testing.T) {
	var got []string
	for _, res := range fixtures(t).results {
		r, _ := res.Result.(*Result)
		if r == nil {
			continue
		}
		if res.Pass.Pkg.Path() != "routes/collect" {
			if r.Routes != nil {
				t.Errorf("%s: Routes collected without Config.Routes", res.Pass.Pkg.Path())
			}
			continue
		}
		for _, rt := range r.Routes {
			var ops []string
			for _, op := range rt.Operations {
				ops = append(ops, op.Method+" "+op.Path)
			}
			handler := rt.Handler
			if i := strings.LastIndex(handler, "/collect/"); i >= 0 && strings.HasSuffix(handler, ":"+fmt.Sprint(rt.Pos.Line)) {
				handler = handler[i+1:] // a function literal: its position
			}
			var codes []string
			for _, s := range rt.Statuses {
				codes = append(codes, s.Codes...)
			}
			got = append(got, fmt.Sprintf("%s %s line %d handler=%s statuses=%s codes=%s blind=%v open=%v ops=[%s] documented=%s",
				rt.Method, rt.Path, rt.Pos.Line, handler, statusList(rt.Statuses), strings.Join(codes, ","), rt.Blind, rt.Open, strings.Join(ops, ", "), DocumentedStatuses(rt.Operations)))
		}
	}
	slices.Sort(got)
	want := []string{
		"GET /g/old line 35 handler=collect/collect.go:35 statuses=202@collect/collect.go:36 codes= blind=false open=false ops=[GET /g/old] documented=200",
		"GET /h/pets line 45 handler= statuses= codes= blind=true open=false ops=[GET /h/pets] documented=200, 4XX",
		"GET /h/pets/{id} line 43 handler=(*routes/collect.server).getPet statuses=204@collect/collect.go:19 codes= blind=false open=false ops=[GET /h/pets/{petId}] documented=200, 404",
		"GET /pets/{id} line 52 handler=(*routes/collect.server).getPet statuses=204@collect/collect.go:19 codes= blind=false open=true ops=[GET /h/pets/{petId}, GET /g/pets/{petId}, GET /e/pets/{petId}, GET /e5/pets/{petId}, GET /f/pets/{petId}, GET /f3/pets/{petId}, GET /c/pets/{petId}] documented=200, 404",
		"POST /h/pets line 44 handler=routes/collect.created(...) statuses=201@collect/collect.go:24 codes= blind=false open=false ops=[POST /h/pets] documented=201, 400",
		"PUT /h/pets/{id} line 46 handler=routes/collect.conflict statuses=409@collect/collect.go:29 codes=CONFLICT blind=false open=false ops=[PUT /h/pets/{id}] documented=200",
	}
	if !slices.Equal(got, want) {
		t.Errorf("routes of routes/collect:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
