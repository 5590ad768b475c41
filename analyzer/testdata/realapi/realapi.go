// Package realapi imports the real framework packages whose APIs the
// analyzer's tables and its analysistest stubs (../src/github.com/...)
// describe. TestTables loads them through this module, at the versions its
// go.mod requires, and checks every table row and every stub declaration
// against them. testdata is not matched by ./... patterns, so this module
// is only built by that test.
package realapi

import (
	_ "github.com/gin-gonic/gin"
	_ "github.com/go-chi/chi/v5"
	_ "github.com/go-chi/render"
	_ "github.com/go-pkgz/rest"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/gofiber/fiber/v2/middleware/keyauth"
	_ "github.com/gofiber/fiber/v2/middleware/limiter"
	_ "github.com/gofiber/fiber/v3"
	_ "github.com/gofiber/fiber/v3/middleware/keyauth"
	_ "github.com/gofiber/fiber/v3/middleware/limiter"
	_ "github.com/labstack/echo/v4"
	_ "github.com/labstack/echo/v4/middleware"
	_ "github.com/labstack/echo/v5"
	_ "github.com/labstack/echo/v5/middleware"
	_ "github.com/valyala/fasthttp"
)
