package handlers

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"example.com/fiber2svc/internal/apperr"
	"example.com/fiber2svc/internal/httpx"
	"example.com/fiber2svc/internal/middleware"
	"example.com/fiber2svc/internal/ratelimit"
)

var regions = []string{"eu", "us", "apac"}

// SalesRow is one line of the sales report.
type SalesRow struct {
	Day     string `json:"day"`
	Region  string `json:"region"`
	Orders  int    `json:"orders"`
	Revenue int64  `json:"revenue_cents"`
}

// SalesReport returns daily sales for a region. Staff only.
func (a *API) SalesReport(c *fiber.Ctx) error {
	staff, _ := middleware.Customer(c)
	if _, ok := a.Reports.Hit(staff.ID); !ok {
		return httpx.JSON(c, ratelimit.StatusLimited, httpx.Body{
			Code:      apperr.CodeRateLimited,
			Message:   "Report quota exhausted for this hour",
			RequestID: httpx.RequestID(c),
		})
	}
	region := c.Query("region", "eu")
	if !slices.Contains(regions, region) {
		return c.Status(fiber.StatusForbidden).JSON(fiber.Map{
			"code":       apperr.CodeForbidden,
			"message":    "No access to region " + region,
			"request_id": c.Context().ID(),
		})
	}
	return httpx.JSON(c, fiber.StatusOK, a.salesRows(region))
}

// SalesCSV is the sales report as a spreadsheet.
func (a *API) SalesCSV(c *fiber.Ctx) error {
	var b strings.Builder
	b.WriteString("day,region,orders,revenue_cents\n")
	for _, r := range a.salesRows(c.Query("region", "eu")) {
		fmt.Fprintf(&b, "%s,%s,%d,%d\n", r.Day, r.Region, r.Orders, r.Revenue)
	}
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="sales.csv"`)
	return c.Status(fiber.StatusOK).SendString(b.String())
}

func (a *API) salesRows(region string) []SalesRow {
	var rows []SalesRow
	day := time.Now().UTC().Truncate(24 * time.Hour)
	for i := range 7 {
		d := day.AddDate(0, 0, -i)
		rows = append(rows, SalesRow{Day: d.Format(time.DateOnly), Region: region, Orders: 10 + i, Revenue: int64(1000 * (10 + i))})
	}
	return rows
}
