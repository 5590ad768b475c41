package fiber

// ErrorHandler defines a function that will process all errors returned
// from any handlers in the stack.
type ErrorHandler = func(*Ctx, error) error

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
	Use(args ...interface{}) Router
	Get(path string, handlers ...Handler) Router
	Post(path string, handlers ...Handler) Router
	Put(path string, handlers ...Handler) Router
	Delete(path string, handlers ...Handler) Router
	Patch(path string, handlers ...Handler) Router
	Add(method, path string, handlers ...Handler) Router
	Group(prefix string, handlers ...Handler) Router
	Route(prefix string, fn func(router Router), name ...string) Router
}

// New creates a new Fiber named instance.
func New(config ...Config) *App { return nil }

func (app *App) Use(args ...interface{}) Router                  { return nil }
func (app *App) Get(path string, handlers ...Handler) Router     { return nil }
func (app *App) Group(prefix string, handlers ...Handler) Router { return nil }
func (app *App) Mount(prefix string, subApp *App) Router         { return nil }
func (app *App) Listen(addr string) error                        { return nil }
func (app *App) Post(path string, handlers ...Handler) Router    { return nil }
func (app *App) Put(path string, handlers ...Handler) Router     { return nil }
func (app *App) Delete(path string, handlers ...Handler) Router  { return nil }
func (app *App) Add(method, path string, handlers ...Handler) Router {
	return nil
}
func (app *App) Route(prefix string, fn func(router Router), name ...string) Router {
	return nil
}

func (app *App) Patch(path string, handlers ...Handler) Router { return nil }
