package handlers

import (
	"errors"
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"claimtracker/fetcher"
	"claimtracker/input"
	"claimtracker/models"
	"claimtracker/views"
	"claimtracker/views/pages"
)

// deskArticleFetch answers the new-article form's "Fetch from URL" button:
// it fetches the page at the form's URL and shows the form again with the
// fields the editor left empty filled from the page, for them to check
// and correct before saving. Nothing is saved. A page that cannot be
// fetched is shown as the URL field's error, with the form as it was sent.
// When the address is already logged, the form says so and links to the
// articles there, as a save would.
func (h *Handler) deskArticleFetch(c echo.Context, f views.Form) error {
	title := "Paste an article"
	u, err := input.URL(f.Get("url"))
	switch {
	case f.Get("url") == "":
		f.Errors["url"] = reasonText(c, models.NewReason("reasons.url_required_to_fetch", "is required to fetch the article"))
	case err != nil:
		f.Errors["url"] = reasonText(c, models.InputReason(err))
	}
	if len(f.Errors) > 0 {
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, title), f, nil))
	}
	got, err := h.fetchArticle(c.Request().Context(), u)
	var fe *fetcher.Error
	if errors.As(err, &fe) {
		f.Errors["url"] = reasonText(c, fetchReason(fe))
		return render(c, http.StatusUnprocessableEntity, pages.DeskArticleNew(page(c, title), f, nil))
	}
	if err != nil {
		return err
	}
	var filled, missing []string
	for _, fld := range []struct{ name, label, value string }{
		{"title", "headline", got.Title}, {"outlet", "outlet", got.Outlet}, {"author", "author", got.Author},
		{"published_at", "date", got.PublishedAt}, {"text", "text", got.Text},
	} {
		switch {
		case f.Get(fld.name) != "":
		case fld.value == "":
			missing = append(missing, fld.label)
		default:
			f.Values[fld.name] = fld.value
			filled = append(filled, fld.label)
		}
	}
	same, err := h.store.ArticlesAt(c.Request().Context(), u, 0)
	if err != nil {
		return err
	}
	p := page(c, title)
	p.Flash = fetchNotice(filled, missing)
	return render(c, http.StatusOK, pages.DeskArticleNew(p, f, same))
}

// fetchNotice tells the editor what a fetch filled in and what the page
// did not give.
func fetchNotice(filled, missing []string) string {
	var b strings.Builder
	if len(filled) > 0 {
		b.WriteString("Filled in from the page: " + wordList(filled) + ". Check them before you save.")
	} else {
		b.WriteString("The page was fetched; every field it gives was already filled in, so nothing changed. Empty a field to take the page's.")
	}
	if len(missing) > 0 {
		b.WriteString(" The page gives no " + strings.Replace(wordList(missing), " and ", " or ", 1) + ".")
	}
	return b.String()
}

// wordList joins words as a sentence does: "a", "a and b", "a, b and c".
func wordList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
