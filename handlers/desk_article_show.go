package handlers

import (
	"net/http"
	"time"

	"github.com/labstack/echo/v4"

	"claimtracker/extract"
	"claimtracker/views/pages"
)

// deskArticleShow shows a logged article with every candidate claim that
// extract finds highlighted in place, the published fact-checks that
// already answer each, and the claims already logged from it.
func (h *Handler) deskArticleShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	a, err := h.store.GetArticle(ctx, id)
	if err != nil {
		return err
	}
	logged, err := h.store.ArticleClaims(ctx, a.ID)
	if err != nil {
		return err
	}
	var published time.Time
	if a.PublishedAt != nil {
		published = *a.PublishedAt
	}
	p := page(c, a.Title)
	p.Flash = flashMessage(c.QueryParam("done"))
	found, total := extract.Find(a.Body, published)
	checked, err := h.checkedCandidates(ctx, found)
	if err != nil {
		return err
	}
	return render(c, http.StatusOK, pages.DeskArticleShow(p, pages.NewArticleDesk(a, found, total, logged, checked)))
}
