package main_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// routesDir is the module of the routes command's tests: chi routes under
// /api/v1, a closure handler, a route the document does not describe,
// routes that the package vets registers on a router parameter (composed
// under /api/v1/vets by main), a ServeMux that the package admin returns
// and main mounts under /admin, and a chi router kept in a struct field
// (PUT /pets/{id}, under a prefix the analysis does not see).
// api/openapi.yaml documents every route of /api/v1 but health, PUT
// /pets/{petId}, and DELETE /pets/{petId}, which no route implements; api/complete.yaml (Swagger 2.0, basePath /api/v1) lists
// only operations with a route; api/broken.yaml has a $ref to nothing.
func routesDir(t *testing.T) string {
	t.Helper()
	dir, err := filepath.Abs(filepath.Join("testdata", "routes"))
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// TestRoutesText: one route a line, sorted by path then method, with the
// full path (the prefixes of main's Route and Mount composed with the
// routes of vets and admin; "…" before the path of a router kept in a
// field), the statuses each handler can answer with their codes, what the
// document lists for the route's operation, and the handler.
func TestRoutesText(t *testing.T) {
	out, errOut, code := runSplit(t, routesDir(t), bin, "routes", "-catalog", "api/openapi.yaml", "./...")
	want := `METHOD  PATH                  STATUSES                     DOCUMENTED                   HANDLER
GET     /admin/stats          501                          not in the document          example.com/pets/admin.stats
GET     /api/v1/health        -                            not in the document          example.com/pets.health
GET     /api/v1/pets          -                            GET /pets: 200               example.com/pets.listPets
POST    /api/v1/pets          201                          POST /pets: 201, 400         main.go:23
GET     /api/v1/pets/{id}     404 NOT_FOUND, 409 CONFLICT  GET /pets/{petId}: 200, 404  example.com/pets.getPet
GET     /api/v1/vets/         200                          GET /vets: 200               example.com/pets/vets.List
GET     /api/v1/vets/{vetId}  503 SERVICE_UNAVAILABLE      GET /vets/{id}: 200, 5XX     example.com/pets/vets.Get
PUT     …/pets/{id}           202                          PUT /pets/{petId}: 200       main.go:57

…: the router may be served under a prefix that apierrlint does not see (stored in a field, handed to another package)
`
	if code != 0 || out != want {
		t.Errorf("routes: exit %d, stdout\n%s\nwant\n%s\nstderr: %s", code, out, want, errOut)
	}
	if wantErr := "8 routes; 7 operations of api/openapi.yaml, 1 without a route\n"; errOut != wantErr {
		t.Errorf("routes: stderr %q, want %q", errOut, wantErr)
	}

	// The embedded catalog has no operations: no documented column.
	out, errOut, code = runSplit(t, routesDir(t), bin, "routes", "./...")
	if code != 0 || !strings.HasPrefix(out, "METHOD  PATH                  STATUSES                     HANDLER\n") ||
		!strings.Contains(out, "\nGET     /api/v1/vets/{vetId}  503 SERVICE_UNAVAILABLE      example.com/pets/vets.Get\n") ||
		strings.Contains(out, "DOCUMENTED") || errOut != "8 routes\n" {
		t.Errorf("routes with the embedded catalog: exit %d, stdout\n%s\nstderr: %s", code, out, errOut)
	}
}

// TestRoutesJSON: -json prints the documented schema (docs/routes.md).
func TestRoutesJSON(t *testing.T) {
	out, errOut, code := runSplit(t, routesDir(t), bin, "routes", "-json", "-catalog", "api/openapi.yaml", "./...")
	if code != 0 {
		t.Fatalf("routes -json: exit %d\n%s%s", code, out, errOut)
	}
	type operation struct {
		Method, Path, BasePath, Position, Pointer string
		Statuses, Ranges                          []int
		Default                                   bool
	}
	var got struct {
		Routes []struct {
			Method, Path, Position, Handler string
			PrefixUnknown, StatusesKnown    bool
			Statuses                        []struct {
				Status int
				Codes  []string
				At     string
			}
			Operations []operation
		}
		Operations, WithoutRoute []operation
	}
	dec := json.NewDecoder(strings.NewReader(out))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("routes -json: %v\n%s", err, out)
	}
	if len(got.Routes) != 8 || len(got.Operations) != 7 {
		t.Fatalf("routes -json: %d routes, %d operations; want 8 and 7\n%s", len(got.Routes), len(got.Operations), out)
	}
	// The last route: vets.Get, composed under /api/v1/vets by main's
	// r.Route("/vets", vets.Routes), where its position is; its status and
	// code come from the facts of vets.
	r := got.Routes[6]
	if r.Method != "GET" || r.Path != "/api/v1/vets/{vetId}" || r.Position != "main.go:27:3" || r.Handler != "example.com/pets/vets.Get" ||
		r.PrefixUnknown || !r.StatusesKnown || len(r.Statuses) != 1 || r.Statuses[0].Status != 503 || r.Statuses[0].At != "vets/vets.go:21" ||
		len(r.Statuses[0].Codes) != 1 || r.Statuses[0].Codes[0] != "SERVICE_UNAVAILABLE" {
		t.Errorf("routes -json: the vets route is %+v", r)
	}
	if len(r.Operations) != 1 || r.Operations[0].Path != "/vets/{id}" || r.Operations[0].BasePath != "/api/v1" ||
		r.Operations[0].Position != "api/openapi.yaml:30:5" || r.Operations[0].Pointer != "/paths/~1vets~1{id}/get" ||
		len(r.Operations[0].Statuses) != 1 || r.Operations[0].Statuses[0] != 200 || len(r.Operations[0].Ranges) != 1 || r.Operations[0].Ranges[0] != 5 {
		t.Errorf("routes -json: the vets route's operations are %+v", r.Operations)
	}
	if h := got.Routes[3]; h.Path != "/api/v1/pets" || h.Method != "POST" || h.Handler != "main.go:23" || h.Position != "main.go:23:3" {
		t.Errorf("routes -json: the closure's route is %+v", h)
	}
	if h := got.Routes[1]; h.Path != "/api/v1/health" || h.Statuses == nil || len(h.Statuses) != 0 || h.Operations == nil || len(h.Operations) != 0 || !h.StatusesKnown {
		t.Errorf("routes -json: the undocumented route is %+v", h)
	}
	// A router kept in a field: its path may lack a prefix; it implements
	// the operation whose path ends with its own.
	if o := got.Routes[7]; o.Method != "PUT" || o.Path != "/pets/{id}" || !o.PrefixUnknown || len(o.Operations) != 1 || o.Operations[0].Pointer != "/paths/~1pets~1{petId}/put" {
		t.Errorf("routes -json: the route under an unknown prefix is %+v", o)
	}
	if len(got.WithoutRoute) != 1 || got.WithoutRoute[0].Method != "DELETE" || got.WithoutRoute[0].Position != "api/openapi.yaml:19:5" {
		t.Errorf("routes -json: withoutRoute %+v, want DELETE /pets/{petId} at api/openapi.yaml:19:5", got.WithoutRoute)
	}
}

