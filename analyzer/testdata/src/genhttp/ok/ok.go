package ok // want package:"holds error helpers or types"

// Package ok uses the code that apierrlint gen wrote (genhttp/apierr) as it
// is meant to be used: the analysis reports nothing. A function that calls
// the writer may set Retry-After (the writer does, for a status that needs
// it), which its fact records.

import (
	"errors"
	"net/http"

	"genhttp/apierr"
)

type order struct{ ID string }

var errNoStock = apierr.New(apierr.CodeConflict, "out of stock")

func find(id string) (*order, error) {
	switch id {
	case "0":
		return nil, apierr.Errorf(apierr.CodeNotFound, "order %s not found", id)
	case "1":
		return nil, errNoStock
	}
	return &order{ID: id}, nil
}

func getOrder(w http.ResponseWriter, r *http.Request) { // want getOrder:`helper\(writes retryafter\(some paths\)\)`
	id := r.PathValue("id")
	if id == "" {
		apierr.Write(w, r, apierr.CodeBadRequest, "missing order id")
		return
	}
	if _, err := find(id); err != nil {
		var e *apierr.Error
		if errors.As(err, &e) {
			apierr.WriteError(w, r, e)
			return
		}
		apierr.Write(w, r, apierr.CodeInternalError, "cannot read the order")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func createOrder(w http.ResponseWriter, r *http.Request) { // want createOrder:`helper\(writes retryafter\(some paths\)\)`
	if r.Header.Get("Authorization") == "" {
		apierr.Write(w, r, apierr.CodeUnauthorized, "no credentials")
		return
	}
	if r.FormValue("name") == "" {
		// Field-level codes in the details are not the catalog's.
		apierr.WriteError(w, r, apierr.New(apierr.CodeValidationError, "invalid order").WithDetails(map[string]any{
			"name": map[string]any{"code": "required", "message": "Name is required"},
		}))
		return
	}
	w.WriteHeader(http.StatusCreated)
}

// limited: the writer sets Retry-After, the default or the error's own.
func limited(w http.ResponseWriter, r *http.Request) { // want limited:`helper\(writes retryafter\(some paths\)\)`
	if r.URL.Query().Has("soon") {
		apierr.WriteError(w, r, apierr.New(apierr.CodeRateLimitExceeded, "slow down").WithRetryAfter(5))
		return
	}
	apierr.Write(w, r, apierr.CodeRateLimitExceeded, "slow down")
}

// A wrapper that fixes the code, and one that passes it on.
func notFound(w http.ResponseWriter, r *http.Request) { // want notFound:`helper\(writes retryafter\(some paths\)\)`
	apierr.Write(w, r, apierr.CodeNotFound, "no such thing")
}

func fail(w http.ResponseWriter, r *http.Request, code apierr.Code) { // want fail:`helper\(code=2 writes retryafter\(some paths\)\)`
	apierr.Write(w, r, code, "failed")
}

func callsFail(w http.ResponseWriter, r *http.Request) { // want callsFail:`helper\(writes retryafter\(some paths\)\)`
	fail(w, r, apierr.CodeServiceUnavailable)
}

// Every code of the catalog, as a run-time value: nothing to check.
func all(w http.ResponseWriter, r *http.Request) { // want all:`helper\(writes retryafter\(some paths\)\)`
	for _, c := range apierr.Codes {
		if c.Status() == http.StatusNotFound {
			apierr.Write(w, r, c, "x")
			return
		}
	}
}
