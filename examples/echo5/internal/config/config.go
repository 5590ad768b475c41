// Package config reads the service configuration from the environment.
package config

import (
	"os"
	"strconv"
	"time"
)

// Config is the runtime configuration of the API and its side servers.
type Config struct {
	Addr, AdminAddr, MetricsAddr string
	RequestsPerS                 float64
	ExportSlots                  int
	Maintenance                  bool
	WebhookSecret, SearchURL     string
	RenderTimeout                time.Duration
}

// Load returns the configuration with defaults for anything unset.
func Load() Config {
	return Config{
		Addr:          env("ADDR", ":8080"),
		AdminAddr:     env("ADMIN_ADDR", "127.0.0.1:8081"),
		MetricsAddr:   env("METRICS_ADDR", ":9090"),
		RequestsPerS:  envFloat("RATE_LIMIT_RPS", 20),
		ExportSlots:   int(envFloat("EXPORT_SLOTS", 4)),
		Maintenance:   env("MAINTENANCE", "") == "1",
		WebhookSecret: env("WEBHOOK_SECRET", "dev-secret"),
		SearchURL:     env("SEARCH_URL", "http://search.internal:7700"),
		RenderTimeout: 10 * time.Second,
	}
}

func env(key, def string) string {
	if v, ok := os.LookupEnv(key); ok {
		return v
	}
	return def
}

func envFloat(key string, def float64) float64 {
	v, err := strconv.ParseFloat(env(key, ""), 64)
	if err != nil {
		return def
	}
	return v
}
