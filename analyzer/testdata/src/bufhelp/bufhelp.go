// Package bufhelp: writers that encode their value into a buffer and // want package:"holds error helpers or types"
// then write the buffer (as go-pkgz/rest's RenderJSON does).
package bufhelp

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
)

// JSON is a map body.
type JSON map[string]any

// RenderJSON encodes data into a buffer, then writes it: the body is data.
func RenderJSON(w http.ResponseWriter, data any) { // want RenderJSON:`helper\(body=1 writes\)`
	buf := &bytes.Buffer{}
	enc := json.NewEncoder(buf)
	enc.SetEscapeHTML(true)
	if err := enc.Encode(data); err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}

// WriteString does the same with a buffer value and io.WriteString.
func WriteString(w http.ResponseWriter, v any) { // want WriteString:`helper\(body=1 writes\)`
	var buf bytes.Buffer
	json.NewEncoder(&buf).Encode(v)
	io.WriteString(w, buf.String())
}

// Prefixed writes more than the value into the buffer: its body is not v.
func Prefixed(w http.ResponseWriter, v any) {
	var buf bytes.Buffer
	buf.WriteString(")]}',\n")
	json.NewEncoder(&buf).Encode(v)
	w.Write(buf.Bytes())
}

// Two values encoded: the body is neither.
func Two(w http.ResponseWriter, a, b any) {
	buf := new(bytes.Buffer)
	enc := json.NewEncoder(buf)
	enc.Encode(a)
	enc.Encode(b)
	w.Write(buf.Bytes())
}
