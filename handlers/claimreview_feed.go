package handlers

import (
	"encoding/json"
	"io"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views"
)

// claimReviewFeed is a schema.org DataFeed whose dataFeedElement holds the
// ClaimReview of every public fact-check whose rating stands, streamed so
// that memory stays flat. Retracted fact-checks are left out: their pages
// carry no ClaimReview either (see models.ClaimStatus.RatingStands).
func (h *Handler) claimReviewFeed(c echo.Context) error {
	return h.servePublic(c, publicPage{key: "claimreview.json", contentType: "application/ld+json; charset=utf-8", stream: func(c echo.Context, w io.Writer) error {
		ctx := c.Request().Context()
		org, _, err := h.organization(ctx)
		if err != nil {
			return err
		}
		scale, err := h.ratings(ctx)
		if err != nil {
			return err
		}
		head, err := json.Marshal(views.DataFeedLD{Context: "https://schema.org", Type: "DataFeed", Name: org.Name + " fact-checks",
			URL: h.absURL("/claimreview.json"), DataFeedElement: []views.ClaimReviewLD{}})
		if err != nil {
			return err
		}
		// Open the dataFeedElement array: everything up to the closing "[]}".
		if _, err := w.Write(head[:len(head)-3]); err != nil {
			return err
		}
		if _, err := io.WriteString(w, "[\n"); err != nil {
			return err
		}
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(true)
		first := true
		err = h.store.EachPublic(ctx, func(it models.PublicItem) error {
			if !it.Status.RatingStands() {
				return nil
			}
			if !first {
				if _, err := io.WriteString(w, ","); err != nil {
					return err
				}
			}
			first = false
			return enc.Encode(views.ClaimReviewOf(it, scale, org, h.absURL("/claims/"+it.Slug), h.absURL("/people/"+it.PersonSlug)))
		})
		if err != nil {
			return err
		}
		_, err = io.WriteString(w, "]}\n")
		return err
	}})
}
