package analyzer

import "testing"

func TestTablePackage(t *testing.T) {
	for key, want := range map[string]string{
		"(net/http.ResponseWriter).WriteHeader":             "net/http",
		"net/http.Error":                                    "net/http",
		"(*github.com/gin-gonic/gin.Context).JSON":          "github.com/gin-gonic/gin",
		"(github.com/labstack/echo/v4.Context).JSON":        "github.com/labstack/echo/v4",
		"github.com/go-chi/render.Status":                   "github.com/go-chi/render",
		"(*github.com/valyala/fasthttp.ResponseHeader).Set": "github.com/valyala/fasthttp",
		"fmt.Fprintf":                     "fmt",
		"(*encoding/json.Encoder).Encode": "encoding/json",
	} {
		if got := tablePackage(key); got != want {
			t.Errorf("tablePackage(%q) = %q, want %q", key, got, want)
		}
	}
}
