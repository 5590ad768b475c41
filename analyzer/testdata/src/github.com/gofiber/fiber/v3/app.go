package fiber

// ErrorHandler defines a function that will process all errors returned
// from any handlers in the stack.
type ErrorHandler = func(Ctx, error) error

// Config is a struct holding the server settings (a few of its fields).
type Config struct {
	ServerHeader string       `json:"server_header"`
	BodyLimit    int          `json:"body_limit"`
	ErrorHandler ErrorHandler `json:"-"`
	AppName      string       `json:"app_name"`
}

// App denotes the Fiber application.
type App struct{}

// Router defines all router handle interface (a few of its methods).
type Router interface {
	Use(args ...any) Router
	Get(path string, handler any, handlers ...any) Router
	Post(path string, handler any, handlers ...any) Router
	Put(path string, handler any, handlers ...any) Router
	Delete(path string, handler any, handlers ...any) Router
	Patch(path string, handler any, handlers ...any) Router
	Group(prefix string, handlers ...any) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

// New creates a new Fiber named instance.
func New(config ...Config) *App { return nil }

func (app *App) Use(args ...any) Router                                  { return nil }
func (app *App) Get(path string, handler any, handlers ...any) Router    { return nil }
func (app *App) Group(prefix string, handlers ...any) Router             { return nil }
func (app *App) Post(path string, handler any, handlers ...any) Router   { return nil }
func (app *App) Put(path string, handler any, handlers ...any) Router    { return nil }
func (app *App) Delete(path string, handler any, handlers ...any) Router { return nil }
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	return nil
}

// ListenConfig is a struct to customize startup of Fiber.
type ListenConfig struct{}

func (app *App) Listen(addr string, config ...ListenConfig) error { return nil }

func (app *App) Patch(path string, handler any, handlers ...any) Router { return nil }
