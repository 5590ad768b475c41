package apierr

import (
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/labstack/echo/v5"
)

func TestHandleWritesDocumentedBody(t *testing.T) {
	cases := []struct {
		name       string
		err        error
		wantStatus int
		wantCode   string
	}{
		{"api error", NotFound("Project"), http.StatusNotFound, CodeNotFound},
		{"framework 404", echo.ErrNotFound, http.StatusNotFound, CodeNotFound},
		{"framework 403", echo.NewHTTPError(http.StatusForbidden, "nope"), http.StatusForbidden, CodeForbidden},
	}
	r := NewRenderer(slog.New(slog.NewTextHandler(io.Discard, nil)))
	e := echo.New()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := httptest.NewRecorder()
			c := e.NewContext(httptest.NewRequest(http.MethodGet, "/x", nil), rec)
			r.Handle(c, tc.err)
			if rec.Code != tc.wantStatus {
				t.Fatalf("status = %d, want %d", rec.Code, tc.wantStatus)
			}
			var got Body
			if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
				t.Fatal(err)
			}
			if got.Code != tc.wantCode {
				t.Errorf("code = %q, want %q", got.Code, tc.wantCode)
			}
		})
	}
}
