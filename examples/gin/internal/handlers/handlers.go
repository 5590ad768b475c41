// Package handlers implements the HTTP endpoints of the orders API.
package handlers

import (
	"time"

	"example.com/ginsvc/internal/audit"
	"example.com/ginsvc/internal/middleware"
	"example.com/ginsvc/internal/store"
)

// Config holds tunables read from the environment.
type Config struct {
	Version         string
	MonthlyQuota    int
	OrdersPerMinute int
	AdvertiseRetry  bool
	BillingURL      string
	TokenTTL        time.Duration
	Maintenance     bool
}

// Handler groups the dependencies of all endpoints.
type Handler struct {
	Cfg      Config
	Store    *store.Memory
	Tokens   *middleware.Tokens
	Throttle *middleware.LoginThrottle
	Audit    *audit.Log
	Started  time.Time
}
