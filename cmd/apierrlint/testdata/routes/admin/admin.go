// Package admin serves its own ServeMux, which the main package mounts
// under /admin: its routes are relative to the router it returns.
package admin

import "net/http"

func Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /stats", stats)
	return mux
}

func stats(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not yet", http.StatusNotImplemented)
}
