// Package gin is a stub of github.com/gin-gonic/gin v1.12.0 for the
// analyzer's fixtures: the declarations the framework tables name and a few
// that handlers use, with the real signatures (TestTables checks them).
package gin

import "net/http"

// H is a shortcut for map[string]any.
type H map[string]any

// HandlerFunc defines the handler used by gin middleware as return value.
type HandlerFunc func(*Context)

// ErrorType is an unsigned 64-bit error code as defined in the gin spec.
type ErrorType uint64

// Error represents a error's specification.
type Error struct {
	Err  error
	Type ErrorType
	Meta any
}

func (msg Error) Error() string { return "" }
func (msg Error) Unwrap() error { return nil }

// ErrorTypeBind is used when Context.Bind() fails.
const ErrorTypeBind ErrorType = 1 << 63

type errorMsgs []*Error

// ByType returns a readonly copy filtered the byte.
func (a errorMsgs) ByType(typ ErrorType) errorMsgs { return nil }

// Last returns the last error in the slice.
func (a errorMsgs) Last() *Error { return nil }

// ResponseWriter is gin's response writer.
type ResponseWriter interface {
	http.ResponseWriter
	http.Hijacker
	http.Flusher
	http.CloseNotifier

	Status() int
	Size() int
	WriteString(string) (int, error)
	Written() bool
	WriteHeaderNow()
	Pusher() http.Pusher
}

// Context is the most important part of gin.
type Context struct {
	Request *http.Request
	Writer  ResponseWriter
	Keys    map[any]any
	Errors  errorMsgs
}

// Request data and flow control.

func (c *Context) Param(key string) string                        { return "" }
func (c *Context) Query(key string) (value string)                { return }
func (c *Context) DefaultQuery(key, defaultValue string) string   { return "" }
func (c *Context) GetHeader(key string) string                    { return "" }
func (c *Context) ShouldBindJSON(obj any) error                   { return nil }
func (c *Context) BindJSON(obj any) error                         { return nil }
func (c *Context) Next()                                          {}
func (c *Context) Abort()                                         {}
func (c *Context) IsAborted() bool                                { return false }
func (c *Context) Error(err error) *Error                         { return nil }
func (c *Context) Set(key any, value any)                         {}
func (c *Context) Get(key any) (value any, exists bool)           { return }
func (c *Context) MustGet(key any) any                            { return nil }
func (c *Context) AbortWithStatus(code int)                       {}
func (c *Context) AbortWithStatusJSON(code int, jsonObj any)      {}
func (c *Context) AbortWithStatusPureJSON(code int, jsonObj any)  {}
func (c *Context) AbortWithError(code int, err error) *Error      { return nil }
func (c *Context) Status(code int)                                {}
func (c *Context) Header(key, value string)                       {}
func (c *Context) HTML(code int, name string, obj any)            {}
func (c *Context) IndentedJSON(code int, obj any)                 {}
func (c *Context) SecureJSON(code int, obj any)                   {}
func (c *Context) JSONP(code int, obj any)                        {}
func (c *Context) JSON(code int, obj any)                         {}
func (c *Context) AsciiJSON(code int, obj any)                    {}
func (c *Context) PureJSON(code int, obj any)                     {}
func (c *Context) XML(code int, obj any)                          {}
func (c *Context) YAML(code int, obj any)                         {}
func (c *Context) TOML(code int, obj any)                         {}
func (c *Context) ProtoBuf(code int, obj any)                     {}
func (c *Context) BSON(code int, obj any)                         {}
func (c *Context) String(code int, format string, values ...any)  {}
func (c *Context) Data(code int, contentType string, data []byte) {}
func (c *Context) File(filepath string)                           {}
func (c *Context) FileAttachment(filepath, filename string)       {}
