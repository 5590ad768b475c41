package apiwrap // want package:"holds error helpers or types"

import (
	"net/http"

	"apierr"
)

type Handler struct{}

// Error is a method wrapper that forwards status and code.
func (Handler) Error(w http.ResponseWriter, r *http.Request, status int, code apierr.Code) { // want Error:`helper\(status=2 code=3 writes\)`
	apierr.Write(w, r, status, code, "error")
}

// Internal fixes 500 through apierr.Fail.
func Internal(w http.ResponseWriter, r *http.Request, code apierr.Code) { // want Internal:`helper\(code=2 fixedstatus=500 writes\)`
	apierr.Fail(w, r, code)
}

// Errorf builds values through the constructor.
func Errorf(status int, code apierr.Code, format string, args ...any) error { // want Errorf:`helper\(status=0 code=1\)`
	return apierr.New(status, code, format)
}

func Reexported() apierr.Code { return apierr.CodeNotFound }

const Missing = apierr.CodeNotFound
