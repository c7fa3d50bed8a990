package handlers

import (
	"encoding/csv"
	"io"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
)

// exportCSV is every public fact-check as CSV, one row per claim, streamed.
// A retracted fact-check's row has status "retracted" and no rating; the
// last column is the claim's language tag ("" when not known).
// Only the document itself is offered as a file: an error page (such as
// 503 while too many documents are being sent) is shown, not saved.
func (h *Handler) exportCSV(c echo.Context) error {
	c.Response().Header().Set(echo.HeaderContentDisposition, `attachment; filename="fact-checks.csv"`)
	err := h.servePublic(c, publicPage{key: "export.csv", contentType: "text/csv; charset=utf-8", stream: func(c echo.Context, w io.Writer) error {
		cw := csv.NewWriter(w)
		header := []string{"url", "claim", "summary", "speaker", "said_at", "setting", "rating", "headline", "status", "published_at", "updated_at", "corrected_at",
			"language"}
		if err := cw.Write(header); err != nil {
			return err
		}
		ctx := c.Request().Context()
		loc := views.Zone(ctx)
		err := h.store.EachPublic(ctx, func(it models.PublicItem) error {
			rating := it.RatingLabel
			if !it.Status.RatingStands() {
				rating = ""
			}
			row := []string{h.absURL("/claims/" + it.Slug), it.Text, it.Summary, it.PersonName, models.FormatDate(it.SaidAt), it.Setting,
				rating, it.Headline, string(it.Status), stamp(it.PublishedAt, loc), stamp(&it.UpdatedAt, loc), stamp(it.CorrectedAt, loc), it.Language}
			for i := range row {
				row[i] = csvSafe(row[i])
			}
			return cw.Write(row)
		})
		if err != nil {
			return err
		}
		cw.Flush()
		return cw.Error()
	}})
	if err != nil && !c.Response().Committed {
		c.Response().Header().Del(echo.HeaderContentDisposition)
	}
	return err
}

// stamp writes a moment as RFC 3339 in loc, the newsroom's time zone,
// with its offset, or "" for none.
func stamp(t *time.Time, loc *time.Location) string {
	if t == nil {
		return ""
	}
	return t.In(loc).Format(time.RFC3339)
}

// csvSafe stops a spreadsheet from running a cell as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
