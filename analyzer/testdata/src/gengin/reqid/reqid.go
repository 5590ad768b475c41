// Package reqid carries a request id in a context: the -request-id function
// of gengin/apierr.
package reqid

import "context"

type key struct{}

// NewContext returns a context that carries the request id id.
func NewContext(ctx context.Context, id string) context.Context {
	return context.WithValue(ctx, key{}, id)
}

// FromContext returns the request id that ctx carries ("" if none).
func FromContext(ctx context.Context) string {
	id, _ := ctx.Value(key{}).(string)
	return id
}
