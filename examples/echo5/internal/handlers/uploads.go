package handlers

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"

	"github.com/labstack/echo/v5"

	"example.com/echo5svc/internal/apierr"
)

const maxUpload = 8 << 20

// Upload stores a multipart file and answers with its content hash.
func (h *Handler) Upload(c *echo.Context) error {
	fh, err := c.FormFile("file")
	if err != nil {
		return c.String(http.StatusBadRequest, "missing file field")
	}
	if fh.Size > maxUpload {
		return apierr.Validation(map[string]apierr.FieldError{
			"file": {Code: "too_large", Message: "Files are limited to 8 MiB"},
		})
	}
	f, err := fh.Open()
	if err != nil {
		return apierr.Internal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, maxUpload))
	if err != nil {
		return apierr.BadRequest("Upload was interrupted")
	}
	sum := sha256.Sum256(b)
	id := hex.EncodeToString(sum[:])
	if _, loaded := h.Uploads.LoadOrStore(id, b); loaded {
		return c.String(http.StatusOK, id)
	}
	return c.String(http.StatusCreated, id)
}

// Thumbnail serves the stored file when it is a PNG.
func (h *Handler) Thumbnail(c *echo.Context) error {
	v, ok := h.Uploads.Load(c.Param("id"))
	if !ok {
		return echo.ErrNotFound
	}
	b := v.([]byte)
	if ct := http.DetectContentType(b); ct != "image/png" {
		return apierr.New(http.StatusUnprocessableEntity, apierr.CodeUnprocessable, "Upload is "+ct+", not an image")
	}
	return c.Blob(http.StatusOK, "image/png", b)
}
