// Command newsvc serves the order API: a service started from its error
// catalog with apierrlint gen (see internal/apierr).
package main

import (
	"log"
	"net/http"
	"os"

	"example.com/newsvc/internal/apierr"
	"example.com/newsvc/internal/handlers"
	"example.com/newsvc/internal/orders"
)

func main() {
	h := &handlers.Orders{Store: orders.NewStore()}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /orders/{id}", h.Get)
	mux.HandleFunc("POST /orders", h.Create)
	mux.HandleFunc("DELETE /orders/{id}", h.Cancel)
	mux.HandleFunc("POST /orders/{id}/ship", h.Ship)
	mux.HandleFunc("POST /orders/{id}/return", h.Return)

	maintenance := func() bool { return os.Getenv("MAINTENANCE") != "" }
	var handler http.Handler = mux
	handler = handlers.RequireKey(handler)
	handler = handlers.Limit(100, handler)
	handler = handlers.Maintenance(maintenance, handler)
	handler = apierr.WithRequestID(handler)
	log.Fatal(http.ListenAndServe(":8080", handler))
}
