package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskArticleShow shows a logged article with every candidate claim that
// extract finds highlighted in place, the published fact-checks that
// already answer each, the claims already logged from it, and the other
// articles logged at its address.
func (h *Handler) deskArticleShow(c echo.Context) error {
	id, err := idParam(c, "id")
	if err != nil {
		return err
	}
	return h.renderArticleDesk(c, http.StatusOK, id, views.Form{})
}

// renderArticleDesk shows article id's desk page; remove is its deletion
// form, refused (with its errors) or fresh.
func (h *Handler) renderArticleDesk(c echo.Context, status int, id uint, remove views.Form) error {
	ctx := c.Request().Context()
	a, err := h.store.GetArticle(ctx, id)
	if err != nil {
		return err
	}
	logged, err := h.store.ArticleClaims(ctx, a.ID)
	if err != nil {
		return err
	}
	p := page(c, a.Title)
	p.Flash = flash(c)
	found, total, checked, err := h.articleCandidates(ctx, a.Body, a.PublishedAt)
	if err != nil {
		return err
	}
	d := pages.NewArticleDesk(a, found, total, logged, checked)
	if d.Same, err = h.store.ArticlesAt(ctx, a.URL, a.ID); err != nil {
		return err
	}
	d.Remove = remove
	return render(c, status, pages.DeskArticleShow(p, d))
}
