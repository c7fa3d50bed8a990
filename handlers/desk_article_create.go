package handlers

import (
	"errors"
	"net/http"

	"github.com/labstack/echo/v4"

	"claimtracker/models"
	"claimtracker/views/components"
	"claimtracker/views/pages"
)

// deskArticleCreate logs a pasted article and shows it with its candidate
// claims highlighted. The form's "Fetch from URL" button (fetch) sends it
// to deskArticleFetch instead, which saves nothing. An article whose
// address is already logged is not saved: the form comes back (409) with
// the editor's input, a warning that links to the articles logged there,
// and a second button (duplicate=allow) that logs it again on purpose.
func (h *Handler) deskArticleCreate(c echo.Context) error {
	f, err := parseForm(c, "url", "title", "outlet", "published_at", "author", "text", "fetch", "duplicate")
	if err != nil {
		return err
	}
	if f.Get("fetch") != "" {
		return h.deskArticleFetch(c, f)
	}
	a, err := h.store.CreateArticle(c.Request().Context(), currentUser(c), meta(c), models.ArticleInput{
		URL: f.Get("url"), Title: f.Get("title"), Outlet: f.Get("outlet"),
		PublishedAt: f.Get("published_at"), Author: f.Get("author"), Text: f.Get("text"),
		AllowDuplicate: f.Get("duplicate") == "allow",
	})
	if fe := formErrors(c, err); fe != nil {
		f.Errors = fe
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, localeOf(c).T("desk.action.paste_article")), f, nil))
	}
	var dup *models.DuplicateArticleError
	if errors.As(err, &dup) {
		return render(c, http.StatusConflict, pages.DeskArticleNew(page(c, localeOf(c).T("desk.action.paste_article")), f, dup.Existing))
	}
	if err != nil {
		return err
	}
	return seeOther(c, components.ArticlePath(a.ID)+"?done=article-logged")
}
