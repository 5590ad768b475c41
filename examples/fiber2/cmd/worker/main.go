// Command worker drains the fulfilment queue and exposes a small status
// server for operators.
package main

import (
	"context"
	"encoding/json"
	"log/slog"
	"net/http"
	"net/http/httputil"
	"net/url"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"
)

// queue is the worker's view of the fulfilment queue.
type queue struct {
	mu       sync.Mutex
	pending  []string
	done     int
	failures int
	lastPoll time.Time
}

func (q *queue) healthy() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return time.Since(q.lastPoll) < time.Minute && q.failures < 10
}

func (q *queue) snapshot() map[string]any {
	q.mu.Lock()
	defer q.mu.Unlock()
	return map[string]any{"pending": len(q.pending), "done": q.done, "failures": q.failures, "last_poll": q.lastPoll}
}

func (q *queue) poll(ctx context.Context) {
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		q.mu.Lock()
		q.lastPoll = time.Now()
		if len(q.pending) > 0 {
			q.pending = q.pending[1:]
			q.done++
		}
		q.mu.Unlock()
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	q := &queue{lastPoll: time.Now()}
	go q.poll(ctx)

	carrier, err := url.Parse(envOr("CARRIER_URL", "http://carrier-gateway.internal:8088"))
	if err != nil {
		slog.Error("bad CARRIER_URL", "error", err)
		os.Exit(2)
	}

	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		if !q.healthy() {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		_, _ = w.Write([]byte("ok"))
	})
	mux.HandleFunc("GET /queue", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		if err := json.NewEncoder(w).Encode(q.snapshot()); err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
		}
	})
	mux.Handle("/carrier/", &httputil.ReverseProxy{
		Rewrite: func(pr *httputil.ProxyRequest) {
			pr.SetURL(carrier)
			pr.Out.Header.Set("X-Forwarded-By", "shop-worker")
		},
	})

	srv := &http.Server{Addr: envOr("STATUS_ADDR", ":3100"), Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() {
		<-ctx.Done()
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = srv.Shutdown(sctx)
	}()
	if err := srv.ListenAndServe(); err != nil && err != http.ErrServerClosed {
		slog.Error("status server stopped", "error", err)
		os.Exit(1)
	}
}

func envOr(key, def string) string {
	if v := os.Getenv(key); v != "" {
		return v
	}
	return def
}
