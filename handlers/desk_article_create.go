package handlers

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskArticleCreate logs a pasted article and shows it with its candidate
// claims highlighted. The form's "Fetch from URL" button (fetch) sends it
// to deskArticleFetch instead, which saves nothing.
func (h *Handler) deskArticleCreate(c echo.Context) error {
	f, err := parseForm(c, "url", "title", "outlet", "published_at", "author", "text", "fetch")
	if err != nil {
		return err
	}
	if f.Get("fetch") != "" {
		return h.deskArticleFetch(c, f)
	}
	a, err := h.store.CreateArticle(c.Request().Context(), currentUser(c), meta(c), models.ArticleInput{
		URL: f.Get("url"), Title: f.Get("title"), Outlet: f.Get("outlet"),
		PublishedAt: f.Get("published_at"), Author: f.Get("author"), Text: f.Get("text"),
	})
	if fe := models.FieldErrors(err); fe != nil {
		f.Errors = fe
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, "Paste an article"), f))
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ArticlePath(a.ID)+"?done=article-logged")
}
