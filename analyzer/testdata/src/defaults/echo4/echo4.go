// Package echo4 makes echo v4 instances and middleware that keep echo's own
// error answers, and look-alikes that must stay silent.
package echo4

import (
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"

	"defaults/echo4errs"
	"defaults/echo4routes"
)

type store struct{}

func (store) Allow(id string) (bool, error) { return true, nil }

func main() {
	e := echo.New()                                                                                                                                           // want `default-error-response: echo.New without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set its HTTPErrorHandler to a handler that sends the documented JSON error body`
	e.Use(middleware.RateLimiter(store{}))                                                                                                                    // want `default-error-response: middleware.RateLimiter without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set RateLimiterConfig\{DenyHandler: \.\.\.\} to a handler that sets Retry-After and returns the documented error`
	e.Use(middleware.RateLimiterWithConfig(middleware.RateLimiterConfig{Store: store{}, ErrorHandler: func(c echo.Context, err error) error { return err }})) // want `default-error-response: middleware\.RateLimiterWithConfig without a DenyHandler answers a denied request with echo's 429 error and no Retry-After; set`
	e.Use(middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: 5 * time.Second}))                                                                   // want `default-error-response: middleware.TimeoutWithConfig answers a request that times out with a plain-text 503 \(http.TimeoutHandler\); use middleware.ContextTimeout`
	e.GET("/", func(c echo.Context) error { return c.JSON(200, echo.Map{}) })
	register(e)
	echo4routes.Register(e)
	m := echo4routes.NewMux(e)
	_ = m.Start()
	_ = http.ListenAndServe(":8080", e)
	_ = httptest.NewServer(e)
}

func register(e *echo.Echo) {
	e.GET("/a", func(c echo.Context) error { return nil })
}

// An unexported field of the package's own type whose uses all keep it.
type server struct {
	echo *echo.Echo
}

func newServer() *server {
	s := &server{}
	s.echo = echo.New() // want `default-error-response: echo\.New without an HTTPErrorHandler answers every error that a handler returns or echo raises \(no route: 404, wrong method: 405\) with \{"message": \.\.\.\} and no code; set`
	return s
}

func (s *server) start() error { return s.echo.Start(":8081") }

// The Timeout middleware answers only once a Timeout is set, and a JSON
// ErrorMessage is the documented body.
func timeouts(d time.Duration) {
	_ = middleware.Timeout()
	_ = middleware.TimeoutWithConfig(middleware.TimeoutConfig{ErrorMessage: "timed out"})
	_ = middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: d})
	_ = middleware.TimeoutWithConfig(middleware.TimeoutConfig{Timeout: time.Second, ErrorMessage: `{"code":"SERVICE_UNAVAILABLE","message":"timed out","details":{},"request_id":""}`})
	_ = middleware.ContextTimeout(time.Second)
}

// Look-alikes: echos whose handler the analysis cannot prove is kept.

// Handed to a helper of another package that replaces the handler.
func installed() {
	e := echo.New()
	echo4errs.Setup(e)
	_ = e.Start(":8082")
}

// Stored in an exported field: configured elsewhere, perhaps.
type Server struct {
	Echo *echo.Echo
}

func NewServer() *Server {
	return &Server{Echo: echo.New()}
}

// Returned as an http.Handler by a helper: its callers are not followed.
func wrapped() http.Handler {
	e := echo.New()
	return echo4routes.Handler(e)
}

// Stored in an unexported field that another use lets escape.
type holder struct {
	e *echo.Echo
}

func (h *holder) init() { h.e = echo.New() }

func (h *holder) Echo() *echo.Echo { return h.e }

// Handed to a function value, or kept in a slice.
func dynamic(f func(*echo.Echo)) {
	e := echo.New()
	f(e)
	list := []*echo.Echo{echo.New()}
	_ = list
}
