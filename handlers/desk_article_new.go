package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskArticleNew shows the form where an editor pastes an article.
func (h *Handler) deskArticleNew(c echo.Context) error {
	return render(c, http.StatusOK, pages.DeskArticleNew(page(c, localeOf(c).T("desk.action.paste_article")), views.Form{}, nil))
}
