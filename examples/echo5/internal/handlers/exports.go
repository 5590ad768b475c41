package handlers

import (
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
	"example.com/echo5svc/internal/middleware"
)

var errExportMissing = errors.New("export not found")

// ExportQueue runs project exports with a bounded number of slots.
type ExportQueue struct {
	mu      sync.Mutex
	slots   int
	running int
	last    map[string]time.Time
	done    map[string]string
}

func NewExportQueue(slots int) *ExportQueue {
	return &ExportQueue{slots: slots, last: make(map[string]time.Time), done: make(map[string]string)}
}

func (q *ExportQueue) tryStart(user string) (id string, full bool, wait time.Duration) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if since := time.Since(q.last[user]); since < time.Minute {
		return "", false, time.Minute - since
	}
	if q.running >= q.slots {
		return "", true, 0
	}
	q.running++
	q.last[user] = time.Now()
	return strconv.FormatInt(time.Now().UnixNano(), 36), false, 0
}

// Open returns the content of a finished export.
func (q *ExportQueue) Open(id string) (io.ReadCloser, error) {
	q.mu.Lock()
	defer q.mu.Unlock()
	s, ok := q.done[id]
	if !ok {
		return nil, errExportMissing
	}
	return io.NopCloser(strings.NewReader(s)), nil
}

// StartExport queues an export of a project.
func (h *Handler) StartExport(c *echo.Context) error {
	u, _ := middleware.CurrentUser(c)
	if c.QueryParam("format") == "xlsx" && !u.Admin {
		e := apierr.New(http.StatusTooManyRequests, apierr.CodeRateLimited, "Spreadsheet exports are limited to one per hour")
		e.RetryAfter = time.Hour
		return e
	}
	id, full, wait := h.Exports.tryStart(u.ID)
	switch {
	case full && c.QueryParam("wait") == "false":
		return echo.NewHTTPError(http.StatusTooManyRequests, "Export queue is full")
	case full:
		return &apierr.Error{
			Status:     http.StatusTooManyRequests,
			Code:       apierr.CodeRateLimited,
			Message:    "Export queue is full",
			RetryAfter: time.Duration(h.Exports.slots) * 20 * time.Second,
		}
	case wait > time.Minute/2:
		return apierr.RateLimited(wait)
	case wait > 0:
		return &apierr.Error{
			Status:  http.StatusTooManyRequests,
			Code:    apierr.CodeRateLimited,
			Message: "Only one export per minute",
		}
	}
	return c.JSON(http.StatusAccepted, map[string]any{"id": id, "status": "QUEUED"})
}

// DownloadExport streams a finished export as CSV.
func (h *Handler) DownloadExport(c *echo.Context) error {
	rc, err := h.Exports.Open(c.Param("id"))
	if errors.Is(err, errExportMissing) {
		return apierr.NotFound("Export " + c.Param("id"))
	}
	if err != nil {
		return apierr.Internal(err)
	}
	defer rc.Close()

	w := c.Response()
	w.Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
	w.WriteHeader(http.StatusOK)
	if _, err := io.Copy(w, rc); err != nil {
		h.Logger.Warn("export stream interrupted", "id", c.Param("id"), "error", err)
		http.Error(w, "export stream interrupted", http.StatusInternalServerError)
	}
	return nil
}

// DownloadPart streams one part of a multi-part export. Parts are fetched by
// the desktop client, which only looks at the status.
func (h *Handler) DownloadPart(c *echo.Context) error {
	w := c.Response()
	rc, err := h.Exports.Open(c.Param("id") + "." + c.Param("n"))
	if err == nil {
		defer rc.Close()
		w.Header().Set(echo.HeaderContentType, echo.MIMEOctetStream)
		w.WriteHeader(http.StatusOK)
		_, err = io.Copy(w, rc)
	}
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
	return nil
}
