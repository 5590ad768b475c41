// Package started: errors written after the response has started on every
// path are not error responses (the status can no longer be sent); where
// the earlier write happens on some paths only, the finding stands.
package started

import (
	"encoding/json"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"time"
)

// Left alone: the response has started on every path before the error.

func afterOK(w http.ResponseWriter, r *http.Request, rows []string) {
	w.WriteHeader(http.StatusOK)
	enc := json.NewEncoder(w)
	for _, row := range rows {
		if err := enc.Encode(row); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
	}
}

func afterCopy(w http.ResponseWriter, r *http.Request, f *os.File) {
	w.Header().Set("Content-Type", "text/csv")
	if _, err := io.Copy(w, f); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

func afterCopies(w http.ResponseWriter, r *http.Request, f *os.File, buf []byte, fsys fs.FS) {
	switch r.URL.Path {
	case "/n":
		if _, err := io.CopyN(w, f, 1024); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	case "/b":
		if _, err := io.CopyBuffer(w, f, buf); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	case "/fs":
		http.ServeFileFS(w, r, fsys, "data.json")
		http.Error(w, "after the file", http.StatusInternalServerError)
	default:
		http.ServeFile(w, r, "data.json")
		http.Error(w, "after the file", http.StatusInternalServerError)
	}
}

// A template's Execute is a call handed the response, not a write the
// tables know: the finding after it stands.
func afterTemplate(w http.ResponseWriter, r *http.Request, t *template.Template) {
	if err := t.Execute(w, nil); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
	}
}

// Copying into another writer does not start the response.
func copyElsewhere(w http.ResponseWriter, r *http.Request, f *os.File) {
	if _, err := io.Copy(os.Stdout, f); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
	}
}

func afterWrite(w http.ResponseWriter, r *http.Request, b []byte) {
	if _, err := w.Write(b); err != nil {
		w.WriteHeader(http.StatusTooManyRequests) // no Retry-After, no body: too late to matter
		return
	}
}

func afterServeContent(w http.ResponseWriter, r *http.Request, f *os.File) {
	http.ServeContent(w, r, "data.json", time.Time{}, f)
	http.NotFound(w, r)
}

// Flagged: the earlier write happens on some paths only, or is an error
// status (the error response itself).

func somePaths(w http.ResponseWriter, r *http.Request, b []byte, stream bool) {
	if stream {
		w.Write(b)
	}
	http.Error(w, "failed", http.StatusInternalServerError) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body \{"code", "message", ...\}`
}

func afterErrorStatus(w http.ResponseWriter, r *http.Request) {
	w.WriteHeader(http.StatusInternalServerError)
	http.Error(w, "failed", http.StatusInternalServerError) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}

func beforeWrite(w http.ResponseWriter, r *http.Request, f *os.File) {
	if f == nil {
		http.Error(w, "no file", http.StatusNotFound) // want `raw-http-error: http.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
		return
	}
	io.Copy(w, f)
}
