package withtests

import "net/http"

func h(w http.ResponseWriter) {
	http.Error(w, "x", 500) // want `raw-http-error: http\.Error sends a plain-text body; send a JSON error body \{"code", "message", \.\.\.\}`
}
