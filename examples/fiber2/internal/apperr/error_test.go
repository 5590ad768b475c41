package apperr

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"
)

func TestStatusCode(t *testing.T) {
	tests := []struct {
		err  *Error
		want int
	}{
		{NotFound("order 1"), http.StatusNotFound},
		{Conflict("stale"), http.StatusConflict},
		{Validation(nil), http.StatusUnprocessableEntity},
		{RateLimited(1500 * time.Millisecond), http.StatusTooManyRequests},
		{Unavailable("later", time.Second), http.StatusServiceUnavailable},
		{New(CodeDatabase, "boom"), http.StatusInternalServerError},
	}
	for _, tt := range tests {
		if got := tt.err.StatusCode(); got != tt.want {
			t.Errorf("%s: StatusCode() = %d, want %d", tt.err.Code, got, tt.want)
		}
	}
}

func TestRetryAfterRoundsUp(t *testing.T) {
	if got := RateLimited(1500 * time.Millisecond).RetryAfter; got != 2 {
		t.Fatalf("RetryAfter = %d, want 2", got)
	}
}

func TestFromUnwraps(t *testing.T) {
	wrapped := fmt.Errorf("placing order: %w", Internal(errors.New("disk full")))
	e, ok := From(wrapped)
	if !ok || e.Code != CodeInternal {
		t.Fatalf("From(%v) = %v, %v", wrapped, e, ok)
	}
}
