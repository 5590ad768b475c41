// Package plainhelp: writers of text with their caller's status, in // want package:"holds error helpers or types"
// another package than their callers (plainuse).
package plainhelp

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
)

// Text writes its text after the caller's status: the call sites decide
// whether that text is plain.
func Text(w http.ResponseWriter, status int, msg string) { // want Text:`helper\(status=1 text=2 writes\)`
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(status)
	io.WriteString(w, msg)
}

// Bytes does the same with w.Write.
func Bytes(w http.ResponseWriter, status int, body []byte) { // want Bytes:`helper\(status=1 text=2 writes\)`
	w.WriteHeader(status)
	w.Write(body)
}

// Print does the same with fmt.Fprint.
func Print(w http.ResponseWriter, status int, msg string) { // want Print:`helper\(status=1 text=2 writes\)`
	w.WriteHeader(status)
	fmt.Fprint(w, msg)
}

// Errorf writes plain text of its own after the caller's status.
func Errorf(w http.ResponseWriter, status int, err error) { // want Errorf:`helper\(status=1 writes rawtext\)`
	w.WriteHeader(status)
	fmt.Fprintf(w, "error: %v\n", err)
}

// Wrap passes its own status and text on.
func Wrap(w http.ResponseWriter, status int, msg string) { // want Wrap:`helper\(status=1 text=2 writes\)`
	Text(w, status, msg)
}

// Fail passes its status on with plain text of its own.
func Fail(w http.ResponseWriter, status int) { // want Fail:`helper\(status=1 writes rawtext\)`
	Text(w, status, "request failed")
}

// Respond writes plain text on one path only: not a raw helper.
func Respond(w http.ResponseWriter, status int, v any) { // want Respond:`helper\(status=1 body=2 writes\)`
	w.WriteHeader(status)
	if v == nil {
		io.WriteString(w, "ok")
		return
	}
	json.NewEncoder(w).Encode(v)
}

// TextOrJSON writes its text on one path only: not a text helper.
func TextOrJSON(w http.ResponseWriter, status int, msg string, v any) { // want TextOrJSON:`helper\(status=1 body=3 writes\)`
	w.WriteHeader(status)
	if v == nil {
		io.WriteString(w, msg)
		return
	}
	json.NewEncoder(w).Encode(v)
}
