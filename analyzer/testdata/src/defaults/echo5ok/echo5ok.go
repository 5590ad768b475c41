// Package echo5ok sets echo v5's HTTPErrorHandler through its Config. // want package:"holds error helpers or types"
package echo5ok

import "github.com/labstack/echo/v5"

func render(c *echo.Context, err error) {} // want render:`renderer\(echo\)`

func main() {
	e := echo.NewWithConfig(echo.Config{HTTPErrorHandler: render})
	_ = e.Start(":8080")
	f := echo.New()
	_ = f.Start(":8081")
}
