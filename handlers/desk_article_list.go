package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views/pages"
)

// deskArticleList lists the most recently logged articles.
func (h *Handler) deskArticleList(c echo.Context) error {
	articles, err := h.store.ListArticles(c.Request().Context(), 100)
	if err != nil {
		return err
	}
	p := page(c, localeOf(c).T("desk.articles.title"))
	p.Flash = flash(c)
	return render(c, http.StatusOK, pages.DeskArticles(p, articles))
}
