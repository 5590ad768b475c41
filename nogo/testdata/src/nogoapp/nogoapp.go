package nogoapp

import (
	"encoding/json"
	"net/http"
)

func handler(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/gone" {
		w.WriteHeader(http.StatusGone)
		json.NewEncoder(w).Encode(map[string]string{"code": "GONE_FOREVER", "message": "x"})
		return
	}
	if r.URL.Path == "/old" {
		http.Error(w, "old", http.StatusGone) // raw-http-error is disabled by the configuration file
		return
	}
	w.WriteHeader(http.StatusNotFound)
	json.NewEncoder(w).Encode(map[string]string{"code": "NOT_FOUND", "message": "x"}) // want `unknown-code: NOT_FOUND is not in the error catalog \(codes of apierrlint.yml\)`
}
