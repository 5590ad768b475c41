package analyzer

import "github.com/apierrlint/apierrlint/catalog"

// routesOps are the OpenAPI operations of the routes fixtures
// (testdata/src/routes/...), one path namespace per framework.
var routesOps = func() []catalog.Operation {
	op := func(method, path string, statuses ...int) catalog.Operation {
		return catalog.Operation{Method: method, Path: path, Statuses: statuses, File: "openapi.yaml"}
	}
	withDefault := func(o catalog.Operation) catalog.Operation { o.Default = true; return o }
	withRange := func(o catalog.Operation, r int) catalog.Operation { o.Ranges = []int{r}; return o }
	var ops []catalog.Operation
	for _, ns := range []string{"h", "g", "e", "e5", "f", "f3", "c"} {
		ops = append(ops,
			op("GET", "/"+ns+"/pets/{petId}", 200, 404),
			op("POST", "/"+ns+"/pets", 201, 400),
			withRange(op("GET", "/"+ns+"/pets", 200), 4),
			withDefault(op("DELETE", "/"+ns+"/pets/{id}", 204)),
			op("PUT", "/"+ns+"/pets/{id}", 200),
			op("PATCH", "/"+ns+"/pets/{id}", 200),
			op("GET", "/"+ns+"/api/v1/owners", 200),
			op("POST", "/"+ns+"/api/v1/owners", 201),
			op("GET", "/"+ns+"/old", 200),
			op("DELETE", "/"+ns+"/old", 204),
			op("GET", "/"+ns+"/files/{path}", 200),
		)
	}
	ops = append(ops,
		op("GET", "/x/vets", 200),
		op("GET", "/x/vets/{id}", 200, 404),
		op("GET", "/x/api/v1/specialties", 200),
		op("GET", "/x/api/owners", 200),
		op("POST", "/x/api/owners", 201, 400),
	)
	// Under a base path: a route matches /b/items/{id} or
	// /api/v1/b/items/{id} (routes/gin/basepath.go).
	based := op("GET", "/b/items/{id}", 200, 404)
	based.BasePath = "/api/v1"
	ops = append(ops, based)
	return ops
}()
