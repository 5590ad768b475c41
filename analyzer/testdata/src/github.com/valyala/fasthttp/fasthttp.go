// Package fasthttp is a stub of github.com/valyala/fasthttp v1.73.0 for the
// analyzer's fixtures: the response and request types that fiber hands out,
// with the real signatures (TestTables checks them).
package fasthttp

// ResponseHeader represents HTTP response header.
type ResponseHeader struct{}

func (h *ResponseHeader) Set(key, value string)          {}
func (h *ResponseHeader) Add(key, value string)          {}
func (h *ResponseHeader) Del(key string)                 {}
func (h *ResponseHeader) Peek(key string) []byte         { return nil }
func (h *ResponseHeader) SetStatusCode(statusCode int)   {}
func (h *ResponseHeader) StatusCode() int                { return 0 }
func (h *ResponseHeader) SetCanonical(key, value []byte) {}

// RequestHeader represents HTTP request header.
type RequestHeader struct{}

func (h *RequestHeader) Set(key, value string)  {}
func (h *RequestHeader) Peek(key string) []byte { return nil }

// Response represents HTTP response.
type Response struct {
	Header ResponseHeader
}

func (resp *Response) SetStatusCode(statusCode int) {}
func (resp *Response) StatusCode() int              { return 0 }
func (resp *Response) SetBody(body []byte)          {}
func (resp *Response) SetBodyString(body string)    {}

// Request represents HTTP request.
type Request struct {
	Header RequestHeader
}

func (req *Request) Body() []byte { return nil }