// TestRoutesCheck: -check reports each operation without a route at the
// document's line and column, exit code 3; with a document whose every
// operation has a route (through its basePath), nothing and exit code 0;
// when no operation has a route, nothing and exit code 1.
func TestRoutesCheck(t *testing.T) {
	dir := routesDir(t)
	out, errOut, code := runSplit(t, dir, bin, "routes", "-check", "-catalog", "api/openapi.yaml", "./...")
	want := "api/openapi.yaml:19:5: undocumented-status: operation DELETE /pets/{petId} has no route\n"
	if code != 3 || out != want {
		t.Errorf("routes -check: exit %d, stdout %q, want 3 and %q\nstderr: %s", code, out, want, errOut)
	}
	out, errOut, code = runSplit(t, dir, bin, "routes", "-check", "-catalog", "api/complete.yaml", "./...")
	if code != 0 || out != "" || errOut != "8 routes; 2 operations of api/complete.yaml, 0 without a route\n" {
		t.Errorf("routes -check (complete): exit %d, stdout %q, stderr %q", code, out, errOut)
	}

	// ./vets alone has no complete route (its routes are relative to the
	// router main hands it): not one operation has a route, which says
	// that the routes are not seen, not that every operation lacks one.
	out, errOut, code = runSplit(t, dir, bin, "routes", "-check", "-catalog", "api/complete.yaml", "./vets")
	if code != 1 || out != "" || !strings.Contains(errOut, "no route of the packages implements an operation of the document") ||
		!strings.Contains(errOut, "-check cannot tell which operations have no route: none reported") {
		t.Errorf("routes -check ./vets: exit %d, stdout %q, stderr %q; want 1, nothing reported, and why", code, out, errOut)
	}
}

// TestRoutesErrors: a broken catalog is a configuration error (exit code
// 2, as for the linter) naming the file and line; -check without an
// OpenAPI document has nothing to compare with.
func TestRoutesErrors(t *testing.T) {
	dir := routesDir(t)
	out, errOut, code := runSplit(t, dir, bin, "routes", "-check", "-catalog", "api/broken.yaml", "./...")
	if code != 2 || out != "" || !strings.HasPrefix(errOut, "apierrlint: api/broken.yaml:8: /paths/~1pets/get/responses/200: ") {
		t.Errorf("routes -catalog api/broken.yaml: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
	_, errOut, code = runSplit(t, dir, bin, "routes", "-check", "./...")
	if code != 2 || !strings.Contains(errOut, "-check compares the routes with the operations of an OpenAPI document") {
		t.Errorf("routes -check without a document: exit %d, stderr %q", code, errOut)
	}
}
