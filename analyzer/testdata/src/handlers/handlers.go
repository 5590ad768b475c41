package handlers // want package:"holds error helpers or types"

import (
	"net/http"

	"apierr"
	"apiwrap"
)

type body struct {
	Code    apierr.Code `json:"code"`
	Message string      `json:"message"`
}

// Flagged at the call sites, where the constants meet.

func h1(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, r, http.StatusInternalServerError, apierr.CodeNotFound, "x") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 500`
}

func h2(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, r, 404, "NOT_FOUDN", "x") // want `unknown-code: NOT_FOUDN is not in the error catalog \(embedded default\); did you mean NOT_FOUND\?`
}

func h3(w http.ResponseWriter, r *http.Request) {
	apiwrap.Handler{}.Error(w, r, 400, apiwrap.Missing) // want `status-mismatch: NOT_FOUND is documented with 404, sent with 400`
}

func h4(w http.ResponseWriter, r *http.Request) {
	apiwrap.Internal(w, r, apierr.CodeBadRequest) // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 500`
}

func h5() error {
	return apiwrap.Errorf(409, "NOT_FOUND", "x") // want `status-mismatch: NOT_FOUND is documented with 404, sent with 409`
}

func h6(w http.ResponseWriter, r *http.Request) {
	apierr.Status(w, r, 422) // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 422`
}

func h7(w http.ResponseWriter, r *http.Request) {
	apierr.JSON(w, 500, body{Code: apierr.CodeBadRequest, Message: "x"}) // want `status-mismatch: BAD_REQUEST is documented with 400, sent with 500`
}

func h8(w http.ResponseWriter, r *http.Request) {
	apierr.WriteCode(w, apierr.CodeRateLimit, "x") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(documented with 429\) is written without a Retry-After header on some path; set Retry-After`
}

func h9(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, r, 429, apierr.CodeRateLimit, "x") // want `missing-retry-after: RATE_LIMIT_EXCEEDED response \(429\) is written without a Retry-After header on some path; set Retry-After`
}

func h10(w http.ResponseWriter, r *http.Request) {
	apierr.Raw(w, "slow", http.StatusTooManyRequests) // want `missing-retry-after: 429 response is written without a Retry-After header on some path; set Retry-After`
}

var errNope = apierr.New(400, "NOPE", "x") // want `unknown-code: NOPE is not in the error catalog \(embedded default\)`

// Not flagged.

func ok1(w http.ResponseWriter, r *http.Request) { // want ok1:`helper\(writes retryafter\)`
	apierr.NotFound(w, r, "x")
	apierr.Wrong(w, r) // reported inside apierr
	apierr.TooMany(w, r, 3)
	apierr.Render(w, apierr.New(404, apierr.CodeNotFound, "x"))
}

func ok2(w http.ResponseWriter, r *http.Request, status int, code apierr.Code) { // want ok2:`helper\(status=2 code=3 writes\)`
	apierr.Write(w, r, status, code, "x")
	apierr.Write(w, r, status, apierr.CodeNotFound, "x")
	apierr.Write(w, r, 404, code, "x")
	apiwrap.Internal(w, r, apierr.CodeInternal)
}

func ok3(w http.ResponseWriter, r *http.Request) { // want ok3:`helper\(writes retryafter\)`
	w.Header().Set("Retry-After", "60")
	apierr.Write(w, r, 429, apierr.CodeRateLimit, "x")
	apierr.JSON(w, 200, body{Code: "PROMO", Message: "x"})
}

func ok4(w http.ResponseWriter, r *http.Request) {
	apierr.Write(w, r, 404, apiwrap.Reexported(), "x")
}
