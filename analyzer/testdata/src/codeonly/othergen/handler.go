package othergen // want package:"holds error helpers or types"

import "net/http"

func get(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "no such order", http.StatusNotFound) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body with code NOT_FOUND`
}
