// Package render is a stub of github.com/go-chi/render v1.0.3 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
package render

import "net/http"

// M is a convenience alias for quickly building a map structure that is going
// out to a responder.
type M map[string]interface{}

// Renderer interface for managing response payloads.
type Renderer interface {
	Render(w http.ResponseWriter, r *http.Request) error
}

// Binder interface for managing request payloads.
type Binder interface {
	Bind(r *http.Request) error
}

// Bind decodes a request body and executes the Binder method of the
// payload structure.
func Bind(r *http.Request, v Binder) error { return nil }

// Render renders a single payload and respond to the client request.
func Render(w http.ResponseWriter, r *http.Request, v Renderer) error { return nil }

// Status sets a HTTP response status code hint into request context.
func Status(r *http.Request, status int) {}

// Respond is a package-level variable set to the default Responder.
var Respond = DefaultResponder

// DefaultResponder handles streaming JSON and XML responses.
func DefaultResponder(w http.ResponseWriter, r *http.Request, v interface{}) {}

func PlainText(w http.ResponseWriter, r *http.Request, v string) {}
func Data(w http.ResponseWriter, r *http.Request, v []byte)      {}
func HTML(w http.ResponseWriter, r *http.Request, v string)      {}
func JSON(w http.ResponseWriter, r *http.Request, v interface{}) {}
func XML(w http.ResponseWriter, r *http.Request, v interface{})  {}
func NoContent(w http.ResponseWriter, r *http.Request)           {}
