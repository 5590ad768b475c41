package analyzer

// Routes are framework knowledge, rows of the tables in fw_*.go beside the
// response APIs: the methods and functions that register a handler on a
// path, make a router under a prefix, hand a sub-router to a function, or
// mount a router (routes.go follows them; undocumented.go checks the
// statuses of the handlers against the OpenAPI operations).

// routeKind is what a routing primitive does.
type routeKind int

const (
	// routeHandle registers the handler argument on the path.
	routeHandle routeKind = iota + 1
	// routeGroup returns a router under the path (gin, echo, fiber Group;
	// chi With, whose router is the same: no path).
	routeGroup
	// routeSub calls the function argument with a router under the path
	// (chi Route, fiber Route; chi Group: no path).
	routeSub
	// routeMount mounts the router argument under the path (chi Mount).
	routeMount
	// routeStrip hands the router argument the request's path without its
	// prefix (http.StripPrefix): the router's paths are not the request's.
	routeStrip
)

// lastArg, as a route row's argument index, is the call's last argument:
// gin's and fiber's handlers come after their middleware.
const lastArg = -2

// routeRow is one routing primitive of a table. Indexes count from 0 and
// exclude the receiver; -1 means none.
type routeRow struct {
	kind routeKind
	// method is the method the row registers ("GET"); "" when it is the
	// argument methodArg's, the pattern's (ServeMux), or any method.
	method    string
	methodArg int
	path      int
	arg       int // the handler (routeHandle), the function (routeSub) or the router (routeMount)
	// pattern: the path argument is a ServeMux pattern, which may begin
	// with its method ("GET /pets/{id}").
	pattern bool
}

// onVerb registers the handler argument h on the path argument with method m
// ("" any method).
func onVerb(m string, path, h int) routeRow {
	return routeRow{kind: routeHandle, method: m, methodArg: -1, path: path, arg: h}
}

// methodVerb registers with the method named by argument m (gin Handle,
// echo Add, chi Method).
func methodVerb(m, path, h int) routeRow {
	return routeRow{kind: routeHandle, methodArg: m, path: path, arg: h}
}

// muxRoute is ServeMux's Handle and HandleFunc: pattern, handler.
func muxRoute() routeRow { r := onVerb("", 0, 1); r.pattern = true; return r }

// group returns a router under the path argument (-1: the same prefix).
func group(path int) routeRow { return routeRow{kind: routeGroup, methodArg: -1, path: path, arg: -1} }

// subRoute calls the function argument fn with a router under the path.
func subRoute(path, fn int) routeRow {
	return routeRow{kind: routeSub, methodArg: -1, path: path, arg: fn}
}

// mount mounts the router argument h under the path.
func mount(path, h int) routeRow {
	return routeRow{kind: routeMount, methodArg: -1, path: path, arg: h}
}

// strip is http.StripPrefix: the router argument h sees paths without a
// prefix.
func strip(h int) routeRow { return routeRow{kind: routeStrip, methodArg: -1, path: -1, arg: h} }

// routeSet builds rows for methods of several receivers: the keys of rows
// are method names, each prefixed with each of recvs ("(*pkg.Type).").
func routeSet(recvs []string, rows map[string]routeRow) map[string]routeRow {
	out := map[string]routeRow{}
	for _, recv := range recvs {
		for name, r := range rows {
			out[recv+name] = r
		}
	}
	return out
}

// routePkgs are the packages that declare a routing primitive.
var routePkgs = func() map[string]bool {
	m := map[string]bool{}
	for _, fw := range frameworks {
		for key := range fw.routes {
			m[tablePackage(key)] = true
		}
	}
	return m
}()

// lookupRoute returns the route row of a function, by its full name.
func lookupRoute(fullName string) (routeRow, bool) {
	for _, fw := range frameworks {
		if r, ok := fw.routes[fullName]; ok {
			return r, true
		}
	}
	return routeRow{}, false
}
