// Package config reads the shop API's settings from the environment.
package config

import (
	"os"
	"strconv"
	"time"
)

type Config struct {
	Addr           string
	ProbeAddr      string
	PaymentsURL    string
	ReadOnly       bool
	AdvertiseRetry bool
	CheckoutPerMin int
	BodyLimit      int
	ShutdownGrace  time.Duration
}

func Load() Config {
	return Config{
		Addr:           get("ADDR", ":3000"),
		ProbeAddr:      get("PROBE_ADDR", ":3001"),
		PaymentsURL:    get("PAYMENTS_URL", "http://payments.internal"),
		ReadOnly:       get("READ_ONLY", "") == "true",
		AdvertiseRetry: get("ADVERTISE_RETRY", "true") == "true",
		CheckoutPerMin: getInt("CHECKOUT_PER_MIN", 30),
		BodyLimit:      getInt("BODY_LIMIT", 1<<20),
		ShutdownGrace:  10 * time.Second,
	}
}

func get(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}

func getInt(key string, def int) int {
	n, err := strconv.Atoi(get(key, ""))
	if err != nil {
		return def
	}
	return n
}
