package gen

import "text/template"

// behaviour is a test, run in TestGenBuild's module against the real
// frameworks, of what the generated handlers send: for each request, the
// status, the code, the Retry-After header and that the body does not leak
// the text of an unexpected error. It is executed with the golden cases of
// the embedded catalog (the *_default ones).
var behaviour = template.Must(template.New("").Parse(`package handlers_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
{{- if eq .Framework "fiber" "fiber/v3"}}
	"time"
{{- end}}

	"example.com/app/{{.Dir}}/apierr"
{{- if eq .Framework "gin"}}
	"github.com/gin-gonic/gin"
{{- else if eq .Framework "echo"}}
	"github.com/labstack/echo/v4"
{{- else if eq .Framework "echo/v5"}}
	"github.com/labstack/echo/v5"
{{- else if eq .Framework "fiber"}}
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/limiter"
{{- else if eq .Framework "fiber/v3"}}
	"github.com/gofiber/fiber/v3"
	"github.com/gofiber/fiber/v3/middleware/limiter"
{{- end}}
)

// want is what a request must get: status, code ("" for no error body),
// Retry-After ("" for none, "*" for any number of seconds below 60).
type want struct {
	status      int
	code        string
	retryAfter  string
}

func check(t *testing.T, name string, res *http.Response, w want) {
	t.Helper()
	data, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != w.status {
		t.Errorf("%s: status %d, want %d (%s)", name, res.StatusCode, w.status, data)
	}
	ra := res.Header.Get("Retry-After")
	switch w.retryAfter {
	case "*":
		var n int
		if _, err := fmt.Sscan(ra, &n); err != nil || n < 1 || n >= 60 {
			t.Errorf("%s: Retry-After %q, want the limiter's (1 to 59 seconds)", name, ra)
		}
	default:
		if ra != w.retryAfter {
			t.Errorf("%s: Retry-After %q, want %q", name, ra, w.retryAfter)
		}
	}
	if strings.Contains(string(data), "secret") {
		t.Errorf("%s: the body leaks the error's text: %s", name, data)
	}
	if w.code == "" {
		if len(data) != 0 && w.status >= 400 {
			t.Errorf("%s: a body %s, want none", name, data)
		}
		return
	}
	var body struct{ Code, Message string }
	if err := json.Unmarshal(data, &body); err != nil || body.Code != w.code || body.Message == "" {
		t.Errorf("%s: body %s (%v), want code %s and a message", name, data, err, w.code)
	}
	if ct := res.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("%s: Content-Type %q", name, ct)
	}
}

// TestHandlerFunc: the net/http adapter sends an *Error found with
// errors.As as it is, any other error as INTERNAL_ERROR.
func TestHandlerFunc(t *testing.T) {
	for name, c := range map[string]struct {
		err error
		want
	}{
		"not found":  {apierr.New(apierr.CodeNotFound, "no such order"), want{404, "NOT_FOUND", ""}},
		"wrapped":    {fmt.Errorf("ctx: %w", apierr.New(apierr.CodeRateLimitExceeded, "slow down")), want{429, "RATE_LIMIT_EXCEEDED", "60"}},
		"unexpected": {errors.New("secret: db password"), want{500, "INTERNAL_ERROR", ""}},
	} {
		h := apierr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error { return c.err })
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		check(t, name, rec.Result(), c.want)
	}
	ok := apierr.HandlerFunc(func(w http.ResponseWriter, r *http.Request) error { return nil })
	rec := httptest.NewRecorder()
	ok.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	check(t, "no error", rec.Result(), want{200, "", ""})
{{- if not (eq .Framework "net/http" "chi")}}

	// The net/http writer beside the framework's.
	rec = httptest.NewRecorder()
	apierr.WriteHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil), apierr.CodeConflict, "taken")
	check(t, "WriteHTTP", rec.Result(), want{409, "CONFLICT", ""})
{{- end}}
}
{{- if eq .Framework "gin"}}

// TestGin: NoRoute, NoMethod and RenderErrors.
func TestGin(t *testing.T) {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	r.HandleMethodNotAllowed = true
	r.Use(apierr.RenderErrors())
	r.NoRoute(apierr.NoRoute)
	r.NoMethod(apierr.NoMethod)
	r.GET("/err", func(c *gin.Context) { c.Error(fmt.Errorf("ctx: %w", apierr.New(apierr.CodeConflict, "taken"))) })
	r.GET("/plain", func(c *gin.Context) { c.Error(errors.New("secret")) })
	r.GET("/written", func(c *gin.Context) { c.JSON(http.StatusOK, gin.H{"ok": true}); c.Error(errors.New("secret")) })
	r.GET("/ok", func(c *gin.Context) { c.Status(http.StatusNoContent) })
	for _, c := range []struct {
		method, path string
		want
	}{
		{"GET", "/nope", want{404, "NOT_FOUND", ""}},
		{"POST", "/err", want{400, "BAD_REQUEST", ""}}, // no code has 405
		{"GET", "/err", want{409, "CONFLICT", ""}},
		{"GET", "/plain", want{500, "INTERNAL_ERROR", ""}},
		{"GET", "/ok", want{204, "", ""}},
	} {
		rec := httptest.NewRecorder()
		r.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		check(t, c.method+" "+c.path, rec.Result(), c.want)
	}
	rec := httptest.NewRecorder()
	r.ServeHTTP(rec, httptest.NewRequest("GET", "/written", nil))
	if rec.Code != 200 || rec.Body.String() != ` + "`" + `{"ok":true}` + "`" + ` {
		t.Errorf("a written response: %d %s", rec.Code, rec.Body)
	}
}
{{- else if eq .Framework "echo" "echo/v5"}}

// TestEcho: HTTPErrorHandler.
func TestEcho(t *testing.T) {
	e := echo.New()
	e.HTTPErrorHandler = apierr.HTTPErrorHandler
	type ctx = {{if eq .Framework "echo"}}echo.Context{{else}}*echo.Context{{end}}
	conflict := func(c ctx) error { return fmt.Errorf("ctx: %w", apierr.New(apierr.CodeConflict, "taken")) }
	e.GET("/err", conflict)
	e.HEAD("/err", conflict)
	e.GET("/plain", func(c ctx) error { return errors.New("secret") })
	e.GET("/bad", func(c ctx) error { return echo.NewHTTPError(http.StatusBadRequest, "bad id") })
	e.GET("/teapot", func(c ctx) error { return echo.NewHTTPError(http.StatusTeapot, "no code") })
	e.GET("/limited", func(c ctx) error { return echo.NewHTTPError(http.StatusTooManyRequests, "slow down") })
	e.GET("/committed", func(c ctx) error { c.String(http.StatusOK, "ok"); return errors.New("secret") })
	for _, c := range []struct {
		method, path string
		want
	}{
		{"GET", "/nope", want{404, "NOT_FOUND", ""}},
		{"GET", "/err", want{409, "CONFLICT", ""}},
		{"HEAD", "/err", want{409, "", ""}},
		{"GET", "/plain", want{500, "INTERNAL_ERROR", ""}},
		{"GET", "/bad", want{400, "BAD_REQUEST", ""}},
		{"GET", "/teapot", want{400, "BAD_REQUEST", ""}}, // no code has 418
		{"GET", "/limited", want{429, "RATE_LIMIT_EXCEEDED", "60"}},
	} {
		rec := httptest.NewRecorder()
		e.ServeHTTP(rec, httptest.NewRequest(c.method, c.path, nil))
		check(t, c.method+" "+c.path, rec.Result(), c.want)
	}
	rec := httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/bad", nil))
	if !strings.Contains(rec.Body.String(), ` + "`" + `"message":"bad id"` + "`" + `) {
		t.Errorf("an echo.HTTPError's message is lost: %s", rec.Body)
	}
	rec = httptest.NewRecorder()
	e.ServeHTTP(rec, httptest.NewRequest("GET", "/committed", nil))
	if rec.Code != 200 || rec.Body.String() != "ok" {
		t.Errorf("a committed response: %d %s", rec.Code, rec.Body)
	}
}
{{- else if eq .Framework "fiber" "fiber/v3"}}

// TestFiber: ErrorHandler and LimitReached.
func TestFiber(t *testing.T) {
	app := fiber.New(fiber.Config{ErrorHandler: apierr.ErrorHandler})
	type ctx = {{if eq .Framework "fiber"}}*fiber.Ctx{{else}}fiber.Ctx{{end}}
	lim := limiter.New(limiter.Config{Max: 1, Expiration: 30 * time.Second, LimitReached: apierr.LimitReached})
	app.Get("/limited", lim, func(c ctx) error { return c.SendString("ok") })
	app.Get("/err", func(c ctx) error { return fmt.Errorf("ctx: %w", apierr.New(apierr.CodeConflict, "taken")) })
	app.Get("/plain", func(c ctx) error { return errors.New("secret") })
	app.Get("/bad", func(c ctx) error { return fiber.NewError(fiber.StatusBadRequest, "bad id") })
	app.Get("/teapot", func(c ctx) error { return fiber.NewError(fiber.StatusTeapot) })
	for _, c := range []struct {
		path string
		want
	}{
		{"/nope", want{404, "NOT_FOUND", ""}},
		{"/err", want{409, "CONFLICT", ""}},
		{"/plain", want{500, "INTERNAL_ERROR", ""}},
		{"/bad", want{400, "BAD_REQUEST", ""}},
		{"/teapot", want{400, "BAD_REQUEST", ""}}, // no code has 418
		{"/limited", want{200, "", ""}},
		{"/limited", want{429, "RATE_LIMIT_EXCEEDED", "*"}}, // the limiter's Retry-After
	} {
		res, err := app.Test(httptest.NewRequest("GET", c.path, nil))
		if err != nil {
			t.Fatal(err)
		}
		check(t, c.path, res, c.want)
	}
}
{{- end}}
`))
