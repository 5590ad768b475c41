package skipfiles

import "net/http"

func h(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "x", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
