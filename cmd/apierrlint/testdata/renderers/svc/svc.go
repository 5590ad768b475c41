package svc

import (
	"net/http"

	"example.com/rend/apierr"
	"example.com/rend/web"
)

var Get web.Handler = func(w http.ResponseWriter, r *http.Request) error {
	return &apierr.Error{HTTP: 429, Kind: "RATE_LIMIT_EXCEEDED", Text: "slow down"}
}

func Wrong() error {
	return &apierr.Error{HTTP: 409, Kind: "NOT_FOUND", Text: "x"}
}
