package catalog

// Operation is one operation of an OpenAPI document: a method and a path
// template, and the response statuses the document lists for it.
type Operation struct {
	Method string // upper case: GET, POST, ...
	Path   string // the path template as documented: /pets/{id} (servers' base paths not included)
	// BasePath is the prefix the document puts before Path: Swagger 2.0's
	// basePath, or the path of the first URL of the operation's servers
	// in OpenAPI 3 (its variables at their defaults), without a trailing
	// slash; "" for none. A route matches Path or BasePath+Path.
	BasePath string
	// Statuses are the documented response statuses (200, 404, ...), in
	// ascending order.
	Statuses []int
	// Ranges are the documented status ranges' first digits: 4 for "4XX".
	Ranges []int
	// Default is set when the operation documents a "default" response,
	// which covers every status it does not list.
	Default bool
	// File and Pointer say where the operation is documented: the
	// document and the JSON pointer of the operation
	// (/paths/~1pets~1{id}/get); Line and Column are those of its method's
	// key (0: unknown).
	File    string
	Pointer string
	Line    int
	Column  int
}

// Documents reports whether the operation documents status: listed, in a
// listed range, or covered by a default response.
func (o Operation) Documents(status int) bool {
	if o.Default {
		return true
	}
	for _, s := range o.Statuses {
		if s == status {
			return true
		}
	}
	for _, r := range o.Ranges {
		if status/100 == r {
			return true
		}
	}
	return false
}
